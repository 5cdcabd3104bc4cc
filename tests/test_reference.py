"""Frozen values can be regenerated identically, and drift is reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mlcanon.cli import main
from mlcanon.sidecars import check_concept, write_sidecar
from mlcanon.spec import load_concept, sidecar_path

SOFTMAX = Path(__file__).resolve().parents[1] / "reference" / "activations" / "softmax"


def copy_softmax(tmp_path: Path) -> Path:
    """softmax's spec and frozen values in a reference folder of their own; the oracle is
    the real one (registered by concept id)."""
    folder = tmp_path / "activations" / "softmax"
    shutil.copytree(SOFTMAX, folder)
    return folder / "spec.toml"


def test_regenerating_reproduces_the_frozen_values(tmp_path):
    path = copy_softmax(tmp_path)
    before = json.loads(sidecar_path(path).read_text())
    write_sidecar(load_concept(path, with_sidecar=False))
    assert json.loads(sidecar_path(path).read_text()) == before


def test_a_changed_frozen_value_is_reported_as_drift(tmp_path):
    path = copy_softmax(tmp_path)
    frozen = json.loads(sidecar_path(path).read_text())
    frozen["cases"]["random_rows"]["expected"]["y"][0][0] += 1e-9
    frozen["cases"]["grad_rows"]["expected_grad"]["x"][1][2] *= 1.001
    sidecar_path(path).write_text(json.dumps(frozen))
    drifts = [str(d) for d in check_concept(load_concept(path))]
    assert len(drifts) == 2
    assert drifts[0].startswith("softmax case 'random_rows' expected y: oracle differs by")
    assert drifts[1].startswith("softmax case 'grad_rows' grad x: oracle differs by")


def test_a_wrong_book_value_is_reported(tmp_path):
    path = copy_softmax(tmp_path)
    text = path.read_text().replace("0.659001138886", "0.6600", 1)
    path.write_text(text)
    drifts = [str(d) for d in check_concept(load_concept(path))]
    assert drifts == [d for d in drifts if "'book_000_32'" in d] and drifts


def test_cli_list_and_explain(capsys):
    assert main(["list", "--json"]) in (0, 1)
    listed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert listed["softmax"]["family"] == "activations"
    assert listed["softmax"]["kinds"]["book"] >= 5
    assert main(["explain", "softmax"]) == 0
    out = capsys.readouterr().out
    assert "exp((x_i - m)/T)" in out and "book_000_32 [book]" in out
    assert main(["explain", "no_such_concept"]) == 2
