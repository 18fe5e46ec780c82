# sys.maxsize, which scripts use as "no limit" and to tell a 64-bit interpreter.
import sys

print(sys.maxsize, sys.maxsize > 2 ** 32)
print(list(range(5))[:sys.maxsize], "abc".find("c", 0, sys.maxsize))
