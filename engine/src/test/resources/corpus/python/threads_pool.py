# Parallel work the way tool code does it: pools, futures, worker threads with a queue, locks.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION


def work(n):
    if n == 13:
        raise ValueError("unlucky")
    return n * n


with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(work, range(8))))
    futures = {pool.submit(work, n): n for n in (3, 13, 5)}
    results = {}
    for f in as_completed(futures):
        n = futures[f]
        try:
            results[n] = f.result()
        except ValueError as e:
            results[n] = f"error: {e}"
    print(sorted(results.items()))
    done, pending = wait([pool.submit(work, 2), pool.submit(work, 13)], return_when=FIRST_EXCEPTION)
    print(len(done) + len(pending), sorted(type(f.exception()).__name__ for f in done if f.exception()))
print(list(ThreadPoolExecutor(4).map(abs, [-1, -2])))

tasks = queue.Queue()
results = queue.Queue()


def worker(worker_id):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            break
        results.put((item, item ** 2))
        tasks.task_done()


workers = [threading.Thread(target=worker, args=(i,), name=f"worker-{i}") for i in range(3)]
for w in workers:
    w.start()
for item in range(20):
    tasks.put(item)
for _ in workers:
    tasks.put(None)
tasks.join()
for w in workers:
    w.join(timeout=5)
collected = sorted(results.get() for _ in range(results.qsize()))
print(len(collected), collected[:3], collected[-1], any(w.is_alive() for w in workers))

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(500,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

local = threading.local()
seen = []


def remember(value):
    local.value = value
    seen.append((threading.current_thread().name, local.value))


ts = [threading.Thread(target=remember, args=(i,), name=f"t{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(seen), hasattr(local, "value"), threading.current_thread().name, threading.main_thread() is threading.current_thread())

ready = threading.Event()
box = []
threading.Thread(target=lambda: (box.append("set by thread"), ready.set())).start()
print(ready.wait(5), box)
barrier = threading.Barrier(3)
order = []
order_lock = threading.Lock()


def meet(i):
    barrier.wait()
    with order_lock:
        order.append(i)


ts = [threading.Thread(target=meet, args=(i,)) for i in range(3)]
[t.start() for t in ts]
[t.join() for t in ts]
print(sorted(order), threading.active_count() >= 1)
timer_out = []
timer = threading.Timer(0.05, lambda: timer_out.append("timer fired"))
timer.start()
timer.join()
print(timer_out)
cond = threading.Condition()
items = []


def consume():
    with cond:
        cond.wait_for(lambda: items)
        print("consumed", items.pop())


c = threading.Thread(target=consume)
c.start()
with cond:
    items.append("x")
    cond.notify()
c.join()


def late():
    __import__("time").sleep(0.2)
    print("non-daemon thread finishes after the main script")


threading.Thread(target=late).start()
print("main script ends")
