"""The numerics oracles agree with SciPy where SciPy pins the same convention."""

from __future__ import annotations

import numpy as np
from scipy import special

from tests.oracles.conftest import frozen_inputs, oracle_outputs

ALL_KINDS = ("generated", "grad", "book", "edge")


def test_logsumexp_matches_scipy(close):
    for case, inputs in frozen_inputs("logsumexp", ALL_KINDS):
        params = {"axis": -1, "keepdims": False, **case.params}
        ours = oracle_outputs("logsumexp", inputs, case.params)["y"]
        with np.errstate(divide="ignore", invalid="ignore"):
            theirs = special.logsumexp(inputs["x"], axis=params["axis"],
                                       keepdims=params["keepdims"])
        close(ours, theirs)


def test_logsumexp_gradient_is_softmax(close):
    for case, inputs in frozen_inputs("logsumexp", ("grad",)):
        axis = case.params.get("axis", -1)
        cot = np.expand_dims(np.asarray(case.cotangent["y"], dtype=np.float64), axis)
        softmax = special.softmax(inputs["x"], axis=axis)
        close(case.expected_grad["x"], cot * softmax, rtol=1e-9, atol=1e-12)


def test_logsumexp_is_shift_equivariant(close):
    x = np.array([[1000.0, 1001.0, -3.0], [-1000.0, -1001.0, 2.5]])
    base = oracle_outputs("logsumexp", {"x": x}, {})["y"]
    close(oracle_outputs("logsumexp", {"x": x + 64.0}, {})["y"], base + 64.0)
