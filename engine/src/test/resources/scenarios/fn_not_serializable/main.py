def execute(input):
    return {1, 2, 3}
