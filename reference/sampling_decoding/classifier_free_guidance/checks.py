"""Property checks of classifier_free_guidance (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("guidance_endpoints_and_shift")
def guidance_endpoints_and_shift(run: Any, inputs: dict[str, np.ndarray],
                                 params: dict[str, Any], dtype: str, bound: Any) -> None:
    """w = 0 returns cond and w = -1 uncond bit for bit; doubling both inputs doubles the
    result bit for bit; adding one constant to both adds it to the guided logits (the
    weights sum to 1), so softmax(guided) does not move."""
    # quarters in [-16, 16]: the shifted and doubled inputs stay exact in every dtype
    cond, uncond = (np.clip(np.round(inputs[k] * 4) / 4, -16, 16) for k in ("cond", "uncond"))
    inputs = {"cond": cond, "uncond": uncond}
    for w, name in ((0.0, "cond"), (-1.0, "uncond")):
        out = run(inputs, {**params, "w": w})["guided"]
        if not np.array_equal(out, inputs[name].astype(out.dtype)):
            msg = f"w = {w:g} must return {name} exactly, got {out.tolist()}"
            raise CheckFailed(msg)
    base = run(inputs, params)["guided"].astype(np.float64)
    doubled = run({"cond": 2 * cond, "uncond": 2 * uncond}, params)["guided"]
    if not np.array_equal(doubled.astype(np.float64), 2 * base):
        msg = f"guided(2 cond, 2 uncond) = {doubled.tolist()} is not 2 * {base.tolist()}"
        raise CheckFailed(msg)
    shift = 8.0
    moved = run({"cond": cond + shift, "uncond": uncond + shift}, params)["guided"]
    assert_close(moved.astype(np.float64) - shift, base, _twice(bound),
                 f"guided(cond + {shift:g}, uncond + {shift:g}) - {shift:g}")


def _twice(bound: Any) -> Any:
    """Two results are compared, each rounded: twice the case's bound."""
    return type(bound)(bound.eps, 2 * bound.k, bound.printed_atol)
