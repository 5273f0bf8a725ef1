"""The JSON Schemas of records and vocabularies, and their errors as contributor-facing problems."""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema_rs

from .errors import Problem
from .yamlfile import YamlDocument, join_path

_JSON_TYPES = {
    dict: "a mapping",
    list: "a list",
    str: "text",
    bool: "true/false",
    int: "a whole number",
    float: "a number",
    type(None): "nothing (null)",
}
_WANTED = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


@cache
def schema(name: str) -> dict[str, Any]:
    """The schema ``name`` (paper, categories, environments, keywords) as shipped in the package."""
    text = (
        resources.files("awesome_papers").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def rules(name: str) -> dict[str, Any]:
    """Schema ``name`` with its local ``$ref``s inlined: one rule per field, annotations kept."""
    # Local $refs inlined, so that an error's schema path leads straight to its rule and x-message.
    loaded = schema(name)
    inlined: dict[str, Any] = _inline_refs(loaded, loaded.get("$defs", {}))
    return inlined


@cache
def unauthored_kinds() -> list[str]:
    """The kinds of record that may name no authors, as the paper schema says."""
    condition: dict[str, Any] = schema("paper")["if"]["not"]
    kinds: list[str] = condition["properties"]["kind"]["enum"]
    return kinds


@cache
def validator(name: str) -> jsonschema_rs.Draft202012Validator:
    """The compiled validator of schema ``name``."""
    return jsonschema_rs.Draft202012Validator(rules(name), validate_formats=True)


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            merged = {
                **defs[node["$ref"].rsplit("/", 1)[1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
            return _inline_refs(merged, defs)
        return {key: _inline_refs(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


def check(name: str, doc: YamlDocument, display: str) -> list[Problem]:
    """Every schema problem of ``doc`` against schema ``name``."""
    checker = validator(name)
    if checker.is_valid(doc.value):
        return []
    problems: list[Problem] = []
    for error in checker.iter_errors(doc.value):
        problems.extend(_problems(error, rules(name), doc, display))
    return problems


def _problems(
    error: jsonschema_rs.ValidationError, rules: dict[str, Any], doc: YamlDocument, display: str
) -> list[Problem]:
    path = ""
    for part in error.instance_path:
        path = join_path(path, part)
    *where, kind = error.schema_path
    rule = _rule_at(rules, where)
    value: Any = rule.get(str(kind))
    instance = error.instance

    def at(field: str, message: str, line_of: str | None = None) -> Problem:
        return Problem(
            display, doc.line(line_of if line_of is not None else field), field or "file", message
        )

    detail = error.kind
    if isinstance(detail, jsonschema_rs.ValidationErrorKind.Required):
        return [at(join_path(path, str(detail.property)), "missing required field", path)]
    if isinstance(detail, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        known = list(rule.get("properties", {}))
        return [
            at(join_path(path, name), _unknown_field(name, known)) for name in detail.unexpected
        ]
    if kind == "type" and value:
        wanted_text = " or ".join(
            _WANTED.get(t, t) for t in ([value] if isinstance(value, str) else value)
        )
        return [
            at(path, f"expected {wanted_text}, got {_JSON_TYPES.get(type(instance), 'a value')}")
        ]
    if kind in {"pattern", "format"} and "x-message" in rule:  # "format": a real date
        return [at(path, f"{rule['x-message']} (got {_shown(instance)})")]
    if kind == "minLength":
        return [at(path, "must not be empty")]
    if kind == "maxLength":
        length = len(instance) if isinstance(instance, str) else 0
        return [at(path, f"must be at most {value} characters long (got {length})")]
    if kind in {"minItems", "maxItems"} and "x-message" in rule:
        count = len(instance) if isinstance(instance, list) else 0
        return [at(path, f"{rule['x-message']} (got {count})")]
    if kind == "uniqueItems":
        return [at(path, "lists the same item twice")]
    if kind == "enum":
        choices = ", ".join(map(str, value))
        return [at(path, f"must be one of: {choices} (got {_shown(instance)})")]
    message = error.message  # it may quote the whole value, which may be a megabyte
    return [at(path, message if len(message) <= 200 else message[:197] + "...")]


def _rule_at(rules: dict[str, Any], where: list[str | int]) -> dict[str, Any]:
    """The schema object at ``where`` (an error's schema path), or {} if there is none."""
    node: Any = rules
    for step in where:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            return {}
    return node if isinstance(node, dict) else {}


def _unknown_field(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"unknown field; did you mean '{close[0]}'?"
    return f"unknown field; allowed: {', '.join(known)}"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
