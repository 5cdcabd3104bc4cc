"""The parsed-concept cache never returns a concept its files no longer say."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mlcanon.spec import cache
from mlcanon.spec.load import SpecError, load_concept

SOFTMAX = Path(__file__).resolve().parents[1] / "reference" / "activations" / "softmax"


@pytest.fixture
def concept_copy(tmp_path, monkeypatch):
    """A copy of softmax in a spec tree of its own, with a private cache."""
    monkeypatch.setenv("MLCANON_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MLCANON_CACHE", raising=False)
    folder = tmp_path / "reference" / "activations" / "softmax"
    shutil.copytree(SOFTMAX, folder)
    return folder / "spec.toml"


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "spec").glob("*.pickle"))


def test_a_clean_load_is_stored_and_read_back_equal(concept_copy, tmp_path):
    first = load_concept(concept_copy)
    assert len(entries(tmp_path)) == 1
    assert load_concept(concept_copy) == first


def test_an_edit_to_the_spec_file_is_seen(concept_copy):
    load_concept(concept_copy)
    text = concept_copy.read_text()
    concept_copy.write_text(text.replace('title = "', 'title = "Edited ', 1))
    assert load_concept(concept_copy).title.startswith("Edited ")


def test_an_edit_to_the_sidecar_is_seen(concept_copy):
    load_concept(concept_copy)
    concept_copy.with_name("frozen.json").write_text("{")
    with pytest.raises(SpecError, match="not valid JSON"):
        load_concept(concept_copy)


def test_a_broken_file_is_never_stored(concept_copy, tmp_path):
    concept_copy.write_text("bogus = 1\n" + concept_copy.read_text())
    for _ in range(2):
        with pytest.raises(SpecError, match="unknown field"):
            load_concept(concept_copy)
    assert entries(tmp_path) == []


def test_a_corrupt_entry_is_ignored_and_replaced(concept_copy, tmp_path):
    good = load_concept(concept_copy)
    (stored,) = entries(tmp_path)
    stored.write_bytes(b"not a pickle")
    assert load_concept(concept_copy) == good
    assert stored.read_bytes() != b"not a pickle"


def test_the_cache_can_be_turned_off(concept_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("MLCANON_CACHE", "0")
    load_concept(concept_copy)
    assert entries(tmp_path) == []


def test_an_unwritable_cache_only_means_no_cache(concept_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("MLCANON_CACHE_DIR", str(blocker))
    assert load_concept(concept_copy).id == "softmax"


def test_pruning_keeps_the_recently_used_half(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 4)
    folder = tmp_path / "spec"
    folder.mkdir()
    for age in range(6):
        entry = folder / f"{age}.pickle"
        entry.write_bytes(b"")
        stamp = 1_000_000 + 1000 * (6 - age)  # entry 0 is the newest
        os.utime(entry, (stamp, stamp))
    cache.prune(folder)
    assert sorted(p.name for p in folder.glob("*.pickle")) == ["0.pickle", "1.pickle",
                                                               "2.pickle"]
