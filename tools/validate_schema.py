#!/usr/bin/env python3
"""Validate vanban JSON outputs against Schemas/vanban-document.schema.json.

usage: validate_schema.py FILE_OR_DIR...   (a directory: every *.json in it;
       a file may hold one JSON object or JSON Lines)
Exit status 1 when any document is invalid, with one line per error.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "Schemas", "vanban-document.schema.json")


def documents(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    try:
        yield path, json.loads(text)
    except json.JSONDecodeError:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield f"{path}:{n}", json.loads(line)


def main(args):
    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    paths = []
    for a in args:
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".json"))
        else:
            paths.append(a)
    bad = 0
    count = 0
    for p in paths:
        for name, doc in documents(p):
            count += 1
            for err in validator.iter_errors(doc):
                bad += 1
                where = "/".join(str(x) for x in err.absolute_path)
                print(f"{name}: {where}: {err.message}")
    print(f"{count} documents checked, {bad} schema errors")
    return 1 if bad or not count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
