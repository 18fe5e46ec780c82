# Exception handling as tool code does it: chaining, context managers, groups, notes.
import contextlib
import traceback
import sys


class RetryError(Exception):
    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts
        self.last = last


def flaky(n, fail_until):
    if n < fail_until:
        raise ConnectionError(f"attempt {n} failed")
    return f"ok on attempt {n}"


def retry(fail_until, attempts=3):
    last = None
    for n in range(1, attempts + 1):
        try:
            return flaky(n, fail_until)
        except ConnectionError as e:
            last = e
    raise RetryError(attempts, last) from last


print(retry(2))
try:
    retry(10)
except RetryError as e:
    print(e, "| cause:", repr(e.__cause__), "| suppress context:", e.__suppress_context__)
    print("".join(traceback.format_exception_only(type(e), e)).strip())

try:
    try:
        {}["missing"]
    except KeyError:
        int("x")
except ValueError as e:
    print("context:", repr(e.__context__), "cause:", e.__cause__)

with contextlib.suppress(FileNotFoundError):
    open("/definitely/not/here.txt")
    print("not printed")
print("suppressed")


@contextlib.contextmanager
def step(name, log):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except ZeroDivisionError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"exit {name}")


log = []
with step("a", log) as a, step("b", log) as b:
    log.append(a + b)
    1 / 0
print(log)

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(step(n, log)) for n in "xy"]
    stack.callback(log.append, "callback")
print(names, log[-5:])

errors = []
for value in ["1", "two", "3", None]:
    try:
        errors.append(int(value) * 2)
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
    else:
        errors.append("else")
    finally:
        errors.append("finally")
print(errors)

eg = ExceptionGroup("batch failed", [ValueError("bad row 1"), TypeError("bad type"), ValueError("bad row 7")])
try:
    raise eg
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("types:", [str(e) for e in group.exceptions])

try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [OSError("disk")])])
    except* OSError as g:
        print("os errors:", len(g.exceptions), type(g).__name__)
except ExceptionGroup as rest:
    print("rest:", rest.message, [type(e).__name__ for e in rest.exceptions])

try:
    raise ValueError("plain")
except* ValueError as g:
    print("naked:", type(g).__name__, [str(e) for e in g.exceptions])

match, rest = eg.split(ValueError)
print(match.message, len(match.exceptions), rest.exceptions, eg.subgroup(lambda e: "7" in str(e)).exceptions)
e = ValueError("with note")
e.add_note("row 12, column 'price'")
print(e.__notes__, "".join(traceback.format_exception_only(type(e), e)).strip().splitlines())
print(isinstance(KeyError(), LookupError), issubclass(ConnectionRefusedError, OSError), OSError(2, "nope").errno)
print(sys.exc_info(), repr(StopIteration(5).value), BaseException("a", 1).args)
