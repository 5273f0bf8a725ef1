"""Safe YAML reading that keeps the line of every field and rejects what PyYAML lets by.

PyYAML silently keeps the last of two equal keys and, with the full loader, builds Python
objects from tags. Records are untrusted, so we compose the node tree ourselves: plain
scalars, lists and mappings only, each duplicate key and foreign tag reported with its line.
Untrusted also means bounded: libyaml's composer recurses in C (about 30,000 levels of
``[`` crash the process) and its parser slows quadratically with depth, so nesting is
capped before composing, and aliases cannot expand a file past a node budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .errors import DataError, Problem

try:  # libyaml is several times faster; PyYAML's wheels ship it.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TAG = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_MAX_NODES = 100_000
#: Records nest three levels (``links[0].url``); no file of the data needs more than a few.
_MAX_DEPTH = 50
#: Every level of nesting costs one of these characters, so a file with fewer than
#: :data:`_COMPOSABLE` of them (every record) is composed at once; others are measured first.
_NESTERS = "[{-:?"
_COMPOSABLE = 1000
#: A field name a path shows as it is: ``listed_title``, ``short-name``.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")
_constructor = SafeConstructor()
_SCALARS: dict[str, Any] = {
    _TAG + "str": lambda node: node.value,
    _TAG + "int": _constructor.construct_yaml_int,
    _TAG + "float": _constructor.construct_yaml_float,
    _TAG + "bool": _constructor.construct_yaml_bool,
    _TAG + "null": lambda node: None,
    # Dates stay text: the schema checks their form, and JSON has no date type.
    _TAG + "timestamp": lambda node: node.value,
}


@dataclass
class YamlDocument:
    """A parsed file: its value and the 1-based line of each field path."""

    value: Any
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: str) -> int:
        """Line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = parent_path(path)
        return self.lines.get("", 1)


def join_path(parent: str, key: str | int) -> str:
    """``authors`` + 2 -> ``authors[2]``; ``links[0]`` + ``url`` -> ``links[0].url``; a key
    that is no plain name is quoted (``links[0]['\\r']``), so that a message stays one line."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    if not _PLAIN_KEY.fullmatch(key):
        return f"{parent}[{key!r}]"
    return f"{parent}.{key}" if parent else key


def parent_path(path: str) -> str:
    """The path one level up (``links[0].url`` -> ``links[0]`` -> ``links``)."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[: max(cut, 0)]


def read_text(path: str | Path, display: str) -> str:
    """The UTF-8 text of ``path`` (a BOM dropped), or :class:`DataError` saying why not."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError as exc:  # it went away after it was listed, or it is not readable
        raise DataError([Problem(display, 1, "file", f"cannot be read: {exc.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
        raise DataError([Problem(display, line, "file", message)]) from None


def read_yaml(path: str | Path, display: str) -> YamlDocument:
    """Read ``path`` (shown as ``display``).

    A file that cannot be read or parsed raises :class:`DataError`; duplicate keys and foreign
    tags are left out of the value and listed in ``problems``, so the rest can still be checked.
    """
    return parse_yaml(read_text(path, display), display)


def parse_yaml(text: str, display: str) -> YamlDocument:
    """The document in ``text``, as :func:`read_yaml` reads a file's."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise DataError([Problem(display, 1, "file", "file is empty")])
    try:
        if sum(map(text.count, _NESTERS)) > _COMPOSABLE:
            _check_depth(text, display)
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        message = f"syntax error: {exc.problem}"
        if exc.context and exc.context_mark:
            message += f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise DataError([Problem(display, line, "yaml", message)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML forbids, such as NUL
        line = text[: exc.position].count("\n") + 1
        message = f"syntax error: {exc.reason} (U+{int(exc.character):04X})"
        raise DataError([Problem(display, line, "yaml", message)]) from None
    except yaml.YAMLError as exc:
        message = " ".join(f"syntax error: {exc}".split())
        raise DataError([Problem(display, 1, "yaml", message)]) from None
    if root is None:  # only comments and blank lines, caught above; kept for the type checker
        raise DataError([Problem(display, 1, "file", "file is empty")])
    return _Composer(display).document(root)


def _check_depth(text: str, display: str) -> None:
    """Refuse nesting deeper than :data:`_MAX_DEPTH`, reading no further than that depth."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else 1
                message = f"nested more than {_MAX_DEPTH} levels deep"
                raise DataError([Problem(display, line, "yaml", message)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Composer:
    """Turns a node tree into plain data, collecting problems instead of raising at the first."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.doc = YamlDocument(None)
        self.nodes = 0

    def document(self, root: yaml.Node) -> YamlDocument:
        self.doc.lines[""] = root.start_mark.line + 1
        self.doc.value = self.convert(root, "")
        return self.doc

    def problem(self, node: yaml.Node, path: str, message: str) -> None:
        self.doc.problems.append(
            Problem(self.display, node.start_mark.line + 1, path or "yaml", message)
        )

    def convert(self, node: yaml.Node, path: str, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > _MAX_NODES or depth > _MAX_DEPTH:
            # Past the budget, or an alias that holds itself: report once, keep nothing.
            if self.nodes == _MAX_NODES + 1:
                self.problem(node, path, f"document has more than {_MAX_NODES} nodes")
            elif depth == _MAX_DEPTH + 1 and self.nodes <= _MAX_NODES:
                self.problem(node, path, f"nested more than {_MAX_DEPTH} levels deep")
            return None
        # Scalars first and paths built inline: this runs for every node of every file.
        if type(node) is yaml.ScalarNode and node.tag in _SCALARS:
            return _SCALARS[node.tag](node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            lines = self.doc.lines
            items = []
            for index, item in enumerate(node.value):
                child = f"{path}[{index}]"
                lines.setdefault(child, item.start_mark.line + 1)
                items.append(self.convert(item, child, depth + 1))
            return items
        self.problem(
            node, path, f"YAML tag {_short_tag(node.tag)} is not allowed (plain data only)"
        )
        return None

    def mapping(self, node: yaml.MappingNode, path: str, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            self.problem(
                node, path, f"YAML tag {_short_tag(node.tag)} is not allowed (plain data only)"
            )
            return {}
        lines = self.doc.lines
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != _STR:
                self.problem(key_node, path, "keys must be plain text")
                continue
            key = key_node.value
            child = f"{path}.{key}" if path else key
            if key in result:
                first = lines[child]
                self.problem(key_node, child, f"duplicate key (first defined at line {first})")
                continue
            lines[child] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, child, depth + 1)
        return result


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
