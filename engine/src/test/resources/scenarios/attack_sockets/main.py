import socket, urllib.request
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1)
    print("reached connect")
except OSError as e:
    print("refused", type(e).__name__)
try:
    socket.gethostbyname("example.com")
    print("reached dns")
except OSError as e:
    print("refused", type(e).__name__)
try:
    urllib.request.urlopen("http://127.0.0.1:1/")
    print("reached url")
except OSError as e:
    print("refused", type(e).__name__)
print("after")
