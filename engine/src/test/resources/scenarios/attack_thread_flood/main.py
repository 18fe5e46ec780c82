# Threads are allowed, but a bounded number at once, each one through the gate, none outliving the run.
import threading
import time
import _thread

stop = threading.Event()
started = 0
try:
    for i in range(100_000):
        threading.Thread(target=stop.wait, daemon=True).start()
        started += 1
    print("reached: started", started, "threads")
except RuntimeError as e:
    print("refused thread", started, type(e).__name__)

# the built-in behind the gate, by every route a guest might try
for name in ("start_new_thread", "start_new"):
    try:
        getattr(_thread, name)(stop.wait, ())
        print("reached: _thread." + name)
    except RuntimeError:
        print("refused _thread." + name)
gate_fn = threading._start_new_thread
cells = [c.cell_contents for c in (gate_fn.__closure__ or ())]
if any(getattr(c, "__name__", "") == "start_new_thread" and type(c).__name__ == "builtin_function_or_method" for c in cells):
    print("reached: the built-in in a closure")
else:
    print("refused closure")
import importlib
try:
    again = importlib.reload(_thread)
    again.start_new_thread(stop.wait, ())
    print("reached: reloaded _thread")
except (RuntimeError, ImportError, TypeError) as e:
    print("refused reload", type(e).__name__)
try:
    import _multiprocessing_graalpy
    _multiprocessing_graalpy._spawn_context(0, 0, [])
    print("reached: a context without the lockdown")
except (PermissionError, ImportError) as e:
    print("refused spawn", type(e).__name__)

stop.set()
time.sleep(0.5)
# threads that would outlive the execution: one busy for ever (yielding, since GraalPy switches
# between one context's threads only when they block, see docs/languages/python.md), one sleeping,
# one blocked on a lock
lock = threading.Lock()
lock.acquire()


def spin():
    while True:
        try:
            time.sleep(0)
        except BaseException:
            pass


for target in (spin, lambda: time.sleep(3600), lock.acquire):
    threading.Thread(target=target, daemon=True).start()
print("after")
