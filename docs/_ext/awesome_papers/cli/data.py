"""The commands over ``data/`` that need no network: validate, import, readme, export."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..formats.exports import FORMATS, export
from ..formats.importer import Imported, import_readmes
from ..formats.readme import GROUPINGS, check_readme, readme_template, render_readme
from ..records.checks import display_path
from ..records.datafiles import PENDING, write_record, write_vocabulary
from ..records.errors import DataError
from ..records.listfile import FILE, Layout, load_list
from ..records.loader import VOCABULARIES, load_catalogue
from ..records.parsing import parse
from ..records.yamlfile import read_text

DEFAULT_DATA = Path("data")


def add_parsers(commands: Any) -> None:
    validate = commands.add_parser("validate", help="check every record and vocabulary")
    validate.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="data directory")
    validate.add_argument(
        "--strict", action="store_true", help="fail on warnings too (exit 1), as CI does"
    )
    validate.set_defaults(run=_validate)

    importer = commands.add_parser("import", help="turn README files of this family into records")
    importer.add_argument(
        "readmes", nargs="+", type=Path, help="README files; later ones fill gaps"
    )
    importer.add_argument("--out", type=Path, required=True, help="data directory to write")
    importer.add_argument(
        "--added-dates", type=Path, help="TSV of date<TAB>title: when papers joined"
    )
    importer.add_argument("--added", help="date (YYYY-MM-DD) for papers the TSV does not list")
    importer.add_argument("--default-category", help="category id for papers under venue headings")
    importer.set_defaults(run=_import)

    readme = commands.add_parser("readme", help="write README.md from the records")
    readme.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    readme.add_argument("--output", type=Path, default=Path("README.md"), help="file to write")
    readme.add_argument(
        "--template",
        type=Path,
        help="README template with {{ toc }} and {{ papers }} (default: from data/list.yaml)",
    )
    readme.add_argument(
        "--group-by", choices=GROUPINGS, help="default: data/list.yaml's, or category"
    )
    readme.add_argument("--check", action="store_true", help="exit 1 if the file is not current")
    readme.set_defaults(run=_readme)

    exporter = commands.add_parser("export", help="write the list as JSON, BibTeX or CSV")
    exporter.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data directory")
    exporter.add_argument("--format", choices=FORMATS, required=True)
    exporter.add_argument("--output", type=Path, help="file to write (default: standard output)")
    exporter.set_defaults(run=_export)


def _validate(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.data)
    load_list(args.data)  # list.yaml too, as the build reads it
    for warning in catalogue.warnings:
        print(warning, file=sys.stderr)
    warned = f", {_count(len(catalogue.warnings), 'warning')}" if catalogue.warnings else ""
    print(
        f"{args.data}: {len(catalogue.papers)} papers, {len(catalogue.categories)} categories, "
        + (f"{_count(len(catalogue.topics), 'topic')}, " if catalogue.topics else "")
        + f"{len(catalogue.keywords)} keywords, {len(catalogue.environments)} environments: "
        + ("FAILED (--strict)" if args.strict and warned else "OK")
        + warned
    )
    return 1 if args.strict and catalogue.warnings else 0


def _import(args: argparse.Namespace) -> int:
    vocabularies = {}
    for name in VOCABULARIES:
        path = args.out / f"{name}.yaml"
        if path.is_file():  # the ids a list already has are kept: checked as validate would
            doc, problems = parse(str(path), display_path(path), name)
            if doc is None:
                raise DataError(problems)
            vocabularies[name] = doc.value
    added = {}
    if args.added_dates:
        for row in _text(args.added_dates).splitlines()[1:]:
            date, _, title = row.partition("\t")
            added[title.strip()] = date.strip()
    imported = import_readmes(
        [(str(path), _text(path)) for path in args.readmes],
        vocabularies=vocabularies,
        added=added,
        default_added=args.added,
        default_category=args.default_category,
    )
    write_papers(args.out, imported)
    write_vocabulary(args.out / "categories.yaml", "categories", imported.categories)
    write_vocabulary(args.out / "environments.yaml", "environments", imported.environments)
    write_vocabulary(args.out / "keywords.yaml", "keywords", imported.keywords)
    print_report(imported)
    print(
        f"{args.out}: wrote {len(imported.papers)} papers, {len(imported.categories)} categories, "
        f"{len(imported.environments)} environments, {len(imported.keywords)} keywords; "
        f"{len(imported.report)} note(s)" + waiting(imported)
    )
    # 2: everything else is written; what waits for a human is kept aside until decided.
    return 2 if imported.decisions else 0


def write_papers(data: Path, imported: Imported) -> None:
    """Each record into ``data/papers/``; one that waits for a decision into
    ``data/pending/``, which no build reads, with what to decide above it."""
    (data / "papers").mkdir(parents=True, exist_ok=True)  # there even if every record waits
    for record in imported.papers:
        asked = imported.pending.get(record["id"], [])
        folder = data / (PENDING if asked else "papers")
        write_record(folder / f"{record['id']}.yaml", record, asked)


def waiting(imported: Imported) -> str:
    """The end of the summary line: how many decisions wait, and where their records are."""
    if not imported.decisions:
        return ""
    return (
        f", {len(imported.decisions)} decision(s) to make; "
        f"{len(imported.pending)} record(s) wait in {PENDING}/ until then"
    )


def _text(path: Path) -> str:
    return read_text(path, display_path(path))


def print_report(imported: Imported) -> None:
    """What the import noted, then what a human must decide, each at its README line."""
    for problem in imported.report:
        print(problem, file=sys.stderr)
    for decision in imported.decisions:
        print(f"decide: {decision}", file=sys.stderr)


def _readme(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.data)
    info = load_list(args.data)
    if args.template is not None:
        template = args.template.read_text("utf-8")
    elif info is not None:
        template = readme_template(info)
    else:
        print(f"error: {args.data / FILE} not found; write it, or give --template", file=sys.stderr)
        return 1
    layout = info.layout if info else Layout()
    if args.group_by:
        layout = replace(layout, group_by=args.group_by)
    text = render_readme(catalogue, template, layout=layout)
    if args.check:
        diff = check_readme(text, args.output)
        if diff:
            print(f"{args.output} is stale; run: python -m awesome_papers readme", file=sys.stderr)
            print("\n".join(diff[:200]), file=sys.stderr)
            return 1
        print(f"{args.output} is current")
        return 0
    write_text(args.output, text)
    print(f"wrote {args.output} ({len(catalogue.papers)} papers)")
    return 0


def _export(args: argparse.Namespace) -> int:
    text = export(load_catalogue(args.data), args.format)
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        write_text(args.output, text)
    return 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
