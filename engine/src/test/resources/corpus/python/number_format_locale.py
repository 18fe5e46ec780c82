# The "n" presentation type groups digits as the current locale says (the C locale: not at all).
print(format(1234567.891, "n"), format(1234567, "n"), f"{9876543:n}")
