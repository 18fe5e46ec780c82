# The shortest repr of the smallest float.
import sys

print(5e-324, sys.float_info.min * sys.float_info.epsilon, repr(2.0 ** -1074))
