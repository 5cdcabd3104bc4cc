"""PyTorch native bindings: quantization (torch.ao.quantization observers, quantize ops)."""

from __future__ import annotations

import torch
from torch.ao.quantization.observer import PerChannelMinMaxObserver

from mlcanon import KnownDeviation, native


@native("torch.ao.quantization.PerChannelMinMaxObserver + torch.quantize_per_channel",
        only={"scheme": ("affine", "symmetric")})
def per_channel_quantization(w: torch.Tensor, *, axis: int = 0, bits: int = 8,
                             scheme: str = "symmetric") -> tuple[torch.Tensor, ...]:
    # the canon's grids through the observer's own arguments: symmetric [-q_max, q_max]
    # (so its (q_max - q_min)/2 divisor is q_max), affine [-2^(b-1), 2^(b-1) - 1]
    q_max = 2 ** (bits - 1) - 1
    observer = PerChannelMinMaxObserver(
        ch_axis=axis, dtype=torch.qint8,
        qscheme=torch.per_channel_symmetric if scheme == "symmetric" else torch.per_channel_affine,
        quant_min=-q_max if scheme == "symmetric" else -q_max - 1, quant_max=q_max)
    observer(w)
    scale, zero_point = observer.calculate_qparams()
    q = torch.quantize_per_channel(w, scale, zero_point, axis % w.ndim, torch.qint8)
    return q.int_repr(), scale, zero_point, q.dequantize()


@native("torch.fake_quantize_per_tensor_affine")
def fake_quant_ste(x: torch.Tensor, dy: torch.Tensor, *, scale: float = 1.0,
                   zero_point: int = 0, quant_min: int = -128,
                   quant_max: int = 127) -> tuple[torch.Tensor, torch.Tensor]:
    # the forward and torch's own straight-through backward, through autograd
    with torch.enable_grad():
        leaf = x.detach().requires_grad_()
        y = torch.fake_quantize_per_tensor_affine(leaf, scale, zero_point, quant_min, quant_max)
        (dx,) = torch.autograd.grad(y, leaf, dy)
    return y.detach(), dx


DOCS = "https://pytorch.org/docs/stable/generated/"

#: every per_channel_quantization case that reaches torch.quantize_per_channel
_PER_CHANNEL_VALUE_CASES = (
    "symmetric_int8_rows", "affine_int8", "affine_int4", "symmetric_int4",
    "symmetric_int2_ternary", "ties_half_to_even", "columns_axis_1", "all_zero_channel",
    "random_linear_weight", "random_conv_weight_affine", "random_int4_columns",
    "random_int4_affine_positive", "channels_quantized_alone",
)

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *(KnownDeviation(
        concept="per_channel_quantization", case=case, dtype="float64",
        reason="torch.quantize_per_channel accepts only float32 weights: float64 input raises "
               "RuntimeError 'quantize_tensor_per_channel_affine expects a Float Tensor, got "
               "Double' (and the observer's scales are float32)",
        link=DOCS + "torch.quantize_per_channel.html",
    ) for case in _PER_CHANNEL_VALUE_CASES),
    KnownDeviation(
        concept="per_channel_quantization", case="all_zero_channel", dtype="float32",
        reason="PerChannelMinMaxObserver clamps a zero scale to float32 eps: the all-zero "
               "channel gets scale 1.19e-07 where the canon takes 1 (q and w_hat agree)",
        link="https://pytorch.org/docs/stable/generated/"
             "torch.ao.quantization.observer.PerChannelMinMaxObserver.html",
    ),
    *(KnownDeviation(
        concept="fake_quant_ste", case="scale_not_positive", dtype=dtype,
        reason="torch.fake_quantize_per_tensor_affine accepts scale = 0 without an error and "
               "returns 0 for x = 1 (the canon rejects a non-positive scale)",
        link=DOCS + "torch.fake_quantize_per_tensor_affine.html",
    ) for dtype in ("float32", "float64")),
    *(KnownDeviation(
        concept="fake_quant_ste", case="empty_grid", dtype=dtype,
        reason="torch.fake_quantize_per_tensor_affine accepts quant_min = quant_max = 5 "
               "without an error (a one-level grid) and returns 0 for x = 1",
        link=DOCS + "torch.fake_quantize_per_tensor_affine.html",
    ) for dtype in ("float32", "float64")),
)
