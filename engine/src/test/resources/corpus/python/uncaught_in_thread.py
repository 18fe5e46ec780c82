# An exception escaping a worker thread is reported on stderr; the script goes on and exits 0.
import threading

results = []


def worker(n):
    if n == 2:
        raise ValueError(f"bad item {n}")
    results.append(n * 10)


threads = [threading.Thread(target=worker, args=(n,), name=f"w{n}") for n in range(4)]
for t in threads:
    t.start()
    t.join()
print(sorted(results), [t.is_alive() for t in threads])
seen = []
threading.excepthook = lambda args: seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=worker, args=(2,), name="hooked")
t.start()
t.join()
print(seen)
