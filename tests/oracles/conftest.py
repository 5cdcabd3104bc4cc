"""Helpers for cross-checking oracles against SciPy and scikit-learn."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from mlcanon import oracles
from mlcanon.spec import Case, Concept, default_spec


def concept(concept_id: str) -> Concept:
    return default_spec().concepts[concept_id]


def frozen_inputs(concept_id: str, kinds: tuple[str, ...] = ("generated",)
                  ) -> Iterator[tuple[Case, dict[str, np.ndarray]]]:
    """Each case of those kinds with its inputs as float64 / integer arrays."""
    found = concept(concept_id)
    for case in found.cases:
        if case.kind in kinds:
            yield case, found.signature.arrays(case.inputs)


def oracle_outputs(concept_id: str, inputs: dict[str, np.ndarray],
                   params: dict[str, Any]) -> dict[str, np.ndarray]:
    return oracles.evaluate(concept(concept_id), inputs, params)


@pytest.fixture
def close() -> Any:
    def check(actual: Any, expected: Any, rtol: float = 1e-12, atol: float = 1e-14) -> None:
        np.testing.assert_allclose(np.asarray(actual, dtype=np.float64),
                                   np.asarray(expected, dtype=np.float64), rtol=rtol, atol=atol)

    return check
