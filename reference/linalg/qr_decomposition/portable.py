"""QR decomposition on any array namespace, with the canon's gauge diag(R) >= 0."""

from __future__ import annotations

from typing import Any

MODES = ("reduced", "complete")


def qr_decomposition(xp: Any, a: Any, *, mode: str = "reduced") -> tuple[Any, Any]:
    if mode not in MODES:
        msg = f"mode must be one of {MODES}, got {mode!r}"
        raise ValueError(msg)
    if a.ndim < 2:
        msg = f"qr_decomposition needs a matrix (..., m, n), got shape {a.shape}"
        raise ValueError(msg)
    q, r = xp.linalg.qr(a, mode=mode)
    return _pin_signs(xp, q, r)


def _pin_signs(xp: Any, q: Any, r: Any) -> tuple[Any, Any]:
    """Flip each pair (column of Q, row of R) whose diagonal entry of R is negative.

    LAPACK's Householder QR leaves diag(R) with either sign; the flip is locally constant,
    so autodiff through it gives the gradient of the canon's factorization. Rows of R
    past min(m, n) (mode 'complete', m > n) have no diagonal entry and keep their sign.
    """
    diagonal = xp.linalg.diagonal(r)
    signs = xp.where(diagonal < 0, xp.asarray(-1.0, dtype=r.dtype), xp.asarray(1.0, dtype=r.dtype))
    extra = r.shape[-2] - diagonal.shape[-1]
    if extra:
        signs = xp.concat([signs, xp.ones((*signs.shape[:-1], extra), dtype=r.dtype)], axis=-1)
    return q * signs[..., None, :], r * signs[..., :, None]
