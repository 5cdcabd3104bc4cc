"""Oracles of the layers family: plain loops and sums at mpmath precision.

Each oracle transcribes its definition index by index (one output position at a time)
on object arrays of mpf, so it shares no code path with a vectorized implementation.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if np.ndim(value) == 0 else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def _out_size(size: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    span = dilation * (kernel - 1) + 1
    if stride < 1 or padding < 0 or dilation < 1:
        msg = f"stride and dilation must be >= 1 and padding >= 0, got {stride}, {padding}, " \
              f"{dilation}"
        raise ValueError(msg)
    if span > size + 2 * padding:
        msg = f"kernel span {span} exceeds the padded input size {size + 2 * padding}"
        raise ValueError(msg)
    return (size + 2 * padding - span) // stride + 1


def _pad(x: np.ndarray, ph: int, pw: int, value: Any) -> np.ndarray:
    n, c, h, w = x.shape
    padded = np.full((n, c, h + 2 * ph, w + 2 * pw), value, dtype=object)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded


@oracle("linear_layer")
def linear_layer(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None) -> np.ndarray:
    if weight.ndim != 2 or x.ndim < 1 or x.shape[-1] != weight.shape[1]:
        msg = f"x {x.shape} and weight {weight.shape} do not match"
        raise ValueError(msg)
    out_features, in_features = weight.shape
    y = np.empty((*x.shape[:-1], out_features), dtype=object)
    for index in np.ndindex(*x.shape[:-1]):
        for o in range(out_features):
            total = mpa.mpf(0)
            for i in range(in_features):
                total += x[index][i] * weight[o, i]
            y[index][o] = total if bias is None else total + bias[o]
    return y


@oracle("conv2d")
def conv2d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None = None, *,
           stride: Any = 1, padding: Any = 0, dilation: Any = 1) -> np.ndarray:
    (sh, sw), (ph, pw), (dh, dw) = (_pair(stride, "stride"), _pair(padding, "padding"),
                                    _pair(dilation, "dilation"))
    n, c, h, w = x.shape
    o, c_w, kh, kw = weight.shape
    if c != c_w:
        msg = f"x has {c} channels, weight expects {c_w}"
        raise ValueError(msg)
    oh, ow = _out_size(h, kh, sh, ph, dh), _out_size(w, kw, sw, pw, dw)
    xp = _pad(x, ph, pw, mpa.mpf(0))
    y = np.empty((n, o, oh, ow), dtype=object)
    for b, k, i, j in np.ndindex(n, o, oh, ow):
        # cross-correlation: the kernel is not flipped
        total = mpa.mpf(0) if bias is None else bias[k]
        for ch, u, v in np.ndindex(c, kh, kw):
            total += weight[k, ch, u, v] * xp[b, ch, i * sh + u * dh, j * sw + v * dw]
        y[b, k, i, j] = total
    return y


@oracle("pooling")
def pooling(x: np.ndarray, *, kind: str = "max", kernel_size: Any = 2, stride: Any = None,
            padding: Any = 0) -> np.ndarray:
    if kind not in ("max", "avg"):
        msg = f"kind must be 'max' or 'avg', got {kind!r}"
        raise ValueError(msg)
    kh, kw = _pair(kernel_size, "kernel_size")
    sh, sw = _pair(kernel_size if stride is None else stride, "stride")
    ph, pw = _pair(padding, "padding")
    if ph > kh // 2 or pw > kw // 2:
        msg = f"padding {padding} exceeds half the kernel {kernel_size}"
        raise ValueError(msg)
    n, c, h, w = x.shape
    oh, ow = _out_size(h, kh, sh, ph), _out_size(w, kw, sw, pw)
    # max pools over -inf padding (never chosen), avg counts zero padding in its divisor
    xp = _pad(x, ph, pw, mpa.mpf("-inf") if kind == "max" else mpa.mpf(0))
    y = np.empty((n, c, oh, ow), dtype=object)
    for b, ch, i, j in np.ndindex(n, c, oh, ow):
        window = [xp[b, ch, i * sh + u, j * sw + v] for u, v in np.ndindex(kh, kw)]
        if kind == "avg":
            y[b, ch, i, j] = sum(window, mpa.mpf(0)) / (kh * kw)
        elif any(mpa.mp.isnan(value) for value in window):
            y[b, ch, i, j] = mpa.mpf("nan")
        else:
            y[b, ch, i, j] = max(window)
    return y


@oracle("dropout")
def dropout(x: np.ndarray, *, p: float = 0.5, training: bool = True,
            seed: int = 0) -> np.ndarray:
    if not 0.0 <= p <= 1.0:
        msg = f"p must lie in [0, 1], got {p!r}"
        raise ValueError(msg)
    if not training or p == 0.0:
        return x.copy()
    if p == 1.0:
        return np.full(x.shape, mpa.mpf(0), dtype=object)
    msg = ("training-mode dropout with 0 < p < 1 draws its mask from the backend's random "
           "stream: only its statistics are canonical (stochastic check 'dropout_mask')")
    raise ValueError(msg)


@oracle("embedding_lookup")
def embedding_lookup(weight: np.ndarray, ids: np.ndarray) -> np.ndarray:
    if weight.ndim != 2:
        msg = f"weight must be (num_embeddings, dim), got shape {weight.shape}"
        raise ValueError(msg)
    num_embeddings, dim = weight.shape
    y = np.empty((*ids.shape, dim), dtype=object)
    for index in np.ndindex(*ids.shape):
        row = int(ids[index])
        if not 0 <= row < num_embeddings:
            msg = f"id {row} is out of range for {num_embeddings} embeddings"
            raise IndexError(msg)
        y[index] = weight[row]
    return y
