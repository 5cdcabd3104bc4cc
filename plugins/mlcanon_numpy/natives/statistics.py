"""Statistics in NumPy; the Student t tail comes from a continued fraction (no SciPy)."""

from __future__ import annotations

import math

import numpy as np


def variance(x: np.ndarray, *, axis: int | None = None, ddof: int = 0) -> np.ndarray:
    return np.var(x, axis=axis, ddof=ddof)  # two-pass: mean, then squared deviations


def _continued_fraction(a: np.ndarray, b: np.ndarray, x: np.ndarray,
                        iterations: int = 200) -> np.ndarray:
    """The continued fraction of I_x(a, b) (modified Lentz), converging for
    x < (a + 1)/(a + b + 2); a factor stops changing once it rounds to 1."""
    dtype = x.dtype
    one, eps = dtype.type(1), np.finfo(dtype).eps
    tiny = dtype.type(np.finfo(dtype).tiny * 2**20)

    def guard(v: np.ndarray) -> np.ndarray:
        return np.where(np.abs(v) < tiny, tiny, v)

    c = one
    d = one / guard(one - (a + b) * x / (a + one))
    h = d
    for m in range(1, iterations + 1):
        step = one
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = one / guard(one + num * d)
            c = guard(one + num / c)
            step = step * d * c
        h = h * step
        if np.abs(step - one) <= eps:
            break
    return h


def _incomplete_beta(a: np.ndarray, b: np.ndarray, x: np.ndarray,
                     y: np.ndarray) -> np.ndarray:
    """The regularized incomplete beta I_x(a, b), with y = 1 - x passed in exactly."""
    dtype = x.dtype
    log_beta = math.lgamma(float(a)) + math.lgamma(float(b)) - math.lgamma(float(a + b))
    with np.errstate(divide="ignore"):
        front = np.exp(a * np.log(x) + b * np.log(y) - dtype.type(log_beta))
    if x < (a + 1) / (a + b + 2):
        return front * _continued_fraction(a, b, x) / a
    return dtype.type(1) - front * _continued_fraction(b, a, y) / b


def two_sample_t_test(a: np.ndarray, b: np.ndarray, *,
                      equal_var: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n_a, n_b = a.shape[0], b.shape[0]
    if a.ndim != 1 or b.ndim != 1 or min(n_a, n_b) < 2:
        msg = f"a and b must be 1-D samples of at least 2 values, got {a.shape}, {b.shape}"
        raise ValueError(msg)
    dtype = a.dtype.type
    var_a, var_b = np.var(a, ddof=1), np.var(b, ddof=1)
    if equal_var:
        df = dtype(n_a + n_b - 2)
        pooled = ((n_a - 1) * var_a + (n_b - 1) * var_b) / df
        se2 = pooled * (dtype(1) / n_a + dtype(1) / n_b)
    else:
        va, vb = var_a / dtype(n_a), var_b / dtype(n_b)
        se2 = va + vb
        df = se2**2 / (va**2 / dtype(n_a - 1) + vb**2 / dtype(n_b - 1))
    t = (np.mean(a) - np.mean(b)) / np.sqrt(se2)
    t2 = t * t
    # two-sided p = I_{df/(df + t^2)}(df/2, 1/2); 1 - x = t^2/(df + t^2) computed directly
    p = _incomplete_beta(df / 2, dtype(0.5), df / (df + t2), t2 / (df + t2))
    return dtype(t), dtype(df), dtype(p)
