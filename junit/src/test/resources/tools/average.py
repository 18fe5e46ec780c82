def execute(input):
    values = input["values"]
    return sum(values) / len(values)
