"""Writing the frozen sidecars and checking them for drift.

``mlcanon reference generate`` draws the inputs of every generated and grad case and
freezes the oracle's values into ``<concept>.frozen.json``. ``mlcanon reference check``
recomputes every frozen value, and every book and edge value, with the oracle, and
reports what drifted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from mlcanon import oracles
from mlcanon.generate import draw_inputs
from mlcanon.spec import Case, Concept, load_concept, sidecar_path
from mlcanon.spec.model import FROZEN_KINDS
from mlcanon.spec.values import to_array

#: frozen values must be reproduced to within this many float64 eps (norm-wise).
DRIFT_EPS = 8


def write_sidecar(concept: Concept) -> int:
    """(Re)freeze every generated and grad case of ``concept``; returns how many."""
    frozen = {c.name: oracles.freeze_case(concept, c) for c in concept.cases
              if c.kind in FROZEN_KINDS}
    if not frozen:
        return 0
    document = {"concept": concept.id, "provenance": oracles.provenance(), "cases": frozen}
    path = sidecar_path(concept.path)
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    return len(frozen)


@dataclass(frozen=True)
class Drift:
    concept: str
    case: str
    what: str
    message: str

    def __str__(self) -> str:
        return f"{self.concept} case {self.case!r} {self.what}: {self.message}"


def check_concept(concept: Concept) -> list[Drift]:
    """Recompute every value of ``concept`` with its oracle; list what disagrees."""
    drifts: list[Drift] = []
    if not oracles.has_oracle(concept):
        return [Drift(concept.id, "", "oracle", "no oracle registered")]
    for case in concept.cases:
        try:
            drifts.extend(_check_case(concept, case))
        except Exception as exc:  # an oracle that breaks on one case must not hide others
            drifts.append(Drift(concept.id, case.name, "oracle", f"raised {exc!r}"))
    return drifts


def _check_case(concept: Concept, case: Case) -> list[Drift]:
    if case.kind in ("raises", "stochastic", "properties"):
        return []
    drifts = _missing_values(concept, case)
    inputs = concept.signature.arrays(case.inputs)
    if case.kind in FROZEN_KINDS:
        redrawn = draw_inputs(concept, _without_inputs(case))
        for name, value in inputs.items():
            if not np.array_equal(redrawn[name], value, equal_nan=True):
                drifts.append(Drift(concept.id, case.name, f"input {name}",
                                    "the seeded generator no longer reproduces the frozen "
                                    "input (the frozen input is still used)"))
    actual = oracles.evaluate(concept, inputs, case.params)
    for name, expected in (case.expected or {}).items():
        message = _disagreement(actual[name], to_array(expected), case)
        if message:
            drifts.append(Drift(concept.id, case.name, f"expected {name}", message))
    if case.kind == "grad" and case.expected_grad and case.cotangent:
        cotangent = {k: to_array(v) for k, v in case.cotangent.items()}
        grads = oracles.vjp(concept, inputs, case.params, case.wrt, cotangent)
        for name, expected in case.expected_grad.items():
            message = _disagreement(grads[name], to_array(expected), case)
            if message:
                drifts.append(Drift(concept.id, case.name, f"grad {name}", message))
    return drifts


def _missing_values(concept: Concept, case: Case) -> list[Drift]:
    """Frozen values a generated or grad case lacks. The harness compares only the values
    it finds, so a lost output would pass every backend unchecked. (The spec loader
    already rejects a book or edge case without ``expected``.)"""
    if case.kind not in FROZEN_KINDS:
        return []
    expected = case.expected or {}
    lost = [f"expected {o.name}" for o in concept.signature.outputs if o.name not in expected]
    if case.kind == "grad":
        grads = case.expected_grad or {}
        lost += [f"grad {name}" for name in case.wrt if name not in grads]
        lost += [] if case.cotangent else ["cotangent"]
    fix = f"missing from the sidecar; run 'mlcanon reference generate {concept.id}'"
    return [Drift(concept.id, case.name, what, fix) for what in lost]


def _without_inputs(case: Case) -> Case:
    literal = {k: v for k, v in case.inputs.items() if k not in (case.generate or {})}
    return replace(case, inputs=literal)


def _disagreement(actual: np.ndarray, expected: np.ndarray, case: Case) -> str:
    actual = np.asarray(actual, dtype=np.float64)
    if actual.shape != expected.shape:
        return f"oracle shape {actual.shape}, spec shape {expected.shape}"
    special = np.isnan(expected) | np.isinf(expected)
    if not np.array_equal(actual[special], expected[special], equal_nan=True) or \
            np.any(np.isnan(actual[~special])):
        return "non-finite values differ"
    if case.pins_zero_signs:  # the harness holds backends to an edge value's zero sign
        zeros = (expected == 0) & (actual == 0) & (np.signbit(expected) != np.signbit(actual))
        if zeros.any():
            index = tuple(int(i) for i in np.argwhere(zeros)[0])
            return (f"sign of zero differs at {list(index)}: oracle {actual[index]!r}, "
                    f"spec {expected[index]!r}")
    finite = ~special
    if not finite.any():
        return ""
    diff = np.abs(actual[finite] - expected[finite])
    scale = max(float(np.max(np.abs(expected[finite]))), np.finfo(np.float64).tiny)
    if case.kind == "book":
        allowed = float(case.printed_atol or 0.0) + DRIFT_EPS * np.finfo(np.float64).eps * scale
    else:
        allowed = DRIFT_EPS * np.finfo(np.float64).eps * scale
    worst = float(diff.max())
    if worst > allowed:
        return f"oracle differs by {worst:.3g} (allowed {allowed:.3g})"
    return ""


def regenerate(paths: list[Any]) -> dict[str, int]:
    """Refreeze the sidecars of the given spec files; concept id -> cases frozen."""
    done = {}
    for path in paths:
        concept = load_concept(path, with_sidecar=False)
        done[concept.id] = write_sidecar(concept)
        load_concept(path)  # the new sidecar must load
    return done
