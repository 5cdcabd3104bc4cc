"""Bad results files and bad arguments: one clear line, a non-zero exit, nothing written.

The results files here are written by hand (two records of one run), so every test runs
in a second and each one breaks exactly one thing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mlcanon import results
from mlcanon.cli import SITE_MARKER, main
from mlcanon.report.pages import compare_page
from mlcanon.report.tables import compare_runs
from mlcanon.runner import OUTCOMES

ROOT = Path(__file__).resolve().parents[1]


def record(case: str, outcome: str = "passed", run: str = "run1", **changes: Any
           ) -> dict[str, Any]:
    return {"run": run, "concept": "softmax", "family": "activations", "case": case,
            "kind": "edge", "backend": "numpy", "device": "cpu", "dtype": "float64",
            "outcome": outcome, "message": "", "max_abs_error": 0.0, "max_rel_error": 0.0,
            "error_eps": 0.0, "index": None, "tolerance": None, "duration_s": 0.0,
            "backend_s": 0.0, "repro": "", "artifact": None, "origin": "portable",
            "raised": "", **changes}


def document(records: list[dict[str, Any]], run: str = "run1") -> dict[str, Any]:
    return {"schema": results.SCHEMA, "runs": [{"id": run, "started": "2026-01-01T00:00:00",
                                                "machine": {"hostname": "here"}}],
            "results": records}


def write(path: Path, content: dict[str, Any] | str) -> Path:
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.json",
                 document([record("temperature_two"), record("large_logits_stay_finite")]))


def fails(capsys: pytest.CaptureFixture[str], argv: list[str], code: int, *needles: str
          ) -> str:
    """Run the CLI in-process; it must exit with ``code`` and one stderr line naming all
    of ``needles``."""
    assert main(argv) == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err
    return err


# -- broken results files ---------------------------------------------------------------

def broken_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (a broken results file, what the message must say)."""
    lacking = record("temperature_two")
    del lacking["backend"], lacking["outcome"]
    cases = {
        "empty": ("", "is empty"),
        "truncated": (json.dumps(document([record("temperature_two")]))[:-40],
                      "not valid JSON"),
        "future_schema": ({**document([record("temperature_two")]),
                           "schema": "mlcanon-results/2"}, "'mlcanon-results/2' is not"),
        "not_an_object": ("[1, 2]", "JSON object"),
        "no_results_list": ({"schema": results.SCHEMA, "runs": []}, "'results' is missing"),
        "missing_fields": (document([lacking]), "lacks the field(s) backend, outcome"),
        "unknown_run": (document([record("temperature_two", run="elsewhere")]),
                        "names run 'elsewhere', which the file's runs do not list"),
        "unknown_outcome": (document([record("temperature_two", outcome="great")]),
                            "unknown outcome 'great'"),
        "path_in_name": (document([record("temperature_two", concept="../escape")]),
                         "field 'concept' is not a plain name"),
    }
    return {name: (write(tmp_path / f"{name}.json", content), needle)
            for name, (content, needle) in cases.items()}


BROKEN = ("empty", "truncated", "future_schema", "not_an_object", "no_results_list",
          "missing_fields", "unknown_run", "unknown_outcome", "path_in_name")


@pytest.mark.parametrize("name", BROKEN)
def test_report_names_the_broken_file_and_writes_nothing(capsys, tmp_path, good, name):
    path, needle = broken_files(tmp_path)[name]
    out = tmp_path / "site"
    fails(capsys, ["report", str(good), str(path), "--out", str(out)], 1, str(path), needle)
    assert not out.exists()


@pytest.mark.parametrize("name", BROKEN)
def test_merge_names_the_broken_file_and_writes_nothing(capsys, tmp_path, good, name):
    path, needle = broken_files(tmp_path)[name]
    out = tmp_path / "merged.json"
    fails(capsys, ["merge", str(good), str(path), "--out", str(out)], 1, str(path), needle)
    assert not out.exists()


@pytest.mark.parametrize("name", BROKEN)
@pytest.mark.parametrize("side", [0, 1])
def test_compare_names_the_broken_file(capsys, tmp_path, good, name, side):
    path, needle = broken_files(tmp_path)[name]
    pair = [str(good), str(good)]
    pair[side] = str(path)
    out = tmp_path / "site"
    fails(capsys, ["report", "--compare", *pair, "--out", str(out)], 1, str(path), needle)
    assert not out.exists()


@pytest.mark.parametrize("name", BROKEN)
def test_perf_names_the_broken_results_file(capsys, tmp_path, good, name):
    path, needle = broken_files(tmp_path)[name]
    out = tmp_path / "site"
    fails(capsys, ["perf", "--results", str(good), str(path), "--out", str(out)], 1,
          str(path), needle)
    assert not out.exists()


@pytest.mark.parametrize("argv", [
    ["report", "{missing}"],
    ["merge", "{good}", "{missing}", "--out", "{tmp}/merged.json"],
    ["report", "--compare", "{good}", "{missing}"],
    ["report", "--compare", "{missing}", "{good}"],
    ["perf", "--results", "{missing}"],
])
def test_a_missing_file_is_a_usage_error(capsys, tmp_path, good, argv):
    missing = tmp_path / "nowhere.json"
    argv = [a.format(missing=missing, good=good, tmp=tmp_path) for a in argv]
    fails(capsys, [*argv, "--out", str(tmp_path / "site")] if argv[0] != "merge" else argv,
          2, str(missing), "does not exist")
    assert not (tmp_path / "site").exists() and not (tmp_path / "merged.json").exists()


def test_a_truncated_file_gives_no_traceback(tmp_path, good):
    """Exit status and stderr as a shell sees them, from a separate process."""
    path, _ = broken_files(tmp_path)["truncated"]
    run = subprocess.run([sys.executable, "-m", "mlcanon.cli", "report", str(good), str(path),
                          "--out", str(tmp_path / "site")], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.strip().splitlines() == [
        line for line in run.stderr.strip().splitlines() if str(path) in line]


def test_the_outcomes_a_file_may_hold_are_the_runners():
    assert set(results.OUTCOMES) == set(OUTCOMES)


def test_a_run_read_twice_still_counts_once(tmp_path, good):
    merged = results.merge([good, good])
    assert len(merged["runs"]) == 1 and len(merged["results"]) == 2


# -- the output folder ------------------------------------------------------------------

def test_out_may_not_be_a_file(capsys, tmp_path, good):
    out = write(tmp_path / "taken.html", "mine")
    fails(capsys, ["report", str(good), "--out", str(out)], 2, str(out), "is a file")
    fails(capsys, ["report", "--compare", str(good), str(good), "--out", str(out)], 2,
          "is a file")
    fails(capsys, ["perf", "--out", str(out)], 2, "is a file")
    assert out.read_text() == "mine"


def test_merge_out_may_not_be_a_folder(capsys, tmp_path, good):
    fails(capsys, ["merge", str(good), "--out", str(tmp_path)], 2, str(tmp_path), "folder")


def test_a_foreign_folder_is_refused_and_kept(capsys, tmp_path, good):
    out = tmp_path / "home"
    out.mkdir()
    write(out / "notes.txt", "keep me")
    write(out / "index.html", "<title>my own page</title>")
    for argv in (["report", str(good)], ["report", "--compare", str(good), str(good)],
                 ["perf"]):
        fails(capsys, [*argv, "--out", str(out)], 2, str(out), "not an mlcanon site")
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "notes.txt"]


def test_a_new_report_removes_the_pages_of_the_old_one(capsys, tmp_path, good):
    out = tmp_path / "site"
    assert main(["report", str(good), "--out", str(out)]) == 0
    assert SITE_MARKER in (out / "index.html").read_text()
    stale = [out / "concepts" / "gone_concept.html", out / "backends" / "gone-cpu.html",
             out / "tables" / "gone.csv", out / "compare.html"]
    for path in stale:
        write(path, "stale")
    (out / "asv").mkdir()
    write(out / "asv" / "index.html", "published by asv")
    write(out / "notes.txt", "mine")
    assert main(["report", str(good), "--out", str(out)]) == 0
    capsys.readouterr()
    assert not any(path.exists() for path in stale)
    assert (out / "concepts" / "softmax.html").exists() and (out / "index.html").exists()
    assert (out / "asv" / "index.html").exists() and (out / "notes.txt").exists()


def test_a_bad_input_leaves_the_old_site_untouched(capsys, tmp_path, good):
    out = tmp_path / "site"
    assert main(["report", str(good), "--out", str(out)]) == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    path, _ = broken_files(tmp_path)["truncated"]
    fails(capsys, ["report", str(path), "--out", str(out)], 1, str(path))
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_compare_and_perf_write_into_an_existing_site(capsys, tmp_path, good):
    out = tmp_path / "site"
    assert main(["report", str(good), "--out", str(out)]) == 0
    assert main(["report", "--compare", str(good), str(good), "--out", str(out)]) == 0
    assert main(["perf", "--results", str(good), "--out", str(out)]) == 0
    capsys.readouterr()
    assert (out / "compare.html").exists() and (out / "concepts" / "softmax.html").exists()


# -- bad option values ------------------------------------------------------------------

@pytest.mark.parametrize("value", ["-1", "nan", "inf", "soon"])
def test_a_bad_case_timeout_is_a_usage_error(capsys, value):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--case-timeout", value])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--case-timeout" in err and f"not {value!r}" in err


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_the_harness_rejects_a_bad_case_timeout_itself(tmp_path, value):
    """Run straight through pytest (no mlcanon CLI): conformance/conftest.py checks it."""
    run = subprocess.run([sys.executable, "-m", "pytest", "conformance", "-p",
                          "no:cacheprovider", "--case-timeout", value, "--co", "-q",
                          "--results", str(tmp_path / "r.json")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 4, run.stdout[-2000:] + run.stderr[-2000:]
    assert "--case-timeout" in run.stderr and "finite number of seconds" in run.stderr


@pytest.mark.parametrize("value", ["0", "-2", "nan"])
def test_a_bad_growth_factor_is_a_usage_error(capsys, good, value):
    with pytest.raises(SystemExit) as exit_:
        main(["report", "--compare", str(good), str(good), "--factor", value])
    assert exit_.value.code == 2 and "--factor" in capsys.readouterr().err


# -- comparing runs ---------------------------------------------------------------------

def test_compare_lists_vanished_and_appeared_cases():
    old = [record("a"), record("b", "failed"), record("c")]
    new = [record("a"), record("d")]
    changes = compare_runs(old, new, 4.0)
    assert [r["case"] for r in changes["cases_vanished"]] == ["b", "c"]
    assert [r["case"] for r in changes["cases_appeared"]] == ["d"]
    assert changes["new_failures"] == [] and changes["concepts_removed"] == []
    page = compare_page(changes, 4.0, "old.json", "new.json")
    assert "Cases vanished: in the old run, not in the new (2)" in page
    assert "Cases appeared: in the new run, not in the old (1)" in page
    assert "<td>b</td>" in page and "<td>d</td>" in page


def test_a_partial_run_shows_its_vanished_cases(capsys, tmp_path, good):
    partial = write(tmp_path / "partial.json", document([record("temperature_two")]))
    out = tmp_path / "site"
    assert main(["report", "--compare", str(good), str(partial), "--out", str(out)]) == 0
    assert "1 cases vanished, 0 cases appeared" in capsys.readouterr().out
    assert "large_logits_stay_finite" in (out / "compare.html").read_text()
    vanished = (out / "tables" / "compare_cases_vanished.csv").read_text()
    assert "large_logits_stay_finite" in vanished
