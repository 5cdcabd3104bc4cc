"""PyTorch native bindings: linear algebra (torch.linalg)."""

from __future__ import annotations

import torch

from mlcanon import KnownDeviation, native


@native("torch.linalg.vector_norm")
def vector_norm(x: torch.Tensor, *, ord: float = 2, axis: int | None = None,
                keepdims: bool = False) -> torch.Tensor:
    return torch.linalg.vector_norm(x, ord=ord, dim=axis, keepdim=keepdims)


@native("torch.linalg.svd")
def svd(a: torch.Tensor, *, full_matrices: bool = False) -> tuple[torch.Tensor, ...]:
    u, s, vh = torch.linalg.svd(a, full_matrices=full_matrices)
    return u, s, vh


@native("torch.linalg.eigh")
def symmetric_eigendecomposition(a: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    eigenvalues, eigenvectors = torch.linalg.eigh(a)
    return eigenvalues, eigenvectors


@native("torch.linalg.qr")
def qr_decomposition(a: torch.Tensor, *, mode: str = "reduced"
                     ) -> tuple[torch.Tensor, torch.Tensor]:
    q, r = torch.linalg.qr(a, mode=mode)
    return q, r


KNOWN_DEVIATIONS = (
    # the gradient is right for the factors torch.linalg.qr returns; only their gauge differs
    KnownDeviation(
        concept="qr_decomposition", case="grad_square_householder_gauge",
        reason="torch.linalg.qr returns LAPACK's Householder factors with diag(R) = (-2.29, -0.98, "
               "-1.45) here, not the canon's diag(R) > 0, and differentiates them as they "
               "are: with all three column pairs flipped the VJP is exactly minus the canon's",
        link="https://pytorch.org/docs/stable/generated/torch.linalg.qr.html"),
)
