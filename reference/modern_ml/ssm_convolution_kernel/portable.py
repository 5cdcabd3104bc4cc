"""The SSM convolution kernel and the causal convolution on any array namespace."""

from __future__ import annotations

from typing import Any

from array_api_compat import device


def ssm_convolution_kernel(xp: Any, A_bar: Any, B_bar: Any, C: Any, u: Any) -> dict[str, Any]:
    if A_bar.ndim != 1 or tuple(B_bar.shape) != tuple(A_bar.shape) or \
            tuple(C.shape) != tuple(A_bar.shape) or u.ndim < 1:
        msg = (f"A_bar {tuple(A_bar.shape)}, B_bar {tuple(B_bar.shape)} and C "
               f"{tuple(C.shape)} must be (N,) and u {tuple(u.shape)} (..., L)")
        raise ValueError(msg)
    length = u.shape[-1]
    steps = xp.arange(length, dtype=u.dtype, device=device(u))
    # pow with integral exponents: 0^0 = 1 and negative bases keep their sign
    powers = xp.pow(A_bar[None, :], steps[:, None])  # (L, N)
    kernel = xp.sum(powers * (C * B_bar), axis=-1)
    # the causal (zero-padded) Toeplitz matrix T[k, i] = K[k - i] for i <= k, else 0
    steps_int = xp.arange(length, device=device(u))
    lag = steps_int[:, None] - steps_int[None, :]
    picked = xp.take(kernel, xp.reshape(xp.where(lag >= 0, lag, 0), (-1,)), axis=0)
    toeplitz = xp.where(lag >= 0, xp.reshape(picked, (length, length)), xp.zeros_like(picked[0]))
    y = xp.matmul(u, xp.permute_dims(toeplitz, (1, 0)))
    return {"K": kernel, "y": y}
