"""Layers in NumPy: matmuls, sliding windows and a seeded Generator."""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if np.ndim(value) == 0 else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def _check_bias(bias: np.ndarray | None, out_features: int) -> None:
    if bias is not None and bias.shape != (out_features,):
        msg = f"bias shape {bias.shape} must be ({out_features},)"
        raise ValueError(msg)


def _windows(x: np.ndarray, kernel: tuple[int, int], stride: tuple[int, int],
             padding: tuple[int, int], dilation: tuple[int, int], fill: float) -> np.ndarray:
    """(N, C, H_out, W_out, k_h, k_w) view of the padded input's strided, dilated windows."""
    if min(stride) < 1 or min(dilation) < 1 or min(padding) < 0:
        msg = f"stride {stride} and dilation {dilation} must be >= 1, padding {padding} >= 0"
        raise ValueError(msg)
    (kh, kw), (ph, pw), (dh, dw) = kernel, padding, dilation
    span = (dh * (kh - 1) + 1, dw * (kw - 1) + 1)
    if span[0] > x.shape[2] + 2 * ph or span[1] > x.shape[3] + 2 * pw:
        msg = f"kernel span {span} exceeds the padded input {x.shape[2:]} + 2·{padding}"
        raise ValueError(msg)
    padded = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=fill)
    view = sliding_window_view(padded, span, axis=(2, 3))
    return view[:, :, ::stride[0], ::stride[1], ::dh, ::dw]


def linear_layer(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None
                 ) -> np.ndarray:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = f"x {x.shape} does not match weight {weight.shape} (out_features, in_features)"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    y = x @ weight.T
    return y if bias is None else y + bias


def conv2d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> np.ndarray:
    if x.ndim != 4 or weight.ndim != 4 or x.shape[1] != weight.shape[1]:
        msg = f"x {x.shape} (N, C, H, W) does not match weight {weight.shape} (O, C, kH, kW)"
        raise ValueError(msg)
    _check_bias(bias, weight.shape[0])
    windows = _windows(x, weight.shape[2:], _pair(stride, "stride"), _pair(padding, "padding"),
                       _pair(dilation, "dilation"), 0.0)
    # contract channels and taps: (N, H_out, W_out, O) -> NCHW
    y = np.tensordot(windows, weight, axes=([1, 4, 5], [1, 2, 3])).transpose(0, 3, 1, 2)
    return y if bias is None else y + bias[:, None, None]


def pooling(x: np.ndarray, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> np.ndarray:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    kernel = _pair(kernel_size, "kernel_size")
    pad = _pair(padding, "padding")
    if pad[0] > kernel[0] // 2 or pad[1] > kernel[1] // 2:
        msg = f"padding {padding} exceeds half the kernel {kernel_size}"
        raise ValueError(msg)
    steps = kernel if stride is None else _pair(stride, "stride")
    fill = -np.inf if kind == "max" else 0.0  # avg counts the zero padding (count_include_pad)
    windows = _windows(x, kernel, steps, pad, (1, 1), fill)
    if kind == "max":
        return windows.max(axis=(-2, -1))
    return windows.mean(axis=(-2, -1))


def dropout(x: np.ndarray, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> np.ndarray:
    if not 0.0 <= p <= 1.0:
        msg = f"dropout probability p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    if not training or p == 0.0:
        return x.copy()
    if p == 1.0:
        return np.zeros_like(x)
    keep = np.random.default_rng(seed).random(x.shape) >= p
    return np.where(keep, x / (1.0 - p), 0.0).astype(x.dtype, copy=False)


def embedding_lookup(weight: np.ndarray, ids: np.ndarray) -> np.ndarray:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {weight.shape}"
        raise ValueError(msg)
    # np.take raises IndexError past the end but wraps negative ids: check both here
    if ids.size and (ids.min() < 0 or ids.max() >= weight.shape[0]):
        msg = f"ids must lie in [0, {weight.shape[0]}), got {ids.min()} .. {ids.max()}"
        raise IndexError(msg)
    return np.take(weight, ids, axis=0)
