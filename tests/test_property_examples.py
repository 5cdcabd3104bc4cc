"""Properties cases replay the inputs Hypothesis drew once; a failure goes back to it."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from mlcanon import property_examples
from mlcanon.plugins import registry
from mlcanon.runner import Job, run_job
from mlcanon.spec import default_spec
from tests.planted import PLUGIN_SOURCES

GENERATE = {
    "x": {"dist": "normal", "shape": [2, 3]},
    "empty": {"dist": "normal", "shape": [0, 3]},
    "ids": {"dist": "integers", "low": 0, "high": 5, "shape": [4]},
    "mask": {"dist": "bool", "shape": [3]},
    "scalar": {"dist": "uniform", "shape": []},
}


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("MLCANON_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MLCANON_CACHE", raising=False)
    monkeypatch.setattr(property_examples, "_MEMORY", {})


def test_the_replay_is_what_hypothesis_gives_the_check():
    drawn = property_examples.examples_of(GENERATE, ("float32",), 20)
    seen = []
    with property_examples.canonical_draws():
        property_examples.hypothesis_test(GENERATE, ("float32",), 20, shrink=True,
                                          body=seen.append)()
    assert len(drawn) == len(seen) == 20
    for replayed, given in zip(drawn, seen, strict=True):
        assert replayed.keys() == given.keys()
        for name in given:
            np.testing.assert_array_equal(replayed[name], given[name], strict=True)


def test_a_draw_does_not_depend_on_what_the_process_imported(monkeypatch, tmp_path):
    # Hypothesis also draws literals found in local modules as they are imported
    monkeypatch.setenv("MLCANON_CACHE", "0")
    before = property_examples.examples_of(GENERATE, ("float64",), 50)
    folder = tmp_path / "freshly_imported"
    folder.mkdir()
    literals = ", ".join(f"{i}.{i + 7}e-{i % 5}" for i in range(1, 400))
    (folder / "many_literals.py").write_text(f"VALUES = [{literals}, -3.5, 2.75]\n")
    monkeypatch.syspath_prepend(str(folder))
    import many_literals  # noqa: F401

    property_examples._MEMORY.clear()
    after = property_examples.examples_of(GENERATE, ("float64",), 50)
    for first, second in zip(before, after, strict=True):
        for name in first:
            np.testing.assert_array_equal(first[name], second[name], strict=True)


def test_a_draw_is_stored_and_read_back_whole(monkeypatch):
    drawn = property_examples.examples_of(GENERATE, ("float16", "float64"), 7)
    monkeypatch.setattr(property_examples, "_MEMORY", {})

    def no_second_draw(*args):
        raise AssertionError("drawn again instead of read from the cache")

    monkeypatch.setattr(property_examples, "_draw", no_second_draw)
    stored = property_examples.examples_of(GENERATE, ("float16", "float64"), 7)
    assert len(stored) == len(drawn)
    for again, first in zip(stored, drawn, strict=True):
        assert again["empty"].shape == (0, 3) and again["scalar"].shape == ()
        for name in first:
            np.testing.assert_array_equal(again[name], first[name], strict=True)


def test_a_different_draw_is_a_different_entry():
    few = property_examples.examples_of(GENERATE, ("float32",), 5)
    more = property_examples.examples_of(GENERATE, ("float32",), 9)
    rounded = property_examples.examples_of(GENERATE, ("float16",), 5)
    assert (len(few), len(more)) == (5, 9)
    assert any(not np.array_equal(a["x"], b["x"]) for a, b in zip(few, rounded, strict=True))


def test_an_unreadable_entry_is_drawn_again(tmp_path):
    first = property_examples.examples_of(GENERATE, ("float32",), 5)
    (stored,) = (tmp_path / "cache" / "properties").glob("*.examples")
    whole = stored.read_bytes()
    for damaged in (b"not an entry", whole[: len(whole) // 2], whole[:12]):
        stored.write_bytes(damaged)
        property_examples._MEMORY.clear()
        again = property_examples.examples_of(GENERATE, ("float32",), 5)
        assert [a["x"].tolist() for a in again] == [f["x"].tolist() for f in first]


def test_entries_of_the_old_format_go_at_the_next_write(tmp_path):
    folder = tmp_path / "cache" / "properties"
    folder.mkdir(parents=True)
    (folder / "0123abcd.npz").write_bytes(b"an entry of the earlier format")
    property_examples.examples_of(GENERATE, ("float32",), 5)
    assert not list(folder.glob("*.npz")) and len(list(folder.glob("*.examples"))) == 1


def _planted_top_k() -> Job:
    sys.path.insert(0, str(PLUGIN_SOURCES))
    try:
        from mlcanon_planted import overriding
    finally:
        sys.path.remove(str(PLUGIN_SOURCES))
    concept = default_spec().concepts["top_k_filter"]
    case = next(c for c in concept.cases if c.name == "keeps_the_largest")
    return Job(concept, case, overriding("bug_top_k", "top_k_drops_ties"), "float32")


def test_a_replayed_failure_is_shrunk_by_hypothesis():
    result = run_job(_planted_top_k())
    assert result.outcome == "failed"
    assert "smallest failing input" in result.message


def test_without_shrinking_the_first_failing_input_is_reported(capsys):
    result = run_job(_planted_top_k(), shrink=False)
    assert result.outcome == "failed"
    assert "first failing input, not shrunk" in result.message
    assert "(not shrunk): inputs = {'logits': array(" in capsys.readouterr().out


def test_a_passing_backend_replays_without_hypothesis(monkeypatch):
    concept = default_spec().concepts["softmax"]
    case = next(c for c in concept.cases if c.kind == "properties")
    job = Job(concept, case, registry().get("numpy:cpu"), "float64")
    assert run_job(job).outcome == "passed"

    def no_hypothesis(*args, **kwargs):
        raise AssertionError("Hypothesis ran again for a case whose draw is known")

    monkeypatch.setattr(property_examples, "hypothesis_test", no_hypothesis)
    again = run_job(job)
    assert again.outcome == "passed", again.message
