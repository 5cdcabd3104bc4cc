"""Every run records the spec version it checked, and merging runs of different versions
of a concept never mixes them in one cell."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from mlcanon import results
from mlcanon.report.site import build
from mlcanon.spec.load import reference_root
from mlcanon.specversion import UNRECORDED, concept_hashes, spec_version
from tests.test_report_safety import record


def copy_of_reference(tmp_path: Path) -> Path:
    """Two families of the real spec plus the shared checks, in a folder we may edit."""
    root = tmp_path / "reference"
    for part in ("_shared", "activations", "information_theory"):
        shutil.copytree(reference_root() / part, root / part,
                        ignore=shutil.ignore_patterns("__pycache__"))
    return root


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {concept for concept in before if before[concept] != after[concept]}


def test_a_concepts_hash_follows_its_folder_its_family_helpers_and_shared_checks(tmp_path):
    root = copy_of_reference(tmp_path)
    before = concept_hashes(root)
    assert {"softmax", "gelu", "entropy", "kl_divergence"} <= set(before)

    oracle = root / "activations" / "softmax" / "oracle.py"
    oracle.write_text(oracle.read_text() + "\n# edited\n")
    assert changed(before, after := concept_hashes(root)) == {"softmax"}

    helper = root / "information_theory" / "_oracle.py"
    helper.write_text(helper.read_text() + "\n# edited\n")
    family = {p.parent.name for p in (root / "information_theory").glob("*/spec.toml")}
    assert changed(after, latest := concept_hashes(root)) == family

    shared = root / "_shared" / "checks.py"
    shared.write_text(shared.read_text() + "\n# edited\n")
    assert changed(latest, concept_hashes(root)) == set(latest)


def test_the_whole_hash_changes_with_any_concept_and_ignores_bytecode(tmp_path):
    root = copy_of_reference(tmp_path)
    first = spec_version(root)
    (root / "activations" / "gelu" / "__pycache__").mkdir(exist_ok=True)
    (root / "activations" / "gelu" / "__pycache__" / "oracle.cpython-311.pyc").write_bytes(b"x")
    assert spec_version(root)["hash"] == first["hash"]
    (root / "activations" / "gelu" / "frozen.json").write_text("{}")
    assert spec_version(root)["hash"] != first["hash"]
    assert first["commit"] is None  # not a git checkout


def test_a_new_run_records_the_spec_in_use():
    run = results.new_run(["pytest"])
    assert run["spec"]["concepts"] == concept_hashes(reference_root())
    assert len(run["spec"]["hash"]) == 16


def results_file(path: Path, run_id: str, started: str, versions: dict[str, str],
                 records: list[dict[str, Any]]) -> Path:
    run = {"id": run_id, "started": started, "spec": {"hash": run_id, "commit": None,
                                                      "concepts": versions}}
    path.write_text(json.dumps({"schema": results.SCHEMA, "runs": [run],
                                "results": [{**r, "run": run_id} for r in records]}))
    return path


def two_versions_of_softmax(tmp_path: Path) -> list[Path]:
    """Yesterday's numpy run and today's torch run agree on gelu but not on softmax."""
    old = results_file(tmp_path / "old.json", "run0000old00", "2026-12-01T10:00:00",
                       {"softmax": "aaaa", "gelu": "gggg"},
                       [record(), record(concept="gelu", case="zero")])
    new = results_file(tmp_path / "new.json", "run0000new00", "2026-12-02T10:00:00",
                       {"softmax": "bbbb", "gelu": "gggg"},
                       [record(backend="torch"), record(concept="gelu", case="zero",
                                                        backend="torch")])
    return [old, new]


def test_merging_two_spec_versions_keeps_the_newest_and_sets_the_other_aside(tmp_path):
    merged = results.merge(two_versions_of_softmax(tmp_path))
    kept = {(r["concept"], r["backend"]) for r in merged["results"]}
    assert kept == {("softmax", "torch"), ("gelu", "numpy"), ("gelu", "torch")}
    assert [(r["concept"], r["backend"]) for r in merged["set_aside"]] == [("softmax", "numpy")]
    assert merged["spec_conflicts"] == [{"concept": "softmax", "kept": "bbbb",
                                         "set_aside": {"aaaa": ["run0000old00"]},
                                         "records_set_aside": 1}]


def test_a_merged_file_keeps_its_conflicts_when_merged_again(tmp_path):
    once = tmp_path / "merged.json"
    once.write_text(json.dumps(results.merge(two_versions_of_softmax(tmp_path))))
    again = results.merge([once])
    assert [c["concept"] for c in again["spec_conflicts"]] == ["softmax"]
    assert {(r["concept"], r["backend"]) for r in again["results"]} == {
        ("softmax", "torch"), ("gelu", "numpy"), ("gelu", "torch")}


def test_runs_without_a_recorded_spec_conflict_with_runs_that_have_one(tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"schema": results.SCHEMA,
                               "runs": [{"id": "run0000old00", "started": "2026-11-01"}],
                               "results": [{**record(), "run": "run0000old00"}]}))
    new = results_file(tmp_path / "new.json", "run0000new00", "2026-12-02T10:00:00",
                       {"softmax": "bbbb"}, [record(backend="torch")])
    merged = results.merge([old, new])
    assert merged["spec_conflicts"][0]["set_aside"] == {UNRECORDED: ["run0000old00"]}


def test_the_report_says_which_concepts_were_set_aside(tmp_path):
    build(two_versions_of_softmax(tmp_path), tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text()
    assert "Merged runs disagree on the spec" in index
    assert "softmax: showing spec version bbbb" in index and "run0000old00" in index
