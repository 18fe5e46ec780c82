print("before")
raise ValueError("A" * (5 * 1024 * 1024))
