"""Property checks of d3pm_elbo (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("d3pm_terms_add_up")
def d3pm_terms_add_up(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                      dtype: str, bound: Any) -> None:
    """Every KL term is >= 0 (up to rounding) and the loss is their sum plus nll_x0."""
    out = {k: v.astype(np.float64) for k, v in run(inputs, params).items()}
    slack = 64 * bound.eps
    for name in ("kl_prior", "kl_terms", "nll_x0"):
        if np.any(out[name] < -slack):
            msg = f"{name} is negative: min {np.min(out[name])!r}"
            raise CheckFailed(msg)
    total = out["kl_prior"] + np.sum(out["kl_terms"], axis=0) + out["nll_x0"]
    assert_close(out["loss"], total, bound, "loss against kl_prior + kl_terms + nll_x0")
