import os
print(os.environ.get("K1"), os.environ.get("PATH"), os.environ.get("HOME"))
