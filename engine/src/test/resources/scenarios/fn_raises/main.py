def execute(input):
    raise ValueError("bad input")
