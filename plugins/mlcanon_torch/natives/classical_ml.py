"""PyTorch native bindings: classical machine learning."""

from __future__ import annotations

import torch

from mlcanon import native


@native("torch.linalg.lstsq", only={"fit_intercept": False})
def linear_regression_ols(X: torch.Tensor, y: torch.Tensor, *,
                          fit_intercept: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    # gelsd (SVD) on the CPU: the default gelsy can report rank 0 for rank-deficient input
    # at random (pytorch#71222); CUDA has only gels
    driver = "gelsd" if X.device.type == "cpu" else None
    coef = torch.linalg.lstsq(X, y[:, None], driver=driver).solution[:, 0]
    return coef, torch.zeros((), dtype=X.dtype, device=X.device)  # lstsq fits no intercept
