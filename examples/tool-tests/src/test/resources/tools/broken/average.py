"""The same tool with a bug: it forgets the empty list."""


def execute(input):
    values = input["values"]
    return {"count": len(values), "average": sum(values) / len(values)}
