import gc
for _ in range(30):
    gc.collect()
print("after")
