"""Student's and Welch's two-sample t-test on any array namespace; p from the upper tail."""

from __future__ import annotations

from typing import Any

from array_api_compat import device

from mlcanon import xp as extra


def two_sample_t_test(xp: Any, a: Any, b: Any, *,
                      equal_var: bool = True) -> tuple[Any, Any, Any]:
    _check(a, b)
    n_a, n_b = a.shape[0], b.shape[0]
    var_a, var_b = _sample_variance(xp, a), _sample_variance(xp, b)
    if equal_var:
        df = _constant(xp, n_a + n_b - 2, a)
        pooled = ((n_a - 1) * var_a + (n_b - 1) * var_b) / df
        se2 = pooled * (1 / n_a + 1 / n_b)
    else:
        share_a, share_b = var_a / n_a, var_b / n_b
        se2 = share_a + share_b
        df = se2 * se2 / (share_a * share_a / (n_a - 1) + share_b * share_b / (n_b - 1))
    t = (xp.mean(a) - xp.mean(b)) / xp.sqrt(se2)
    return t, df, _two_sided_p(xp, t, df)


def _two_sided_p(xp: Any, t: Any, df: Any) -> Any:
    """P(|T_df| >= |t|) = I_{df/(df + t^2)}(df/2, 1/2)."""
    # the upper tail directly: 1 - CDF(|t|) cancels to 0 below eps (p = 1e-13 at t = -100)
    x = df / (df + t * t)
    return extra.special().betainc(df / 2, _constant(xp, 0.5, t), x)


def _sample_variance(xp: Any, x: Any) -> Any:
    deviations = x - xp.mean(x)  # two passes, ddof = 1
    return xp.sum(deviations * deviations) / (x.shape[0] - 1)


def _constant(xp: Any, value: float, like: Any) -> Any:
    # an array, not a Python float: scipy.special promotes Python floats to float64
    return xp.asarray(value, dtype=like.dtype, device=device(like))


def _check(a: Any, b: Any) -> None:
    if a.ndim != 1 or b.ndim != 1 or min(a.shape[0], b.shape[0]) < 2:
        msg = (f"a and b must be 1-D samples of at least 2 values, "
               f"got {tuple(a.shape)} and {tuple(b.shape)}")
        raise ValueError(msg)
