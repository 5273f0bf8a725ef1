"""The package's shape, as ARCHITECTURE.md promises it: layers without cycles, small modules
and functions, and Sphinx imported only under ``sphinx_ext/``."""

from __future__ import annotations

import ast
import graphlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "docs" / "_ext" / "awesome_papers"
SCRIPTS = [*PACKAGE.rglob("*.py"), *(REPO / "benchmarks").glob("*.py")]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's modules that ``path`` imports anywhere: at module level, under
    ``TYPE_CHECKING`` or inside a function."""
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                name = f"{target}.{alias.name}"
                found.add(name if name in modules else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return (found & modules) - {_module(path)}


def test_no_import_cycle_in_the_package() -> None:
    graph = {_module(path): _imports(path) for path in PACKAGE.rglob("*.py")}
    assert "awesome_papers.about" in graph["awesome_papers"]  # the walk sees imports
    try:
        tuple(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_only_sphinx_ext_imports_sphinx() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "sphinx_ext" in path.parts or (path.name == "__init__.py" and path.parent == PACKAGE):
            continue
        tree = ast.parse(path.read_text("utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in names if n.split(".")[0] in ("sphinx", "docutils")], path


def test_the_command_line_starts_without_the_network_client() -> None:
    """`validate` and `readme` make no request, so loading the command line must not load
    httpx (a third of their start-up); the remote commands import it when they ask."""
    probe = "import sys, awesome_papers.cli; print(sorted(m for m in sys.modules if 'httpx' in m))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: str(p.relative_to(REPO)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= 300
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"  # type: ignore[operator]
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > 60  # type: ignore[operator]
    ]
    assert not long


SCRIPT_FILES = sorted((PACKAGE / "sphinx_ext" / "static").glob("*.js"))
#: A function's first line: a function expression or declaration, an arrow with a body, or a
#: class's method.
JS_FUNCTION = re.compile(
    r"\bfunction\b[^(]*\(|=>\s*\{|^\s+(?:async\s+)?(?!(?:if|for|while|switch|catch)\b)\w+\s*\([^)]*\)\s*\{"
)
#: What may hold a brace that is not code: strings, regular expressions' classes, comments.
JS_NOISE = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`|\\[pPu]\{[^}]*\}|//.*$')


def js_functions(text: str) -> list[tuple[int, int]]:
    """Each function's first line and length in lines, found by its braces."""
    lines = [JS_NOISE.sub("", line) for line in text.splitlines()]
    found = []
    for start, line in enumerate(lines):
        if not JS_FUNCTION.search(line) or "{" not in line:
            continue
        depth = 0
        for end in range(start, len(lines)):
            depth += lines[end].count("{") - lines[end].count("}")
            if depth <= 0:
                break
        found.append((start + 1, end - start + 1))
    return found


def test_the_brace_count_finds_a_scripts_functions() -> None:
    text = 'function a() {\n  var s = "}";\n  return /\\p{L}/u;\n}\nclass B {\n  m(x) {\n    if (x) {\n    }\n  }\n}\n'
    assert js_functions(text) == [(1, 4), (6, 4)]


@pytest.mark.parametrize("path", SCRIPT_FILES, ids=lambda p: p.name)
def test_scripts_and_their_functions_stay_small(path: Path) -> None:
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= 300
    assert [(line, length) for line, length in js_functions(text) if length > 60] == []
