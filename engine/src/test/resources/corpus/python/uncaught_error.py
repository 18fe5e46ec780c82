# A validation error nobody catches: CPython prints a traceback and exits with status 1.
import json


class ConfigError(ValueError):
    """A configuration value is invalid."""


def load(text):
    config = json.loads(text)
    return validate(config)


def validate(config):
    for key in ("name", "retries"):
        if key not in config:
            raise ConfigError(f"missing required key {key!r}")
    return config


print("loading")
print(load('{"name": "job", "retries": 3}'))
try:
    load("{not json")
except json.JSONDecodeError as e:
    print("bad json at", e.lineno, e.colno, e.msg)
load('{"name": "job"}')
print("never printed")
