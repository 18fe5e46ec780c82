# Holds 8 MiB (well within its memory_size) while it computes for a while.
import sys
n = int(sys.argv[1])
kept = [bytearray(1024 * 1024) for _ in range(8)]
total = 0
for i in range(100_000):
    total += i % n
print(n, total, len(kept))
