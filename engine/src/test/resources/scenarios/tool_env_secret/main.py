import os
import sys


def execute(input):
    token = os.environ.get("TOKEN")
    print("token is " + str(token))
    print("token again " + str(token), file=sys.stderr)
    return {"token": token, "length": len(token or "")}
