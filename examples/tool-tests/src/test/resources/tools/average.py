"""A tool: the average of a list of numbers, and how many there were."""


def execute(input):
    values = input["values"]
    if not values:
        return {"count": 0, "average": None}
    return {"count": len(values), "average": sum(values) / len(values)}
