def execute(input):
    return {"sum": input["a"] + input["b"]}
