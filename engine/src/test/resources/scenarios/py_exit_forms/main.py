import sys

form = sys.argv[1]
print("before")
if form == "none":
    sys.exit()
elif form == "int":
    sys.exit(7)
elif form == "message":
    sys.exit("bye")
elif form == "raise":
    raise SystemExit(5)
elif form == "caught":
    try:
        sys.exit(9)
    except SystemExit:
        print("caught")
elif form == "os_exit":
    import os
    try:
        os._exit(4)
    finally:
        print("finally must not run")
print("after")
