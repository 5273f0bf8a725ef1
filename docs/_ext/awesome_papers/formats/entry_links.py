"""The links of an entry: ``[label](url)`` as the family writes it, and what kind each is."""

from __future__ import annotations

import re

from ..records.commonmark import plain_text
from ..records.hints import code_host
from ..records.urls import is_web
from .markdown import TITLE_START

#: A link's label, and the kind of link it names.
LINK_KINDS = {
    "code": "code",
    "github": "code",
    "project": "project",
    "page": "project",
    "website": "project",
    "dataset": "dataset",
    "data": "dataset",
    "video": "video",
    "slides": "slides",
}
#: A web address written bare, up to a space, a bracket or a parenthesis that closes.
BARE_URL = re.compile(r"https?://[^\s)<>\]]+")
#: A full or collapsed reference link: "[text][label]", "[text][]".
_REFERENCE = re.compile(r"\[((?:\\.|[^\[\]\\])+)\]\[((?:\\.|[^\[\]\\])*)\]")


def link_kind(label: str, url: str = "") -> str:
    """``code`` for ``[Code]``, ``project`` for ``[project page]``, ``code`` for a badge that
    links a code host ("[![Stars](b)](github.com/o/r)"); ``other`` when unknown."""
    kind = LINK_KINDS.get(plain_text(label).strip().strip("[]").casefold(), "other")
    badge = label.lstrip().startswith("![") and code_host(url)
    return "code" if kind == "other" and badge else kind


def opens_with_link(text: str) -> bool:
    """Whether ``text`` starts with a link, bare or in emphasis: "[T](u)", "**[T](u)**"."""
    return TITLE_START.match(text) is not None and link_at(text, text.index("[")) is not None


def with_references(line: str, references: dict[str, str]) -> str:
    """``line`` with each reference link that ``references`` defines written inline:
    "[T][t]" with "[t]: https://..." is "[T](https://...)", as GitHub shows it."""
    if "][" not in line:
        return line

    def inline(match: re.Match[str]) -> str:
        label = " ".join((match[2] or match[1]).split()).upper()
        url = references.get(label)
        return f"[{match[1]}]({url})" if url else match[0]

    return _REFERENCE.sub(inline, line)


def link_at(text: str, start: int) -> tuple[str, str, int] | None:
    """Parse ``[label](url)`` at ``start`` with escapes and nested brackets and parentheses:
    the label, the URL, and where the link ends."""
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0:
            break
        index += 1
    else:
        return None
    label = text[start + 1 : index]
    if index + 1 >= len(text) or text[index + 1] != "(":
        return None
    depth, cursor = 0, index + 1
    while cursor < len(text):
        depth += {"(": 1, ")": -1}.get(text[cursor], 0)
        if depth == 0:
            return label, text[index + 2 : cursor].strip(), cursor + 1
        cursor += 1
    # No closing parenthesis, e.g. a full-width one typed by mistake: take the URL to the space.
    url = text[index + 2 :].split()[0] if text[index + 2 :].strip() else ""
    return label, url.rstrip("）)"), index + 2 + len(url)


def take_links(text: str) -> tuple[str, list[dict[str, str]]]:
    """``text`` without its web links (``NeurIPS 2024 [code](...)``), and those links."""
    kept, links, position = [], [], 0
    while (start := text.find("[", position)) != -1 and (link := link_at(text, start)):
        label, url, end = link
        if is_web(url):
            kept.append(text[position:start])
            links.append({"kind": link_kind(label, url), "url": url})
        else:
            kept.append(text[position:end])
        position = end
    return ("".join(kept) + text[position:]).strip(" ,;|"), links


def labelled_links(kind: str, value: str) -> list[dict[str, str]]:
    """``Code: [official](url), [unofficial](url)`` or a bare URL: links of that kind."""
    kind = LINK_KINDS.get(kind.removesuffix("page"), "other")
    rest, links = take_links(value)
    urls = [link["url"] for link in links] + BARE_URL.findall(rest)
    return [{"kind": kind, "url": url} for url in urls]
