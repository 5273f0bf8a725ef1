"""Write records and vocabularies as the YAML files of ``data/``, schema hint included."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..atomic import write_text

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"


class _Dumper(yaml.SafeDumper):
    """Text of several lines as a literal block, as a person would write it."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump_yaml(value: Any) -> str:
    """Stable, readable YAML: key order as given, Unicode as is, no line folding."""
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def schema_hint(target: Path, schema_name: str) -> str:
    """The comment that lets editors check the file against its schema as a contributor types."""
    schema = SCHEMA_DIR / f"{schema_name}.schema.json"
    relative = os.path.relpath(schema, target.parent.resolve())
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}\n"


def write_record(path: Path, record: dict[str, Any]) -> None:
    write_text(path, schema_hint(path, "paper") + dump_yaml(record))


def write_vocabulary(path: Path, name: str, entries: Iterable[dict[str, Any]]) -> None:
    write_text(path, schema_hint(path, name) + dump_yaml(list(entries)))
