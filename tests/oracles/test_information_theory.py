"""The information_theory oracles agree with scipy.stats.entropy and scipy.special."""

from __future__ import annotations

import math

import numpy as np
from scipy import special, stats

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")
NOT_NORMALISED = {"no_renormalisation"}


def _base(case) -> tuple[float | None, float]:
    base = case.params.get("base", "e")
    return (None, 1.0) if base == "e" else (float(base), math.log(base))


def test_entropy_matches_scipy_entr(close):
    for case, inputs in frozen_inputs("entropy", KINDS):
        ours = oracle_outputs("entropy", inputs, case.params)["h"]
        _, log_base = _base(case)
        axis = case.params.get("axis", -1)
        close(ours, np.sum(special.entr(inputs["p"]), axis=axis) / log_base)


def _normalised(x: np.ndarray, axis: int) -> np.ndarray:
    return x / np.sum(x, axis=axis, keepdims=True)


def test_entropy_matches_scipy_stats_on_distributions(close):
    """scipy.stats.entropy renormalises p; so does this test (frozen rows are float32-rounded)."""
    for case, inputs in frozen_inputs("entropy", KINDS):
        base, _ = _base(case)
        axis = case.params.get("axis", -1)
        theirs = stats.entropy(inputs["p"], base=base, axis=axis)
        ours = oracle_outputs("entropy", {"p": _normalised(inputs["p"], axis)}, case.params)["h"]
        close(ours, theirs, rtol=1e-13)
        if case.name in NOT_NORMALISED:  # the canon itself does not renormalise
            raw = oracle_outputs("entropy", inputs, case.params)["h"]
            assert not np.allclose(raw, theirs)


def test_kl_matches_scipy_rel_entr(close):
    for case, inputs in frozen_inputs("kl_divergence", KINDS):
        ours = oracle_outputs("kl_divergence", inputs, case.params)["kl"]
        _, log_base = _base(case)
        axis = case.params.get("axis", -1)
        close(ours, np.sum(special.rel_entr(inputs["p"], inputs["q"]), axis=axis) / log_base)


def test_kl_matches_scipy_stats_on_distributions(close):
    for case, inputs in frozen_inputs("kl_divergence", KINDS):
        base, _ = _base(case)
        axis = case.params.get("axis", -1)
        theirs = stats.entropy(inputs["p"], inputs["q"], base=base, axis=axis)
        normalised = {k: _normalised(v, axis) for k, v in inputs.items()}
        ours = oracle_outputs("kl_divergence", normalised, case.params)["kl"]
        close(ours, theirs, rtol=1e-13)
        if case.name in NOT_NORMALISED:
            raw = oracle_outputs("kl_divergence", inputs, case.params)["kl"]
            assert not np.allclose(raw, theirs)


def test_kl_is_cross_entropy_minus_entropy(close):
    for case, inputs in frozen_inputs("kl_divergence", ("generated",)):
        ours = oracle_outputs("kl_divergence", inputs, case.params)["kl"]
        h = oracle_outputs("entropy", {"p": inputs["p"]}, case.params)["h"]
        _, log_base = _base(case)
        cross = -np.sum(inputs["p"] * np.log(inputs["q"]), axis=-1) / log_base
        close(ours, cross - h, rtol=1e-12)
