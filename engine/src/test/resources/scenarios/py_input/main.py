name = input()
rest = input("prompt> ")
print(f"{name}|{rest}")
try:
    input()
except EOFError:
    print("eof")
