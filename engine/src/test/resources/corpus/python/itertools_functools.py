# Data shaping with itertools and functools, as pipelines in tool code do it.
import functools
import itertools
import operator

records = [("eu", "fr", 3), ("eu", "de", 5), ("us", "ny", 2), ("eu", "fr", 1), ("us", "ca", 7), ("apac", "jp", 4)]
records.sort(key=operator.itemgetter(0, 1))
for region, group in itertools.groupby(records, key=operator.itemgetter(0)):
    group = list(group)
    print(region, len(group), sum(r[2] for r in group), [r[1] for r in group])
print(list(itertools.accumulate([1, 2, 3, 4, 5])), list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print(list(itertools.product("ab", [1, 2])), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 3)), list(itertools.combinations_with_replacement("xy", 2)))
print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.pairwise("abcd")), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])), list(itertools.repeat("x", 3)), list(itertools.islice(itertools.cycle("ab"), 5)), [list(t) for t in itertools.tee([1, 2], 2)])


def chunks(iterable, size):
    it = iter(iterable)
    while batch := tuple(itertools.islice(it, size)):
        yield batch


print(list(chunks(range(7), 3)), functools.reduce(operator.add, range(5), 100), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@functools.cache
def ways(n):
    return 1 if n == 0 else sum(ways(n - k) for k in (1, 2, 3) if k <= n)


print(ways(30), ways.cache_info().currsize)
power_of_two = functools.partial(pow, 2)
print(power_of_two(10), power_of_two.func.__name__, power_of_two.args)


@functools.singledispatch
def render(value):
    return f"<{type(value).__name__}>"


@render.register
def _(value: int):
    return f"int:{value}"


@render.register(list)
def _(value):
    return "[" + ", ".join(render(v) for v in value) + "]"


print(render([1, "a", [2.5]]))


def compare(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)


print(sorted(["ccc", "a", "bb", "aa", "b"], key=functools.cmp_to_key(compare)))


def log_calls(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)

    wrapper.calls = 0
    return wrapper


@log_calls
def greet(name):
    """Say hello."""
    return f"hello {name}"


print(greet("a"), greet("b"), greet.calls, greet.__name__, greet.__doc__, greet.__wrapped__("c"))


class Dataset:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.values)


ds = Dataset([1, 2, 3])
print(ds.total, ds.total)
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=operator.itemgetter(1, 0)), operator.attrgetter("real")(3 + 4j), operator.methodcaller("upper")("x"))
print(list(map(operator.neg, [1, -2])), list(filter(str.isdigit, ["1", "a", "22"])), list(zip(range(3), "abc", strict=True)), list(enumerate("ab", start=1)))
print(any(x > 3 for x in [1, 5]), all([]), sum([[1], [2]], []), list(reversed(range(3))), sorted("banana", reverse=True), max([], default=None))
