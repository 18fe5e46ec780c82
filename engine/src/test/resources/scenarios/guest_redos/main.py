import re
print("started", flush=True)
re.match(r'(a*)*\1b', 'a' * 40)
print("finished")
