import requests


def execute(input):
    r = requests.get(input["url"])
    return {"status": r.status_code, "body": r.text}
