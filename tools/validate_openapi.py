#!/usr/bin/env python3
"""Checks the API description against the server:

  1. Schemas/openapi.yaml is a valid OpenAPI 3.1 document;
  2. every route the server has (ROUTES: lines "METHOD /path/{param}") is in it;
  3. every recorded response (RESPONSES: JSON Lines {method, path, status,
     contentType, body}) is described: its path and method exist, its status
     (or `default`) is listed with that content type, and a JSON body validates
     against the schema, `$ref`s to ./vanban-document.schema.json included.

usage: python3 tools/validate_openapi.py SPEC ROUTES RESPONSES
Exit status 1 with one line per problem.
"""
import json
import pathlib
import re
import sys

import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource


def main(spec_path, routes_path, responses_path):
    spec_file = pathlib.Path(spec_path)
    spec = yaml.safe_load(spec_file.read_text(encoding="utf-8"))
    problems = []
    try:
        validate_spec(spec, base_uri=spec_file.resolve().as_uri())
    except Exception as e:  # noqa: BLE001 - report any validation failure as one line
        problems.append(f"spec: {str(e).splitlines()[0]}")

    paths = spec.get("paths", {})
    for line in pathlib.Path(routes_path).read_text().splitlines():
        if not line.strip():
            continue
        method, path = line.split(" ", 1)
        if method.lower() not in paths.get(path, {}):
            problems.append(f"route {method} {path} is not in the description")

    doc_schema = json.loads((spec_file.parent / "vanban-document.schema.json").read_text(encoding="utf-8"))
    base = spec_file.resolve().as_uri()
    registry = Registry().with_resources([
        (base, Resource.from_contents(spec, default_specification=__import__("referencing.jsonschema").jsonschema.DRAFT202012)),
        (base.rsplit("/", 1)[0] + "/vanban-document.schema.json", Resource.from_contents(doc_schema)),
    ])

    def template_for(path):
        for template in paths:
            rx = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
            if re.match(rx, path):
                return template
        return None

    seen = 0
    for line in pathlib.Path(responses_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        seen += 1
        where = f"{r['method']} {r['path']} -> {r['status']}"
        template = template_for(r["path"].split("?", 1)[0])
        if template is None and r["status"] == 404:
            # A route the server does not have: the generic problem answer.
            op = {"responses": {"404": {"$ref": "#/components/responses/Problem"}}}
            paths = dict(paths, **{r["path"]: {r["method"].lower(): op}})
            template = r["path"]
        if template is None or r["method"].lower() not in paths[template]:
            problems.append(f"{where}: not in the description")
            continue
        op = paths[template][r["method"].lower()]
        responses = op.get("responses", {})
        resp = responses.get(str(r["status"])) or responses.get("default")
        if resp is None:
            problems.append(f"{where}: status not described")
            continue
        if "$ref" in resp:
            resp = spec["components"]["responses"][resp["$ref"].rsplit("/", 1)[1]]
        ctype = r["contentType"].split(";", 1)[0].strip()
        content = resp.get("content", {})
        if ctype not in content:
            problems.append(f"{where}: content type {ctype} not described (has {list(content)})")
            continue
        schema = content[ctype].get("schema")
        if schema is None or not ctype.endswith("json"):
            continue
        wrapped = {"$ref": base + "#/__probe"}
        spec.setdefault("__probe", {})
        spec["__probe"] = schema
        registry_now = registry.with_resource(base, Resource.from_contents(spec, default_specification=__import__("referencing.jsonschema").jsonschema.DRAFT202012))
        validator = Draft202012Validator(wrapped, registry=registry_now)
        for err in validator.iter_errors(json.loads(r["body"])):
            problems.append(f"{where}: {'/'.join(map(str, err.absolute_path))}: {err.message[:200]}")
            break
    if seen == 0:
        problems.append("no responses recorded")
    for p in problems:
        print(p)
    print(f"{seen} responses checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
