# Inventory bookkeeping with the collections module and heapq.
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap
import heapq
import bisect

Item = namedtuple("Item", "sku name qty price", defaults=[0, 0.0])
stock = [Item("A1", "bolt", 120, 0.05), Item("B2", "nut", 300, 0.03), Item("C3", "gear", 4, 12.5), Item("D4", "spring")]
print(stock[0], stock[3], stock[0]._asdict(), stock[2]._replace(qty=5), Item._fields)

orders = ["bolt", "nut", "bolt", "gear", "nut", "bolt", "washer", "gear", "nut", "nut"]
counts = Counter(orders)
print(counts.most_common(2), counts.most_common()[-1], counts["missing"], sorted(counts.elements())[:4])
print(counts + Counter(bolt=1, spring=2), counts - Counter(nut=10), Counter("abracadabra").most_common(3), counts.total())
by_letter = defaultdict(list)
for name in orders:
    by_letter[name[0]].append(name)
print(dict(by_letter), sorted(defaultdict(int, a=1).items()))

recent = deque(maxlen=3)
for o in orders:
    recent.append(o)
print(recent, recent.maxlen)
d = deque(range(6))
d.rotate(2)
d.appendleft(-1)
print(d, d.popleft(), d.pop(), list(reversed(d)), d.index(4), d.count(0))

lru = OrderedDict()
for key in ["a", "b", "c", "a", "d"]:
    lru[key] = lru.get(key, 0) + 1
    lru.move_to_end(key)
    if len(lru) > 3:
        lru.popitem(last=False)
print(list(lru.items()), list(lru.keys()), OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1), {"b": 1, "a": 2} == {"a": 2, "b": 1})

defaults = {"color": "red", "size": "M"}
overrides = {"size": "L"}
cfg = ChainMap(overrides, defaults)
print(cfg["color"], cfg["size"], len(cfg), sorted(cfg), cfg.new_child({"color": "blue"})["color"])

tasks = [(3, "write report"), (1, "fix outage"), (2, "review PR"), (1, "answer pager")]
heap = []
for t in tasks:
    heapq.heappush(heap, t)
print([heapq.heappop(heap) for _ in range(len(heap))])
print(heapq.nlargest(2, [5, 1, 9, 3, 9]), heapq.nsmallest(3, stock, key=lambda i: i.price), list(heapq.merge([1, 4, 9], [2, 3, 10])))
grades = [60, 70, 80, 90]
print([("FDCBA")[bisect.bisect(grades, s)] for s in [33, 60, 75, 99]], bisect.bisect_left([1, 2, 2, 3], 2), bisect.bisect_right([1, 2, 2, 3], 2))
inv = {item.sku: item for item in stock}
print(sorted(inv.items(), key=lambda kv: kv[1].qty * kv[1].price, reverse=True)[0][0], {k: v.qty for k, v in inv.items() if v.qty})
merged = {**defaults, **overrides, "extra": 1}
print(merged, defaults | overrides, list(zip(*[(1, "a"), (2, "b")])), dict(zip("abc", range(3))), dict.fromkeys("xy", 0))
