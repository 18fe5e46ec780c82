# Threads that never end, the main thread waiting for them: only the time limit stops this run.
import threading
import time


def busy():
    while True:
        try:
            time.sleep(0)
        except BaseException:
            pass


for _ in range(3):
    threading.Thread(target=busy).start()
threading.Thread(target=time.sleep, args=(3600,)).start()
print("started", flush=True)
