#!/usr/bin/python3
"""Validates TOML datasets against data/schema.json with Debian's
python3-jsonschema; prints one line per file: "valid NAME" or
"invalid NAME: first reason". TOML dates (which the format refuses) become
objects, so that they fail as the loader's "must be a string" does."""
import datetime
import json
import sys
import tomllib

import jsonschema


def as_json(value):
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return {"toml-date-literal": value.isoformat()}
    return value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    for path in sys.argv[2:]:
        name = path.rsplit("/", 1)[-1]
        try:
            with open(path, "rb") as f:
                data = as_json(tomllib.load(f))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            print(f"invalid {name}: not TOML: {error}")
            continue
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            where = "/".join(str(p) for p in errors[0].absolute_path)
            print(f"invalid {name}: {where}: {errors[0].message[:200]}")
        else:
            print(f"valid {name}")


main()
