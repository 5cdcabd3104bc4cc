"""PyTorch native bindings: torch.optim stepping a leaf tensor with one given gradient a step."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import torch

from mlcanon import native


def _trajectory(optimizer: type[torch.optim.Optimizer], theta: torch.Tensor,
                gradients: Callable[[torch.Tensor], Iterable[torch.Tensor]],
                **options: Any) -> torch.Tensor:
    """The parameter after each step, the gradient of a step computed from the parameter."""
    param = theta.detach().clone().requires_grad_(True)
    opt = optimizer([param], **options)
    path = []
    for gradient in gradients(param):
        param.grad = gradient
        opt.step()
        path.append(param.detach().clone())
    return torch.stack(path)


@native("torch.optim.Adam")
def adam(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
         beta2: float = 0.999, eps: float = 1e-8) -> torch.Tensor:
    return _trajectory(torch.optim.Adam, theta, lambda _: grads, lr=lr,
                       betas=(beta1, beta2), eps=eps)


@native("torch.optim.AdamW")
def adamw(theta: torch.Tensor, grads: torch.Tensor, *, lr: float = 0.001, beta1: float = 0.9,
          beta2: float = 0.999, eps: float = 1e-8, weight_decay: float = 0.01) -> torch.Tensor:
    return _trajectory(torch.optim.AdamW, theta, lambda _: grads, lr=lr,
                       betas=(beta1, beta2), eps=eps, weight_decay=weight_decay)


@native("torch.optim.SGD")
def gradient_descent(theta: torch.Tensor, a: torch.Tensor, b: torch.Tensor, *,
                     lr: float = 0.1, steps: int = 1) -> torch.Tensor:
    # the gradient of the quadratic 1/2 θᵀAθ − bᵀθ at the current parameter
    def gradients(param: torch.Tensor) -> Iterable[torch.Tensor]:
        for _ in range(steps):
            yield a @ param.detach() - b

    return _trajectory(torch.optim.SGD, theta, gradients, lr=lr)
