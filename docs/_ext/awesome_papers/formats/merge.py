"""Two entries of a README that are one paper, merged into one record."""

from __future__ import annotations

from typing import Any

from ..records.keys import url_key


def merge_records(kept: dict[str, Any], other: dict[str, Any]) -> None:
    """Two entries of one paper: the peer-reviewed venue wins over arXiv, and both links stay."""
    if (kept.get("venue") or "").casefold() == "arxiv" and other.get(
        "venue", "arXiv"
    ).casefold() != "arxiv":
        for key in ("venue", "year", "track"):
            kept.pop(key, None)
        preprint, kept["url"] = kept["url"], other["url"]
        other = {**other, "links": [*other.get("links", []), {"kind": "preprint", "url": preprint}]}
    elif other.get("url") and url_key(other["url"]) != url_key(kept["url"]):
        kind = "preprint" if (other.get("venue") or "").casefold() == "arxiv" else "other"
        other = {**other, "links": [*other.get("links", []), {"kind": kind, "url": other["url"]}]}
    for key, value in other.items():
        if key not in kept:
            kept[key] = value
        elif isinstance(value, list) and key in {"keywords", "environments", "settings"}:
            kept[key] = list(dict.fromkeys([*kept[key], *value]))
        elif key == "links":
            known = {link["url"] for link in kept[key]}
            kept[key] = [*kept[key], *(link for link in value if link["url"] not in known)]
        elif key == "authors" and len(value) > len(kept[key]):
            kept[key] = value
