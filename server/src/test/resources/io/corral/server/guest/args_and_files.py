import sys

print(sys.argv[0])
print(sys.argv[1:])
with open("/mnt/req/d/x.txt") as f:
    print(f.read())
