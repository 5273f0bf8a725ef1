"""Write records and vocabularies as the YAML files of ``data/``, schema hint included."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..about import ENGINE, __version__
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
    """The comment that lets editors check the file against its schema as a contributor types:
    a relative path where the schema is in the same git work tree (this list), else the
    schema of this engine's release on GitHub, which resolves on anyone's machine."""
    schema = SCHEMA_DIR / f"{schema_name}.schema.json"
    folder = target.parent.resolve()
    tree = next((d for d in (folder, *folder.parents) if (d / ".git").exists()), None)
    if tree is not None and schema.resolve().is_relative_to(tree):
        where = Path(os.path.relpath(schema, folder)).as_posix()
    else:
        raw = ENGINE.replace("https://github.com/", "https://raw.githubusercontent.com/")
        where = f"{raw}/v{__version__}/docs/_ext/awesome_papers/schemas/{schema.name}"
    return f"# yaml-language-server: $schema={where}\n"


#: The folder of ``data/`` for records that wait for a human's decision: no build reads it.
PENDING = "pending"


def write_record(path: Path, record: dict[str, Any], asked: Iterable[str] = ()) -> None:
    """A record's file; ``asked``, what a human must decide first, goes above it."""
    waiting = "".join(f"#   {question}\n" for question in asked)
    if waiting:
        waiting = (
            f"# Not on the site until it is decided and this file moved to ../papers/:\n{waiting}"
        )
    write_text(path, waiting + schema_hint(path, "paper") + dump_yaml(record))


def write_vocabulary(path: Path, name: str, entries: Iterable[dict[str, Any]]) -> None:
    write_text(path, schema_hint(path, name) + dump_yaml(list(entries)))
