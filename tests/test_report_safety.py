"""The report built from a hostile results file: results are merged from other machines,
so ids, messages and links in them are untrusted input.

Ids become file names (path traversal), plugin links become hrefs (``javascript:``) and
every field lands in CSV files a spreadsheet may open (formulas).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mlcanon import results
from mlcanon.report import pages
from mlcanon.report.html import escape, external_link, link
from mlcanon.report.site import build, csv_cell, page_path

RUN_ID = "hostile0run1"
JAVASCRIPT = "javascript:alert(1)"
WEB = "https://example.org/issue/1"
FORMULAS = ("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd", "-2+3", "@SUM(A1)", "\tx", "\r=y")
ANY_HREF = re.compile(r'href="([^"]*)"')


def record(**overrides: Any) -> dict[str, Any]:
    """One result shaped like a real run's record (numpy, softmax, a book case)."""
    base = {
        "concept": "softmax", "family": "activations", "case": "book_000_32", "kind": "book",
        "backend": "numpy", "device": "cpu", "dtype": "float64", "outcome": "passed",
        "message": "", "max_abs_error": 1e-17, "max_rel_error": 1e-16, "error_eps": 0.5,
        "index": [0], "tolerance": {"eps": 2.2e-16, "k": 7.46, "rtol": 1.6e-15},
        "duration_s": 0.01, "backend_s": 0.001, "repro": "pytest ...", "artifact": None,
        "origin": "portable", "raised": "",
    }
    return {**base, **overrides}


def deviation(link_text: str) -> dict[str, Any]:
    return {"concept": "softmax", "reason": "planted", "link": link_text, "case": "*",
            "dtype": "*", "device": "*"}


def hostile_ids(tmp_path: Path) -> dict[str, list[str]]:
    """Concept ids and ``(backend, device)`` pairs that escape ``out`` as plain file names.

    ``out`` is ``tmp_path / "site"``, so ``../../x`` from ``out/concepts`` is
    ``tmp_path / "x"``: each escape would land where the test looks for it.
    """
    return {
        "concepts": ["../../pwned_concept", f"{tmp_path}/absolute_concept", "nul\x00byte",
                     "back\\slash", "colon:id", JAVASCRIPT, ".hidden", "..", "x" * 300],
        "backends": [("../../pwned_backend", "cpu"), ("/", "cpu"), ("c", "../../../pwned_dev"),
                     ("a-b", "c"), ("a", "b-c")],
    }


def hostile_results(tmp_path: Path) -> Path:
    ids = hostile_ids(tmp_path)
    records = [record(concept=c, family="../hostile") for c in ids["concepts"]]
    records += [record(backend=b, device=d) for b, d in ids["backends"]]
    records += [record(case=text, message=text, outcome="failed", kind="edge")
                for text in FORMULAS]
    records += [record(case="negative_error", kind="edge", max_abs_error=-3.5)]
    records[0] = {**records[0], "=bad_key": "=1+1"}  # CSV headers come from the first record
    info = {"versions": {"numpy": "1"}, "load_errors": {}, "defaults": [],
            "known_deviations": [deviation(JAVASCRIPT), deviation(" JavaScript:alert(2)"),
                                 deviation("data:text/html,<b>x</b>"), deviation(WEB)]}
    run = {"id": RUN_ID, "started": "2026-01-01T00:00:00+0000", "finished": None,
           "machine": {"hostname": "=cmd|' /C calc'!A0", "platform": "x", "cpu": "x",
                       "cpu_count": 1},
           "python": "3.11", "libraries": {}, "threads": {}, "devices": {}, "command": [],
           "problems": [], "backends": {"numpy:cpu": info, "../../pwned_backend:cpu": info}}
    return results.write(tmp_path / "results" / "hostile.json", run, records)


def unchecked_read(path: Path) -> dict[str, Any]:
    """The results file as JSON, without the reader's checks of its fields."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site of the hostile file, read without ``results.read``'s checks: the report
    must stay inside ``out`` on its own, whatever names a reader lets through."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    path = hostile_results(tmp_path)
    out = tmp_path / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(results, "read", unchecked_read)
        build([path], out, asv_results=tmp_path / "no_asv")
    return tmp_path, out


def html_pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_nothing_is_written_outside_out(site):
    tmp_path, out = site
    strays = [p for p in tmp_path.rglob("*") if p.is_file()
              and not p.is_relative_to(out) and not p.is_relative_to(tmp_path / "results")]
    assert strays == []
    assert not (tmp_path / "pwned_concept.html").exists()
    assert not (tmp_path / "absolute_concept.html").exists()


def test_every_hostile_id_has_its_own_page_linked_from_the_overview(site):
    tmp_path, out = site
    ids = hostile_ids(tmp_path)
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = set(ANY_HREF.findall(index))
    concept_pages = {pages.concept_file(c) for c in ids["concepts"]}
    backend_pages = {pages.backend_file(f"{b}:{d}") for b, d in ids["backends"]}
    assert len(concept_pages) == len(ids["concepts"])
    assert len(backend_pages) == len(ids["backends"])  # a-b:c and a:b-c do not share one
    for folder, names in (("concepts", concept_pages), ("backends", backend_pages)):
        for name in names:
            assert f"{folder}/{name}" in hrefs
            assert (out / folder / name).is_file()
            assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*\.html", name)
            assert len(name) <= 100


def test_each_hostile_page_shows_its_own_id(site):
    tmp_path, out = site
    for concept in hostile_ids(tmp_path)["concepts"]:
        page = (out / "concepts" / pages.concept_file(concept)).read_text(encoding="utf-8")
        title = re.search(r"<h1>(.*?)</h1>", page)
        assert title and title.group(1) == escape(concept)


def test_every_link_stays_inside_the_site(site):
    _, out = site
    leaving = []
    for page in html_pages(out):
        for href in ANY_HREF.findall(page.read_text(encoding="utf-8")):
            if href.startswith("https://"):
                continue
            target = (page.parent / href.split("#")[0]).resolve()
            if not target.is_relative_to(out.resolve()):
                leaving.append(f"{page.relative_to(out)} -> {href}")
    assert leaving == []


def test_no_link_runs_script(site):
    _, out = site
    for page in html_pages(out):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'href="\s*(javascript|data):', text, re.IGNORECASE), page
    numpy_page = (out / "backends" / pages.backend_file("numpy:cpu")).read_text()
    assert f'<a href="{WEB}">' in numpy_page  # a web link still links
    assert JAVASCRIPT in numpy_page  # the bad link stays visible, as text


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_csv_cells_never_start_a_formula(site):
    _, out = site
    for table in sorted((out / "tables").glob("*.csv")):
        with table.open(newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    try:
                        float(cell)
                    except ValueError:
                        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), table
    rows = read_csv(out / "tables" / "results.csv")
    messages = {row["message"] for row in rows}
    assert {"'" + text for text in FORMULAS} <= messages
    assert "'=bad_key" in rows[0]


def test_negative_numbers_stay_numbers_in_csv(site):
    _, out = site
    rows = read_csv(out / "tables" / "results.csv")
    assert [row["max_abs_error"] for row in rows if row["case"] == "negative_error"] == ["-3.5"]
    assert csv_cell(-3.5) == -3.5 and csv_cell(-2) == -2 and csv_cell(None) is None
    assert csv_cell("-3.5") == "'-3.5"  # text that looks like a number is still text


def test_page_names_are_safe_and_distinct():
    assert pages.concept_file("softmax") == "softmax.html"
    assert pages.backend_file("bad_markup:cpu") == "bad_markup-cpu.html"
    for hostile in ("../x", "/x", "\\x", "x\x00", "x:y", ".x", "..", "", "x" * 500):
        name = pages.concept_file(hostile)
        assert re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}", name), name
    assert pages.concept_file("x/y") != pages.concept_file("x_y")
    assert pages.concept_file("x/y") != pages.concept_file("x\\y")
    assert pages.backend_file("a-b:c") != pages.backend_file("a:b-c")
    # a plain id that looks like a digested name is digested too, so it cannot take the
    # page of the id whose digest it copies
    digested = pages.concept_file("x/y")[:-len(".html")]
    assert pages.concept_file(digested) != f"{digested}.html"
    assert pages.concept_file("x/y") == pages.concept_file("x/y")


def test_a_page_outside_out_is_refused(tmp_path):
    out = tmp_path / "site"
    assert page_path(out, "concepts", "a.html") == (out / "concepts" / "a.html").resolve()
    with pytest.raises(ValueError, match="outside"):
        page_path(out, "concepts", "../../escape.html")
    (tmp_path / "elsewhere").mkdir()
    out.mkdir()
    (out / "concepts").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(ValueError, match="outside"):
        page_path(out, "concepts", "a.html")


def test_only_web_addresses_become_links():
    assert external_link(WEB, "t") == f'<a href="{WEB}">t</a>'
    for bad in (JAVASCRIPT, " https://x", "data:text/html,x", "//evil.example", "/etc",
                "ht\ttps://x", None, 3):
        assert "<a" not in external_link(bad, "shown")
    assert external_link(JAVASCRIPT, "<b>") == "&lt;b&gt;"
    for bad in (JAVASCRIPT, "\x01javascript:x", "java\tscript:x", "//evil", "/etc"):
        with pytest.raises(ValueError, match="leaves the site"):
            link(bad, "t")
    assert link("concepts/a.html#x", "t") == '<a href="concepts/a.html#x">t</a>'
