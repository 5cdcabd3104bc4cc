"""Confusion matrix on any array namespace: counts of the flat index y_true * K + y_pred."""

from __future__ import annotations

from typing import Any

from array_api_compat import device, size


def confusion_matrix(xp: Any, y_true: Any, y_pred: Any, *,
                     num_classes: int | None = None) -> Any:
    _check_pair(y_true, y_pred)
    k = _num_labels(xp, y_true, y_pred) if num_classes is None else int(num_classes)
    _check_range(xp, y_true, y_pred, k)
    flat = xp.astype(y_true, xp.int64) * k + xp.astype(y_pred, xp.int64)
    return xp.reshape(_bincount(xp, flat, k * k), (k, k))


def _bincount(xp: Any, values: Any, length: int) -> Any:
    """How often each of 0..length-1 occurs in values (all inside that range)."""
    # the standard has no bincount; on sorted values the count of v is the distance
    # between the first positions of v and v + 1
    edges = xp.arange(length + 1, dtype=xp.int64, device=device(values))
    starts = xp.searchsorted(xp.sort(values), edges, side="left")
    return xp.astype(starts[1:] - starts[:-1], xp.int64)


def _check_pair(y_true: Any, y_pred: Any) -> None:
    if y_true.ndim != 1 or tuple(y_true.shape) != tuple(y_pred.shape):
        msg = (f"y_true and y_pred must be 1-D of equal length, "
               f"got {tuple(y_true.shape)} and {tuple(y_pred.shape)}")
        raise ValueError(msg)


def _num_labels(xp: Any, y_true: Any, y_pred: Any) -> int:
    if size(y_true) == 0:
        msg = "num_classes is needed when there are no labels"
        raise ValueError(msg)
    return max(int(xp.max(y_true)), int(xp.max(y_pred))) + 1


def _check_range(xp: Any, y_true: Any, y_pred: Any, k: int) -> None:
    if size(y_true) == 0:
        return
    low = min(int(xp.min(y_true)), int(xp.min(y_pred)))
    high = max(int(xp.max(y_true)), int(xp.max(y_pred)))
    # checked up front: a label outside [0, K) would land in another cell of the flat index
    if low < 0 or high >= k:
        msg = f"labels must lie in [0, {k}), got [{low}, {high}]"
        raise IndexError(msg)
