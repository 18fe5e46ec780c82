import os

# module-level state: survives between calls only in a warm instance
count = 0


def execute(input):
    global count
    count += 1
    print("call", count)
    if input and input.get("raise"):
        raise ValueError("asked to raise")
    if input and input.get("spin"):
        while True:
            pass
    return {"count": count, "mode": os.environ.get("MODE")}
