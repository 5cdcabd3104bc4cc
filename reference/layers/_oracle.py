"""Oracle helpers that several layers concepts share."""

from __future__ import annotations

from typing import Any

import numpy as np


def pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if np.ndim(value) == 0 else tuple(value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def out_size(size: int, kernel: int, stride: int, padding: int, dilation: int = 1) -> int:
    span = dilation * (kernel - 1) + 1
    if stride < 1 or padding < 0 or dilation < 1:
        msg = f"stride and dilation must be >= 1 and padding >= 0, got {stride}, {padding}, " \
              f"{dilation}"
        raise ValueError(msg)
    if span > size + 2 * padding:
        msg = f"kernel span {span} exceeds the padded input size {size + 2 * padding}"
        raise ValueError(msg)
    return (size + 2 * padding - span) // stride + 1


def pad(x: np.ndarray, ph: int, pw: int, value: Any) -> np.ndarray:
    n, c, h, w = x.shape
    padded = np.full((n, c, h + 2 * ph, w + 2 * pw), value, dtype=object)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded

