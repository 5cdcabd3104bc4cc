"""Classical machine learning in PyTorch."""

from __future__ import annotations

import torch
import torch.nn.functional as F


def logistic_regression(X: torch.Tensor, y: torch.Tensor, w0: torch.Tensor,
                        b0: torch.Tensor | None = None, *, lr: float = 0.1,
                        steps: int = 20000) -> tuple[torch.Tensor, torch.Tensor]:
    n, d = X.shape
    if tuple(y.shape) != (n,) or tuple(w0.shape) != (d,):
        msg = (f"X {tuple(X.shape)}, y {tuple(y.shape)} and w0 {tuple(w0.shape)} must be "
               "(n, d), (n,), (d,)")
        raise ValueError(msg)
    w = w0.detach().clone().requires_grad_(True)
    b0 = torch.zeros((), dtype=X.dtype, device=X.device) if b0 is None else b0
    b = b0.detach().clone().requires_grad_(True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    with torch.enable_grad():
        for _ in range(steps):
            optimizer.zero_grad()
            # from the logits: the gradient is sigmoid(z) - y even where sigmoid saturates
            loss = F.binary_cross_entropy_with_logits(X @ w + b, y)
            loss.backward()
            optimizer.step()
    return w.detach(), b.detach()


def linear_regression_ols(X: torch.Tensor, y: torch.Tensor, *,
                          fit_intercept: bool = True) -> tuple[torch.Tensor, torch.Tensor]:
    if X.ndim != 2 or tuple(y.shape) != tuple(X.shape[:1]):
        msg = f"X {tuple(X.shape)} and y {tuple(y.shape)} must be (n, d) and (n,)"
        raise ValueError(msg)
    if fit_intercept:
        x_mean, y_mean = X.mean(dim=0), y.mean()
        coef = _min_norm_lstsq(X - x_mean, y - y_mean)
        return coef, y_mean - x_mean @ coef
    return _min_norm_lstsq(X, y), torch.zeros((), dtype=X.dtype, device=X.device)


def _min_norm_lstsq(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    if a.device.type == "cpu":
        # gelsd (SVD): the default gelsy reads an uninitialised JPVT pivot array and can
        # report rank 0 for rank-deficient input at random (pytorch#71222, #187411)
        return torch.linalg.lstsq(a, b[:, None], driver="gelsd").solution[:, 0]
    # CUDA's only driver (gels) assumes full rank; the pseudo-inverse does not
    return torch.linalg.pinv(a) @ b
