"""Least-squares linear regression on any array namespace: centre, then solve by SVD."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def linear_regression_ols(xp: Any, X: Any, y: Any, *,
                          fit_intercept: bool = True) -> tuple[Any, Any]:
    _check(X, y)
    if not fit_intercept:
        return _min_norm_lstsq(xp, X, y), xp.zeros((), dtype=X.dtype, device=device(X))
    # centring first: a ones column next to features near 1e4 has condition number ~2e4,
    # which costs float32 the slope; the centred problem has the spread's condition only
    x_mean, y_mean = xp.mean(X, axis=0), xp.mean(y)
    coef = _min_norm_lstsq(xp, X - x_mean, y - y_mean)
    return coef, y_mean - xp.vecdot(x_mean, coef)


def _min_norm_lstsq(xp: Any, A: Any, b: Any) -> Any:
    """argmin ||A x - b|| of least norm, through the SVD (never the normal equations)."""
    U, s, Vt = xp.linalg.svd(A, full_matrices=False)
    # LAPACK's rcond: singular values below eps * max(n, d) * s_max count as zero
    cutoff = xp.finfo(A.dtype).eps * max(A.shape) * xp.max(s) if s.shape[0] else 0.0
    kept = s > cutoff
    # 1 / s only where s is kept: a zero s would send inf * 0 = nan into the gradient
    inverse = xp.where(kept, 1 / xp.where(kept, s, 1.0), 0.0)
    return Vt.T @ (inverse * (U.T @ b))


def _check(X: Any, y: Any) -> None:
    if X.ndim != 2 or y.ndim != 1 or y.shape[0] != X.shape[0]:
        msg = (f"X and y must be (n, d) and (n,), "
               f"got {tuple(X.shape)} and {tuple(y.shape)}")
        raise ValueError(msg)
