import sys
print(sys.stdin.read()[::-1])
