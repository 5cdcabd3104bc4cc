"""MLX native bindings: linear algebra (mlx.core.linalg, CPU stream only)."""

from __future__ import annotations

import mlx.core as mx
import numpy as np

from mlcanon import Backend, DefaultProbe, native
from mlcanon_mlx.deviations import cases as _cases


@native("mlx.core.linalg.norm")
def vector_norm(x: mx.array, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> mx.array:
    # with axis=None mx.linalg.norm takes a matrix norm of a 2-D x: the vector norm of all
    # entries is the norm of the flattened array along its one axis
    flat = axis is None
    y = mx.linalg.norm(mx.reshape(x, (-1,)) if flat else x, ord=ord, axis=0 if flat else axis,
                       keepdims=keepdims)
    return mx.reshape(y, (1,) * x.ndim) if flat and keepdims else y


@native("mlx.core.linalg.svd")
def svd(a: mx.array, *, full_matrices: bool = False) -> tuple[mx.array, ...]:
    u, s, vh = mx.linalg.svd(a, stream=mx.cpu)  # always the full factors
    k = s.shape[-1]
    return (u, s, vh) if full_matrices else (u[..., :k], s, vh[..., :k, :])


@native("mlx.core.linalg.eigh")
def symmetric_eigendecomposition(a: mx.array) -> tuple[mx.array, mx.array]:
    eigenvalues, eigenvectors = mx.linalg.eigh(a, stream=mx.cpu)
    return eigenvalues, eigenvectors


# mx.linalg.qr computes the reduced factorization only; mode="complete" runs the portable code
@native("mlx.core.linalg.qr", only={"mode": "reduced"})
def qr_decomposition(a: mx.array, *, mode: str = "reduced") -> tuple[mx.array, mx.array]:
    q, r = mx.linalg.qr(a, stream=mx.cpu)
    return q, r


def default_probes(backend: Backend) -> list[DefaultProbe]:
    huge = [1e200, 1e200]
    return [DefaultProbe("vector_norm", "does the 2-norm survive huge entries?",
                         "mlx.core.linalg.norm(x)", {"x": huge},
                         lambda: mx.linalg.norm(backend.from_numpy(np.asarray(huge))))]


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_EIGH_LOWER = (
    "mx.linalg.eigh reads one triangle of its input (LAPACK's syevd): for the non-"
    "symmetric input the first eigenvalue is -1.1623 instead of the canon's -0.2361",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.eigh.html",
)

_NO_VJP = (
    "mx.linalg.svd and mx.linalg.eigh have no VJP: mx.vjp raises '[Primitive::vjp] Not "
    "implemented for SVD' (and for Eigh)",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.svd.html",
)

_NORM_UNSCALED = (
    "mx.linalg.norm computes sum(|x|^p)^(1/p) without scaling by max|x|: norm([1e200, "
    "1e200]) is inf, float32 entries ~5e30 give inf and ~3e-30 give 0, and the 100- and "
    "1000-norms of [3, -4, 1] overflow to inf",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.norm.html",
)

_QR_NO_VJP = (
    "mx.linalg.qr has no VJP: mx.vjp through it raises '[Primitive::vjp] Not implemented "
    "for QRF'",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.qr.html",
)

_QR_NO_MODE = (
    "mx.linalg.qr has no mode argument, so the portable xp.linalg.qr(a, mode='complete') "
    "raises TypeError 'qr(): incompatible function arguments' (and mx.linalg.qr has no VJP)",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.qr.html",
)

KNOWN_DEVIATIONS = (
    *_cases("symmetric_eigendecomposition", ("non_symmetric_input",), *_EIGH_LOWER),
    *_cases("svd", ("grad_singular_values",), *_NO_VJP),
    *_cases("symmetric_eigendecomposition", ("grad_eigenvalues",), *_NO_VJP),
    *_cases("vector_norm", ("large_p", "overflow_float64"), *_NORM_UNSCALED),
    *_cases("vector_norm", (
        "book_004_7_p100", "overflow_float32", "underflow_float32",
    ), *_NORM_UNSCALED, dtype="float32"),
    *_cases("qr_decomposition", (
        "grad_square", "grad_tall", "grad_batched", "grad_square_householder_gauge",
    ), *_QR_NO_VJP),
    *_cases("qr_decomposition", ("grad_wide_complete",), *_QR_NO_MODE),
)
