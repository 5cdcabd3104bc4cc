"""Statistics in PyTorch. torch has no Student t CDF (nor an incomplete beta function), so
the p-value uses a continued fraction in torch ops."""

from __future__ import annotations

import torch


def variance(x: torch.Tensor, *, axis: int | None = None, ddof: int = 0) -> torch.Tensor:
    # torch.var defaults to correction = 1 (the sample variance): pass ddof through.
    return torch.var(x, dim=axis, correction=ddof)


def _continued_fraction(a: torch.Tensor, b: torch.Tensor, x: torch.Tensor,
                        iterations: int = 200) -> torch.Tensor:
    """The continued fraction of I_x(a, b) (modified Lentz), converging for
    x < (a + 1)/(a + b + 2); an element is frozen once its factor rounds to 1."""
    eps = torch.finfo(x.dtype).eps
    tiny = torch.finfo(x.dtype).tiny * 2**20

    def guard(v: torch.Tensor) -> torch.Tensor:
        return torch.where(v.abs() < tiny, torch.full_like(v, tiny), v)

    c = torch.ones_like(x)
    d = 1 / guard(1 - (a + b) * x / (a + 1))
    h = d
    done = torch.zeros_like(x, dtype=torch.bool)
    for m in range(1, iterations + 1):
        step = torch.ones_like(x)
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 / guard(1 + num * d)
            c = guard(1 + num / c)
            step = step * d * c
        h = torch.where(done, h, h * step)
        done = done | ((step - 1).abs() <= eps)
        if bool(done.all()):
            break
    return h


def _incomplete_beta(a: torch.Tensor, b: torch.Tensor, x: torch.Tensor,
                     y: torch.Tensor) -> torch.Tensor:
    """The regularized incomplete beta I_x(a, b), with y = 1 - x passed in exactly; where
    the fraction converges slowly, I_x(a, b) = 1 - I_y(b, a)."""
    direct = x < (a + 1) / (a + b + 2)
    a2, b2 = torch.where(direct, a, b), torch.where(direct, b, a)
    x2, y2 = torch.where(direct, x, y), torch.where(direct, y, x)
    log_beta = torch.lgamma(a) + torch.lgamma(b) - torch.lgamma(a + b)
    front = torch.exp(a2 * torch.log(x2) + b2 * torch.log(y2) - log_beta)
    value = front * _continued_fraction(a2, b2, x2) / a2
    return torch.where(direct, value, 1 - value)


def two_sample_t_test(a: torch.Tensor, b: torch.Tensor, *,
                      equal_var: bool = True) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    n_a, n_b = a.shape[0], b.shape[0]
    if a.ndim != 1 or b.ndim != 1 or min(n_a, n_b) < 2:
        msg = (f"a and b must be 1-D samples of at least 2 values, got {tuple(a.shape)}, "
               f"{tuple(b.shape)}")
        raise ValueError(msg)
    var_a, var_b = torch.var(a, correction=1), torch.var(b, correction=1)
    if equal_var:
        df = torch.tensor(n_a + n_b - 2, dtype=a.dtype, device=a.device)
        pooled = ((n_a - 1) * var_a + (n_b - 1) * var_b) / df
        se2 = pooled * (1 / n_a + 1 / n_b)
    else:
        va, vb = var_a / n_a, var_b / n_b
        se2 = va + vb
        df = se2**2 / (va**2 / (n_a - 1) + vb**2 / (n_b - 1))
    t = (a.mean() - b.mean()) / torch.sqrt(se2)
    t2 = t * t
    # two-sided p = I_{df/(df + t^2)}(df/2, 1/2); 1 - x = t^2/(df + t^2) computed directly
    half = torch.full_like(df, 0.5)
    p = _incomplete_beta(df / 2, half, df / (df + t2), t2 / (df + t2))
    return t, df, p
