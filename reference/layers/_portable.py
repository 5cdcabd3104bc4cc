"""Helpers that several layers portable implementations share (array API code, no oracle)."""

from __future__ import annotations

from typing import Any


def pair(value: Any, what: str) -> tuple[int, int]:
    """(value, value) for an int, the two ints of a list or tuple of two."""
    pair = tuple(value) if isinstance(value, (list, tuple)) else (value, value)
    if len(pair) != 2:
        msg = f"{what} must be an int or a pair of ints, got {value!r}"
        raise ValueError(msg)
    return int(pair[0]), int(pair[1])


def window_count(size: int, span: int, stride: int, padding: int, what: str) -> int:
    """How many windows of span fit, stride apart, in size padded by padding on each side.

    The caller has checked stride, padding and its own window parameters; ``what`` names
    span in the message raised when no window fits.
    """
    if span > size + 2 * padding:
        msg = f"{what} {span} exceeds the padded input size {size + 2 * padding}"
        raise ValueError(msg)
    return (size + 2 * padding - span) // stride + 1  # floor: a partial window is dropped
