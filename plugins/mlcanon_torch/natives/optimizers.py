"""Optimizers in PyTorch: torch.optim on a leaf tensor, fed one given gradient per step."""

from __future__ import annotations

from typing import Any

import torch


def _check_grads(theta: torch.Tensor, grads: torch.Tensor) -> None:
    if tuple(grads.shape[1:]) != tuple(theta.shape) or grads.dim() != theta.dim() + 1:
        msg = (f"grads has shape {tuple(grads.shape)}, "
               f"expected (steps, {', '.join(map(str, theta.shape))})")
        raise ValueError(msg)


def _trajectory(optimizer: type[torch.optim.Optimizer], theta: torch.Tensor,
                grads: torch.Tensor, **options: Any) -> torch.Tensor:
    _check_grads(theta, grads)
    param = theta.detach().clone().requires_grad_(True)
    opt = optimizer([param], **options)
    path = torch.empty_like(grads)
    for t, g in enumerate(grads):
        param.grad = g
        opt.step()
        path[t] = param.detach()
    return path


def adam(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> torch.Tensor:
    return _trajectory(torch.optim.Adam, theta, grads, lr=lr, betas=(beta1, beta2), eps=eps)


def adamw(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> torch.Tensor:
    return _trajectory(torch.optim.AdamW, theta, grads, lr=lr, betas=(beta1, beta2), eps=eps,
                       weight_decay=weight_decay)


def gradient_descent(theta: torch.Tensor, a: torch.Tensor, b: torch.Tensor, *,
                     lr: float = 0.1, steps: int = 1) -> torch.Tensor:
    n = theta.shape[0] if theta.dim() == 1 else -1
    if n < 0 or tuple(a.shape) != (n, n) or tuple(b.shape) != (n,):
        msg = (f"need theta (n,), a (n, n), b (n,); got {tuple(theta.shape)}, "
               f"{tuple(a.shape)}, {tuple(b.shape)}")
        raise ValueError(msg)
    if steps < 1:
        msg = f"steps must be at least 1, got {steps}"
        raise ValueError(msg)
    param = theta.detach().clone().requires_grad_(True)
    opt = torch.optim.SGD([param], lr=lr)  # momentum 0, dampening 0, weight_decay 0
    path = theta.new_empty((steps, n))
    for k in range(steps):
        param.grad = a @ param.detach() - b
        opt.step()
        path[k] = param.detach()
    return path
