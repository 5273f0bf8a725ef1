"""The health of every external link in the data: papers, extra links, environments.

Scholarly hosts are hard on robots: doi.org and many publishers answer 403, arXiv rate-limits.
So each link gets one of five statuses, and "blocked" is never reported as dead:

- ``ok``: it answers 2xx;
- ``redirected``: it ends, through redirects, at a page that answers (the target is kept);
- ``blocked``: 401, 403 or 429, or a host known to refuse robots (with the reason);
- ``dead``: 404 or 410, or a host name that does not resolve;
- ``unreachable``: a timeout, a refused connection, or a server error.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..atomic import write_text
from ..records.cache import cache_root
from ..records.catalogue import Catalogue
from .http import TIMEOUT, USER_AGENT

if TYPE_CHECKING:
    import httpx  # imported by the functions that ask, as in .http

STATUSES = ("ok", "redirected", "blocked", "dead", "unreachable")
#: Hosts that answer robots with a challenge or 403 whatever the link: not asked at all.
REFUSE_ROBOTS = {
    "dl.acm.org": "the ACM Digital Library refuses automated requests",
    "ieeexplore.ieee.org": "IEEE Xplore refuses automated requests",
    "www.sciencedirect.com": "ScienceDirect refuses automated requests",
    "www.researchgate.net": "ResearchGate refuses automated requests",
    "onlinelibrary.wiley.com": "Wiley Online Library refuses automated requests",
}
PER_HOST = 2
IN_FLIGHT = 16
MAX_REDIRECTS = 5


@dataclass
class LinkReport:
    """One link's health, and the records that carry it."""

    url: str
    status: str
    http_status: int | None
    papers: list[str] = field(default_factory=list)
    target: str | None = None
    reason: str | None = None
    checked: float = 0.0


def links_of(catalogue: Catalogue) -> dict[str, list[str]]:
    """Every external URL and the ids that carry it (``env:<id>`` for an environment)."""
    carriers: dict[str, list[str]] = defaultdict(list)
    for paper in catalogue.papers:
        for url in [paper.url, *(link.url for link in paper.links)]:
            if paper.id not in carriers[url]:
                carriers[url].append(paper.id)
    for env in catalogue.environments:
        if env.url:
            carriers[env.url].append(f"env:{env.id}")
    return dict(sorted(carriers.items()))


async def _check(
    client: httpx.AsyncClient, url: str
) -> tuple[str, int | None, str | None, str | None]:
    """(status, HTTP status, redirect target, reason) of one URL, following redirects by hand."""
    import httpx

    host = urlsplit(url).hostname or ""
    if host in REFUSE_ROBOTS:
        return "blocked", None, None, REFUSE_ROBOTS[host]
    current, redirected = url, False
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = await client.get(current)
        except httpx.TimeoutException:
            return "unreachable", None, None, f"no answer within {TIMEOUT:.0f} s"
        except httpx.ConnectError as error:
            text = str(error)
            if "Name or service not known" in text or "nodename nor servname" in text:
                return "dead", None, None, "the host name does not resolve"
            return "unreachable", None, None, text or "connection failed"
        except httpx.HTTPError as error:
            return "unreachable", None, None, str(error) or type(error).__name__
        code = response.status_code
        if code in (301, 302, 303, 307, 308) and "location" in response.headers:
            current, redirected = str(response.url.join(response.headers["location"])), True
            continue
        if 200 <= code < 300:
            return (
                ("redirected" if redirected else "ok"),
                code,
                current if redirected else None,
                None,
            )
        if code in (401, 403):
            return "blocked", code, None, "the host refuses robots"
        if code == 429:
            return "blocked", code, None, "rate-limited: too many requests"
        if code in (404, 410):
            return "dead", code, None, "not found" if code == 404 else "gone"
        return "unreachable", code, None, f"server answered {code}"
    return "unreachable", None, None, f"more than {MAX_REDIRECTS} redirects"


async def check_all(
    urls: Iterable[str],
) -> dict[str, tuple[str, int | None, str | None, str | None]]:
    """Check ``urls`` concurrently: at most ``IN_FLIGHT`` at once and ``PER_HOST`` per host."""
    import httpx

    hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(PER_HOST))
    gate = asyncio.Semaphore(IN_FLIGHT)
    limits = httpx.Limits(max_connections=IN_FLIGHT)
    async with httpx.AsyncClient(
        timeout=TIMEOUT, headers={"User-Agent": USER_AGENT}, limits=limits
    ) as client:

        async def one(url: str) -> tuple[str, tuple[str, int | None, str | None, str | None]]:
            async with gate, hosts[urlsplit(url).hostname or ""]:
                return url, await _check(client, url)

        return dict(await asyncio.gather(*(one(url) for url in urls)))


def cache_path() -> Path:
    return cache_root() / "links.json"


def check_links(
    catalogue: Catalogue, max_age_hours: float, cache: Path | None = None
) -> list[LinkReport]:
    """A report of every link; links checked less than ``max_age_hours`` ago come from the cache."""
    cache = cache or cache_path()
    try:
        known: dict[str, dict[str, object]] = json.loads(cache.read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    if not isinstance(known, dict) or not all(
        isinstance(e, dict) and isinstance(e.get("checked", 0), int | float) for e in known.values()
    ):
        known = {}  # a cache of another shape is no cache
    carriers = links_of(catalogue)
    now = time.time()
    fresh = {
        url: entry
        for url, entry in known.items()
        if url in carriers and now - float(entry.get("checked", 0)) < max_age_hours * 3600  # type: ignore[arg-type]
    }
    checked = asyncio.run(check_all([url for url in carriers if url not in fresh]))
    reports = []
    for url, papers in carriers.items():
        if url in checked:
            status, code, target, reason = checked[url]
            reports.append(LinkReport(url, status, code, papers, target, reason, now))
        else:
            entry = fresh[url]
            reports.append(
                LinkReport(
                    url,
                    str(entry["status"]),
                    entry.get("http_status"),  # type: ignore[arg-type]
                    papers,
                    entry.get("target"),  # type: ignore[arg-type]
                    entry.get("reason"),  # type: ignore[arg-type]
                    float(entry["checked"]),  # type: ignore[arg-type]
                )
            )
    return reports


def no_network(reports: list[LinkReport]) -> bool:
    """Every link failed before any server answered: this machine is offline, not the links."""
    asked = [r for r in reports if r.reason not in REFUSE_ROBOTS.values()]
    return bool(asked) and all(
        r.http_status is None and r.status in {"dead", "unreachable"} for r in asked
    )


def save(reports: list[LinkReport], report_path: Path | None, cache: Path | None = None) -> None:
    """The JSON report (a list of objects), and the cache for the next run."""
    rows = [asdict(report) for report in reports]
    if report_path is not None:
        write_text(report_path, json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    cache = cache or cache_path()
    cache.parent.mkdir(parents=True, exist_ok=True)
    write_text(cache, json.dumps({row["url"]: row for row in rows}, ensure_ascii=False))
