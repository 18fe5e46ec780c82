def execute(input):
    assert input is None
