# Domain models with dataclasses, enums, properties and protocols.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from enum import Enum, IntEnum, Flag, auto
from functools import total_ordering
from typing import Protocol, runtime_checkable, NamedTuple, Optional
import abc


class Status(Enum):
    OPEN = "open"
    CLOSED = "closed"
    PENDING = "pending"

    @property
    def is_final(self):
        return self is Status.CLOSED


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()


@dataclass(order=True)
class Ticket:
    priority: Priority
    title: str = field(compare=False)
    tags: list = field(default_factory=list, compare=False, repr=False)
    status: Status = field(default=Status.OPEN, compare=False)

    def __post_init__(self):
        self.title = self.title.strip().capitalize()


@dataclass(frozen=True)
class Point:
    x: float
    y: float = 0.0

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


class Money(NamedTuple):
    amount: int
    currency: str = "EUR"


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "Version(%r)" % ".".join(map(str, self.parts))


@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self) -> float: ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Square(Shape):
    __slots__ = ("side",)

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Registry:
    plugins = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[name or cls.__name__.lower()] = cls


class CsvExport(Registry, name="csv"):
    pass


class JsonExport(Registry):
    pass


tickets = [Ticket(Priority.LOW, "  printer jam "), Ticket(Priority.HIGH, "outage", ["prod"]), Ticket(Priority.MEDIUM, "slow page")]
print(sorted(tickets))
print(max(tickets).title, asdict(tickets[1]), astuple(tickets[0])[:2], [f.name for f in fields(Ticket)])
print(replace(tickets[0], status=Status.CLOSED).status.is_final, Status("pending"), Status["OPEN"].value, list(Status)[1].name)
print(Priority.HIGH > Priority.LOW, Priority(2), int(Priority.MEDIUM) + 1, [p.name for p in sorted(Priority, reverse=True)])
rw = Perm.READ | Perm.WRITE
print(Perm.READ in rw, Perm.EXEC in rw, bool(Perm.EXEC & rw), rw.value)
p = Point(1, 2) + Point(0.5)
print(p, hash(p) == hash(Point(1.5, 2.0)), p == Point(1.5, 2))
try:
    p.x = 3
except FrozenInstanceError as e:
    print("frozen:", type(e).__name__)
m = Money(5)
print(m, m._replace(currency="USD"), m.amount * 2, Money._field_defaults)
print(sorted([Version("1.10.0"), Version("1.2.3"), Version("1.2.10")]), Version("2.0") >= Version("1.9"))
print(isinstance(open.__class__, type), isinstance(__import__("io").StringIO(), Closable), isinstance(3, Closable))
print(Square(3).describe(), hasattr(Square(1), "__dict__"))
try:
    Shape()
except TypeError as e:
    print("TypeError:", "abstract" in str(e))
print(sorted(Registry.plugins), Optional[int] == (int | None))


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self._c = (value - 32) * 5 / 9

    def __repr__(self):
        return f"Temperature({self._c:.1f}°C)"

    def __format__(self, spec):
        return format(self._c, spec) + "C"


t = Temperature(100)
t.fahrenheit = 50
print(t, f"{t:.3f}", Temperature(37).fahrenheit, vars(t))
