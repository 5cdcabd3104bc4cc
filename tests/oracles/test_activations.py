"""The activations oracles agree with SciPy where SciPy pins the same convention."""

from __future__ import annotations

import pytest
from scipy import special

from tests.oracles.conftest import frozen_inputs, oracle_outputs


@pytest.mark.parametrize("kinds", [("generated", "grad", "book", "edge")])
def test_softmax_matches_scipy(kinds, close):
    for case, inputs in frozen_inputs("softmax", kinds):
        params = {"axis": -1, "temperature": 1.0, **case.params}
        ours = oracle_outputs("softmax", inputs, case.params)["y"]
        theirs = special.softmax(inputs["x"] / params["temperature"], axis=params["axis"])
        close(ours, theirs)
