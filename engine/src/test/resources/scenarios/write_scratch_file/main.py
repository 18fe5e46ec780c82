import os
print("left over:", os.path.exists("/tmp/scratch.txt"))
with open("/tmp/scratch.txt", "w") as f:
    f.write("scratch")
print(open("/tmp/scratch.txt").read())
