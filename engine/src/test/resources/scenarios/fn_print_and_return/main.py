def execute(input):
    print("noise")
    return input["a"] + input["b"]
