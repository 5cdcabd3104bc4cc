"""Invariants of the linalg family: norm homogeneity and the defining identities of the
decompositions (orthonormal factors, ordering, reconstruction)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("norm_homogeneous")
def norm_homogeneous(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                     dtype: str, bound: Any, *, factor: float) -> None:
    """|c x| = |c| |x|; with c a power of two both sides should round alike."""
    base = run(inputs, params)["y"].astype(np.float64)
    scaled = run({"x": inputs["x"] * factor}, params)["y"]
    assert_close(scaled, base * abs(factor), bound, f"norm of x * {factor}")
    if np.any(base < 0):
        msg = f"negative norm: {base.min()!r}"
        raise CheckFailed(msg)


def _require_orthonormal(q: np.ndarray, bound: Any, what: str) -> None:
    """The columns of q are orthonormal: q^T q = I."""
    q = q.astype(np.float64)
    gram = np.swapaxes(q, -1, -2) @ q
    assert_close(gram, np.broadcast_to(np.eye(gram.shape[-1]), gram.shape), bound, what)


@property_check("svd_factors")
def svd_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                dtype: str, bound: Any) -> None:
    """U and V orthonormal, S non-negative and descending, U diag(S) Vh = A."""
    out = run(inputs, params)
    u, s, vh = (out[name].astype(np.float64) for name in ("U", "S", "Vh"))
    if np.any(s < 0) or np.any(np.diff(s, axis=-1) > 0):
        msg = f"singular values must be non-negative and descending, got {s.tolist()}"
        raise CheckFailed(msg)
    _require_orthonormal(u, bound, "U^T U against I")
    _require_orthonormal(np.swapaxes(vh, -1, -2), bound, "Vh Vh^T against I")
    k = s.shape[-1]
    rebuilt = (u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :]
    assert_close(rebuilt, inputs["a"], bound, "U diag(S) Vh against A")


@property_check("eigh_factors")
def eigh_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                 dtype: str, bound: Any) -> None:
    """Eigenvalues ascending, eigenvectors orthonormal, A V = V diag(w)."""
    out = run(inputs, params)
    w, v = out["eigenvalues"].astype(np.float64), out["eigenvectors"].astype(np.float64)
    if np.any(np.diff(w, axis=-1) < 0):
        msg = f"eigenvalues must be ascending, got {w.tolist()}"
        raise CheckFailed(msg)
    _require_orthonormal(v, bound, "V^T V against I")
    a = inputs["a"]
    assert_close(a @ v, v * w[..., None, :], bound, "A V against V diag(w)")


@property_check("qr_factors")
def qr_factors(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
               dtype: str, bound: Any) -> None:
    """Q orthonormal, R exactly zero below the diagonal, Q R = A."""
    out = run(inputs, params)
    q, r = out["Q"].astype(np.float64), out["R"].astype(np.float64)
    below = np.tril(np.ones(r.shape[-2:], dtype=bool), k=-1)
    if np.any(r[..., below] != 0):
        msg = f"R must be upper triangular, got {r.tolist()}"
        raise CheckFailed(msg)
    _require_orthonormal(q, bound, "Q^T Q against I")
    assert_close(q @ r, inputs["a"], bound, "Q R against A")
