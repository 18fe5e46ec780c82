# Allocates 1.6 GiB (12.5 times the default memory_size) and never holds more than 32 MiB.
for _ in range(100):
    b = bytearray(16 * 1024 * 1024)
print("ok")
