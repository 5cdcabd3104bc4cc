"""``mlcanon reference check`` fails on values that are missing, not only on values that
differ, holds hand-written zeros to their sign, and rejects a concept id it does not know.

Each test runs the command on a copy of softmax in a reference folder of its own
(``MLCANON_REFERENCE``), with one thing broken.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlcanon.cli import main
from mlcanon.spec import default_spec

REFERENCE = Path(__file__).resolve().parents[1] / "reference"


@pytest.fixture
def softmax(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The softmax folder of a reference folder that holds nothing else."""
    folder = tmp_path / "activations" / "softmax"
    shutil.copytree(REFERENCE / "activations" / "softmax", folder)
    shutil.copytree(REFERENCE / "_shared", tmp_path / "_shared")
    for helper in (REFERENCE / "activations").glob("_*.py"):
        shutil.copy(helper, folder.parent)
    monkeypatch.setenv("MLCANON_REFERENCE", str(tmp_path))
    default_spec.cache_clear()  # the spec is loaded once per process
    yield folder
    default_spec.cache_clear()


def check(capsys: pytest.CaptureFixture[str], *concepts: str) -> tuple[int, str, str]:
    code = main(["reference", "check", *concepts])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def edit_frozen(folder: Path, edit) -> None:
    path = folder / "frozen.json"
    frozen = json.loads(path.read_text())
    edit(frozen["cases"])
    path.write_text(json.dumps(frozen))


def test_the_untouched_copy_checks_clean(capsys, softmax):
    code, out, _ = check(capsys, "softmax")
    assert code == 0, out
    assert "softmax: ok" in out and "0 drifted values" in out


@pytest.mark.parametrize(("edit", "what"), [
    (lambda cases: cases["random_rows"].pop("expected"), "'random_rows' expected y"),
    (lambda cases: cases["random_temperature"]["expected"].pop("y"),
     "'random_temperature' expected y"),
    (lambda cases: cases["grad_rows"]["expected_grad"].pop("x"), "'grad_rows' grad x"),
    (lambda cases: cases["grad_rows"].pop("expected_grad"), "'grad_rows' grad x"),
    (lambda cases: cases["grad_temperature"].pop("cotangent"), "'grad_temperature' cotangent"),
])
def test_a_value_missing_from_the_sidecar_is_a_drift(capsys, softmax, edit, what):
    edit_frozen(softmax, edit)
    code, out, _ = check(capsys, "softmax")
    assert code == 1
    assert f"drift: softmax case {what}: missing from the sidecar" in out
    assert "softmax: 1 drifted" in out


def test_a_negative_zero_where_the_oracle_gives_a_positive_one_is_a_drift(capsys, softmax):
    spec = softmax / "spec.toml"
    text = spec.read_text()
    assert "expected = [0.0, 0.5, 0.5]" in text  # neg_inf_logit: exp(-inf) is +0.0
    spec.write_text(text.replace("expected = [0.0, 0.5, 0.5]", "expected = [-0.0, 0.5, 0.5]"))
    code, out, _ = check(capsys, "softmax")
    assert code == 1
    assert ("drift: softmax case 'neg_inf_logit' expected y: sign of zero differs at [0]"
            in out)


@pytest.mark.parametrize("action", ["check", "generate"])
def test_an_unknown_concept_id_is_a_usage_error(capsys, softmax, action):
    assert main(["reference", action, "softmax", "no_such_concept"]) == 2
    captured = capsys.readouterr()
    assert "no concept 'no_such_concept'" in captured.err and str(softmax.parents[1]) in \
        captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert captured.out == ""  # nothing was checked or regenerated
