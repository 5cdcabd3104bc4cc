"""Statistics in JAX; the Student t tail is jax.scipy.special.betainc."""

from __future__ import annotations

import jax.numpy as jnp
from jax.scipy.special import betainc


def variance(x: jnp.ndarray, *, axis: int | None = None, ddof: int = 0) -> jnp.ndarray:
    return jnp.var(x, axis=axis, ddof=ddof)


def two_sample_t_test(a: jnp.ndarray, b: jnp.ndarray, *,
                      equal_var: bool = True) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    n_a, n_b = a.shape[0], b.shape[0]
    if a.ndim != 1 or b.ndim != 1 or min(n_a, n_b) < 2:
        msg = f"a and b must be 1-D samples of at least 2 values, got {a.shape}, {b.shape}"
        raise ValueError(msg)
    var_a, var_b = jnp.var(a, ddof=1), jnp.var(b, ddof=1)
    if equal_var:
        df = jnp.asarray(n_a + n_b - 2, dtype=a.dtype)
        pooled = ((n_a - 1) * var_a + (n_b - 1) * var_b) / df
        se2 = pooled * (1 / n_a + 1 / n_b)
    else:
        va, vb = var_a / n_a, var_b / n_b
        se2 = va + vb
        df = se2**2 / (va**2 / (n_a - 1) + vb**2 / (n_b - 1))
    t = (jnp.mean(a) - jnp.mean(b)) / jnp.sqrt(se2)
    # two-sided p = P(|T| >= |t|) = I_{df/(df + t^2)}(df/2, 1/2), the upper tail directly
    p = betainc(df / 2, jnp.asarray(0.5, dtype=a.dtype), df / (df + t * t))
    return t, df, p
