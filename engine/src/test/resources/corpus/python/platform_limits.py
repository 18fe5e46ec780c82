# What a script can learn about the interpreter's limits.
import sys

print(len(range(10 ** 6)), len("x" * 100_000), list(range(2 ** 40, 2 ** 40 + 2)), 2 ** 64 // 3)
print(sys.getsizeof(0) > 0, sys.getsizeof("abc") > sys.getsizeof(""), sys.getsizeof([1, 2, 3]) > sys.getsizeof([]))
print(sys.getrecursionlimit(), sys.float_info.max, sys.float_info.epsilon, sys.int_info.default_max_str_digits)
print(sys.byteorder, sys.platform, sys.version_info >= (3, 11), sys.hash_info.width, sys.maxunicode)
