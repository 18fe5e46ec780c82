# bytes() of a memoryview that skips elements (not contiguous).
data = memoryview(b"abcdefgh")
print(bytes(data[::2]), data[::2].tolist())
