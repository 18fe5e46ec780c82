# Generators, closures, recursion and scoping: the control flow of everyday scripts.
import sys


def read_batches(lines, size):
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return total
        total += value
        count += 1
        avg = total / count


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


print(list(read_batches(range(7), 3)))
g = averager()
next(g)
print([g.send(v) for v in (10, 20, 60)])
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


c = make_counter()
print(c(), c(), c(5), c.__closure__[0].cell_contents)
funcs = [lambda i=i: i * i for i in range(4)]
print([f() for f in funcs])


def hanoi(n, a="A", b="B", c="C", moves=None):
    moves = [] if moves is None else moves
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves


print(len(hanoi(10)), hanoi(3))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


sys.setrecursionlimit(5000)
print(ackermann(2, 3), ackermann(3, 3))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(2000))
try:
    sys.setrecursionlimit(100)
    depth(1_000_000)
except RecursionError as e:
    print("RecursionError caught")
finally:
    sys.setrecursionlimit(1000)


def permutations(items):
    if len(items) <= 1:
        yield items
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest


print(["".join(p) for p in permutations(list("abc"))])
squares = {n: n * n for n in range(5) if n % 2 == 0}
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(squares, [list(col) for col in zip(*matrix)], [x for row in matrix for x in row if x % 2], (x for x in []).__class__.__name__)
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
x = 10


def scope():
    x = 1

    def inner():
        global x
        x += 1
        return x

    return inner(), x


print(scope(), x)
match_results = []
for command in [("go", "north"), ("take", "lamp", 2), ("quit",), {"action": "look", "at": "door"}, 42, "unknown"]:
    match command:
        case ("go", direction):
            match_results.append(f"go {direction}")
        case ("take", item, int(n)) if n > 1:
            match_results.append(f"take {n} {item}s")
        case ("quit",):
            match_results.append("quit")
        case {"action": "look", "at": target}:
            match_results.append(f"look at {target}")
        case int() | float() as number:
            match_results.append(f"number {number}")
        case _:
            match_results.append("?")
print(match_results)
