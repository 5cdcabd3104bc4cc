"""A tiny HTML builder that escapes every string it is not told is markup.

Spec files and plugins supply most of the text on the pages (titles, messages, case
names); all of it goes through :func:`tag`, which escapes plain ``str`` and inserts only
:class:`Markup` as is. There is no other way to put text on a page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

Child = Any  # str (escaped), Markup (raw), numbers, None (skipped) or iterables of those


class Markup(str):
    """HTML that is already safe."""


def escape(value: Any) -> Markup:
    return Markup(html.escape(str(value), quote=True))


def render(child: Child) -> str:
    if child is None or child is False:
        return ""
    if isinstance(child, Markup):
        return str(child)
    if isinstance(child, (str, int, float)):
        return escape(child)
    if isinstance(child, Iterable):
        return "".join(render(c) for c in child)
    return escape(child)


def tag(name: str, /, *children: Child, **attrs: Any) -> Markup:
    """``<name attrs>children</name>``; ``class_`` becomes ``class``; None attrs are dropped."""
    parts = [name]
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        key = key.rstrip("_").replace("_", "-")
        parts.append(key if value is True else f'{key}="{escape(value)}"')
    opening = "<" + " ".join(parts) + ">"
    if name in ("meta", "link", "br", "img", "input"):
        return Markup(opening)
    return Markup(f"{opening}{render(children)}</{name}>")


#: the only schemes a link may carry: a link from results data is never ``javascript:``.
WEB_LINK = re.compile(r"https?://[^\s]", re.IGNORECASE)
#: what starts a scheme (``javascript:``, ``data:``) or leaves the site (``//host``, ``/``).
LEAVES_SITE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|[/\\]")
#: what browsers strip from the start of a URL before reading its scheme.
URL_IGNORED = "".join(map(chr, range(0x21)))


def link(href: str, *children: Child, **attrs: Any) -> Markup:
    """A link to another file of the site: a relative path, never a scheme."""
    # browsers drop tabs and newlines anywhere in a URL and control characters around it
    probe = re.sub(r"[\t\n\r]", "", href).lstrip(URL_IGNORED)
    if LEAVES_SITE.match(probe):
        msg = f"link {href!r} leaves the site: use external_link for web addresses"
        raise ValueError(msg)
    return tag("a", *children, href=href, **attrs)


def external_link(url: Any, *children: Child, **attrs: Any) -> Markup:
    """A link to a web page named by data (a plugin's deviation link): ``http(s)`` only.

    Anything else (``javascript:``, ``data:``, a path) stays visible as escaped text, so
    the reader still sees what the plugin wrote but cannot run it by clicking.
    """
    if isinstance(url, str) and WEB_LINK.match(url):
        return tag("a", *children, href=url, **attrs)
    return Markup(render(children))


def table(headers: list[Child], rows: Iterable[list[Child]], **attrs: Any) -> Markup:
    head = tag("thead", tag("tr", [tag("th", h) for h in headers]))
    body = tag("tbody", [tag("tr", [c if isinstance(c, Markup) and c.startswith("<td")
                                    else tag("td", c) for c in row]) for row in rows])
    return tag("table", head, body, **attrs)


STYLE = """
:root { --ok:#2e8b57; --fail:#c0392b; --err:#7d3c98; --dev:#d68910; --skip:#aab7b8;
        --miss:#e5e8e8; --ink:#1c2833; --muted:#5d6d7e; --line:#d5d8dc; --bg:#fbfcfc; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: var(--bg); margin: 0; }
header.top { background: #17202a; color: #fff; padding: 10px 24px; display: flex;
             gap: 24px; align-items: baseline; flex-wrap: wrap; }
header.top a { color: #d6eaf8; text-decoration: none; }
header.top strong { font-size: 17px; }
main { padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 22px; margin: 8px 0 4px; } h2 { font-size: 17px; margin: 24px 0 8px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left;
         vertical-align: top; }
th { background: #f2f4f4; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.matrix { font-size: 12px; }
.matrix th.col { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap;
                 font-weight: 500; }
.matrix td.cell { text-align: center; min-width: 46px; padding: 2px 4px; }
.matrix td.cell a { color: inherit; text-decoration: none; display: block; }
sup.origin { font-size: 0.65em; color: #555; margin-left: 1px; }
.matrix tr.family th { background: #eaecee; text-align: left; }
.passed { background: #d5f5e3; } .failed { background: #fadbd8; color: #922b21; }
.error, .crashed { background: #e8daef; color: #5b2c6f; } .known_deviation { background: #fdebd0; }
.unsupported { background: #f2f3f4; color: var(--muted); }
.missing { background: #fff; color: var(--muted); }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; }
.muted { color: var(--muted); } code, pre { font: 12px/1.4 ui-monospace, Menlo, monospace; }
pre { background: #f4f6f6; padding: 8px; overflow-x: auto; max-width: 100%; }
.definition { font: 16px/1.6 "Latin Modern Math", "STIX Two Math", Cambria, serif;
              background: #fff; border-left: 4px solid #5dade2; padding: 8px 14px; }
.legend span { margin-right: 10px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
"""


def page(title: str, body: Child, *, depth: int = 0) -> str:
    """A whole page; ``depth`` is how many folders below the site root it lives."""
    up = "../" * depth
    nav = tag("header", tag("strong", "mlcanon"),
              link(f"{up}index.html", "Overview"),
              link(f"{up}conventions.html", "Conventions"),
              link(f"{up}errata.html", "Errata"),
              link(f"{up}agreement.html", "Agreement"),
              link(f"{up}performance.html", "Performance"),
              link(f"{up}tables/cells.csv", "CSV"), class_="top")
    document = tag("html",
                   tag("head", tag("meta", charset="utf-8"),
                       tag("meta", name="viewport", content="width=device-width"),
                       tag("title", f"{title} · mlcanon"),
                       tag("style", Markup(STYLE))),
                   tag("body", nav, tag("main", body)), lang="en")
    return "<!doctype html>\n" + document
