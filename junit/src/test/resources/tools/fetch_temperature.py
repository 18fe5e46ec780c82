import json
import urllib.request


def execute(input):
    with urllib.request.urlopen(input["url"]) as response:
        return json.load(response)["temp"]
