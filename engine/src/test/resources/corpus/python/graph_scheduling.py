# Dependency ordering and shortest paths: build steps and route planning.
from graphlib import TopologicalSorter, CycleError
from collections import deque
import heapq

deps = {"deploy": {"test", "build"}, "test": {"build"}, "build": {"fetch", "configure"}, "configure": {"fetch"}, "docs": set()}
ts = TopologicalSorter(deps)
print(list(ts.static_order()))
ts = TopologicalSorter(deps)
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print(rounds)
try:
    list(TopologicalSorter({"a": {"b"}, "b": {"c"}, "c": {"a"}}).static_order())
except CycleError as e:
    print("cycle:", e.args[0], sorted(e.args[1]))

roads = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}}


def dijkstra(graph, start):
    dist = {start: 0}
    prev = {}
    heap = [(0, start)]
    while heap:
        d, node = heapq.heappop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in sorted(graph[node].items()):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                prev[nxt] = node
                heapq.heappush(heap, (nd, nxt))
    return dist, prev


dist, prev = dijkstra(roads, "A")
path, node = [], "F"
while node != "A":
    path.append(node)
    node = prev[node]
print(dict(sorted(dist.items())), ["A"] + path[::-1])


def bfs(grid, start, goal):
    rows, cols = len(grid), len(grid[0])
    seen = {start: None}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if (r, c) == goal:
            break
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == "." and (nr, nc) not in seen:
                seen[(nr, nc)] = (r, c)
                q.append((nr, nc))
    steps, cur = 0, goal
    while seen.get(cur) is not None:
        cur = seen[cur]
        steps += 1
    return steps


maze = ["..#....", ".##.##.", "....#..", "#.#...#", "......."]
print(bfs(maze, (0, 0), (4, 6)))
