"""Per-tensor weight quantization in PyTorch (torch.round rounds half to even).

torch.quantize_per_tensor rounds the same way but takes float32 input only and needs the
scale and zero point from outside; plain tensor ops serve every float dtype.
"""

from __future__ import annotations

import torch


def _grid(bits: int, scheme: str) -> tuple[int, int]:
    if not 2 <= bits <= 8:
        msg = f"bits must be in [2, 8], got {bits}"
        raise ValueError(msg)
    if scheme not in ("affine", "symmetric"):
        msg = f"scheme must be 'affine' or 'symmetric', got {scheme!r}"
        raise ValueError(msg)
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def weight_quantization(w: torch.Tensor, *, bits: int = 8, scheme: str = "affine"
                        ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    qmin, qmax = _grid(bits, scheme)
    one = torch.ones((), dtype=w.dtype, device=w.device)
    if scheme == "affine":
        lo, hi = torch.aminmax(w)
        lo, hi = lo.clamp(max=0), hi.clamp(min=0)  # the range contains 0
        scale = (hi - lo) / (qmax - qmin)
        scale = torch.where(scale > 0, scale, one)  # an all-zero tensor
        zero_point = torch.round(qmin - lo / scale).to(torch.int64)
    else:
        scale = w.abs().max() / qmax
        scale = torch.where(scale > 0, scale, one)
        zero_point = torch.zeros((), dtype=torch.int64, device=w.device)
    q = torch.clamp(torch.round(w / scale) + zero_point, qmin, qmax).to(torch.int8)
    w_hat = scale * (q.to(w.dtype) - zero_point.to(w.dtype))
    return q, scale, zero_point, w_hat
