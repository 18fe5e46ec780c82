import threading
try:
    threading.Thread(target=print, args=("thread",)).start()
    print("thread started")
except BaseException as e:
    print("refused", type(e).__name__)
print("after")
