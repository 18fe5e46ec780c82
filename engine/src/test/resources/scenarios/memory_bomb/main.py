# Holds 1 GiB, 16 MiB at a time (eight times the default memory_size), then keeps it.
import time
print("started", flush=True)
held = []
for _ in range(64):
    held.append(bytearray(16 * 1024 * 1024))
print("held", len(held), flush=True)
time.sleep(600)
