import threading
try:
    t = threading.Thread(target=print, args=("thread",))
    t.start()
    t.join()
    print("thread started")
except BaseException as e:
    print("refused", type(e).__name__)
print("after")
