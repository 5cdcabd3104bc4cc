"""Checks that cases of several concepts name."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from mlcanon import dtypes
from mlcanon.checks import (
    CheckFailed,
    assert_close,
    property_check,
)
from mlcanon.dtypes import cast


@property_check("shift_invariant")
def shift_invariant(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, shift: float, input: str = "x",
                    output: str = "y") -> None:
    """Adding the same constant to every score leaves the result unchanged.

    The scores are first moved onto the grid the shifted scores live on (x + c - c in the
    run's dtype), so both calls see exactly representable inputs that differ by exactly c:
    otherwise rounding x + c would change the scores themselves.
    """
    shifted = cast(cast(inputs[input], dtype) + cast(np.float64(shift), dtype), dtype)
    on_grid = (shifted.astype(np.float64) - shift).astype(np.float64)
    base = run({**inputs, input: on_grid}, params)[output]
    moved = run({**inputs, input: shifted.astype(np.float64)}, params)[output]
    assert_close(moved, base.astype(np.float64), bound, f"after adding {shift} to {input}")


@property_check("odd_part_is_identity")
def odd_part_is_identity(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any, *, input: str = "x",
                         output: str = "y") -> None:
    """f(x) - f(-x) = x, true of every gate x g(x) with g(x) + g(-x) = 1 (GELU, SiLU) and
    of log sigmoid.

    Each term carries rounding of its own size, and the difference can be far smaller than
    the terms (log sigmoid near 0: both are near -log 2). Both sides are shifted by twice
    the terms' magnitude m, so the tolerance is relative to what was rounded; x + 2m >= m
    because |x| = |f(x) - f(-x)| <= m. Results in the subnormal range may be flushed to
    zero (the smallest normal is allowed on top): this property is about the odd part, not
    about subnormals, which edge cases pin.
    """
    x = inputs[input].astype(np.float64)
    up = run(inputs, params)[output].astype(np.float64)
    down = run({**inputs, input: -inputs[input]}, params)[output].astype(np.float64)
    shift = 2.0 * (np.abs(up) + np.abs(down))
    floor = replace(bound, printed_atol=bound.printed_atol + dtypes.tiny(dtype))
    assert_close(up - down + shift, x + shift, floor,
                 f"f({input}) - f(-{input}), both sides shifted by 2 (|f(x)| + |f(-x)|)")


@property_check("attention_key_permutation")
def attention_key_permutation(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, keys: tuple[str, ...] = ("k", "v"),
                              mask: str = "mask", output: str = "y", seed: int = 0) -> None:
    """Reordering the keys together with their values (and mask columns) changes nothing.

    Attention is a weighted sum over keys, so it cannot depend on their order (without a
    causal mask, whose rule is tied to positions).
    """
    base = run(inputs, params)[output]
    lk = inputs[keys[0]].shape[-2]
    order = np.random.default_rng(seed).permutation(lk)
    if np.array_equal(order, np.arange(lk)):
        order = order[::-1]
    moved = dict(inputs)
    for name in keys:
        moved[name] = np.take(inputs[name], order, axis=-2)
    if mask in inputs:
        moved[mask] = np.take(inputs[mask], order, axis=-1)
    after = run(moved, params)[output]
    assert_close(after, base.astype(np.float64), bound, f"after permuting the keys by {order}")


@property_check("batch_items_independent")
def batch_items_independent(run: Any, inputs: dict[str, np.ndarray],
                            params: dict[str, Any], dtype: str, bound: Any, *,
                            input: str = "x", output: str = "y") -> None:
    """Items of a batch (axis 0) do not interact: a sub-batch gives the same rows."""
    whole = run(inputs, params)[output].astype(np.float64)
    part = run({**inputs, input: inputs[input][1:]}, params)[output]
    assert_close(part, whole[1:], bound, f"{input}[1:] alone versus rows 1: of the full batch")


@property_check("loss_reductions_agree")
def loss_reductions_agree(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                          dtype: str, bound: Any, *, output: str = "loss") -> None:
    """Per-element losses (reduction None, the spec's "none") are >= 0; 'sum' adds them and
    'mean' divides that by their count."""
    elements = run(inputs, {**params, "reduction": None})[output].astype(np.float64)
    if np.any(np.isnan(elements)) or np.any(elements < 0):
        msg = f"reduction='none' gave a negative or NaN loss: min {np.min(elements)!r}"
        raise CheckFailed(msg)
    total = run(inputs, {**params, "reduction": "sum"})[output]
    mean = run(inputs, {**params, "reduction": "mean"})[output]
    assert_close(total, np.sum(elements), bound, "reduction='sum' against the sum of 'none'")
    assert_close(mean, np.sum(elements) / elements.size, bound,
                 "reduction='mean' against the mean of 'none'")


@property_check("zero_mean_unit_variance")
def zero_mean_unit_variance(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                            dtype: str, bound: Any, *, axis: int | list[int] = 0,
                            input: str = "x", output: str = "y",
                            min_spread: float = 0.25) -> None:
    """Every normalized slice along ``axis`` has mean 0 and population variance 1.

    Holds exactly when the case sets ``eps = 0``. Slices whose input is (nearly) constant
    are ill-conditioned, not wrong: only slices whose population std is at least
    ``min_spread`` times their largest magnitude are checked.
    """
    axis = tuple(axis) if isinstance(axis, list) else axis
    x = inputs[input].astype(np.float64)
    y = run(inputs, params)[output].astype(np.float64)
    spread = x.std(axis=axis)
    size = np.max(np.abs(x), axis=axis)
    keep = (spread >= min_spread * size) & (spread > 1e-3)
    if not keep.any():
        return
    mean = y.mean(axis=axis)[keep]
    allowed = bound.k * bound.eps * max(float(np.max(np.abs(y))), 1.0)
    if np.any(np.abs(mean) > allowed):
        worst = float(np.max(np.abs(mean)))
        msg = f"normalized mean {worst!r} is not 0 (allowed {allowed:.3g})"
        raise CheckFailed(msg)
    variance = y.var(axis=axis)[keep]
    assert_close(variance, np.ones_like(variance), bound, "population variance of the output")


@property_check("symmetric_in_arguments")
def symmetric_in_arguments(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """f(a, b) = f(b, a): similarities and distances do not depend on argument order."""
    forward = run({"a": inputs["a"], "b": inputs["b"]}, params)["y"]
    backward = run({"a": inputs["b"], "b": inputs["a"]}, params)["y"]
    assert_close(backward, forward.astype(np.float64), bound, "f(b, a) against f(a, b)")
