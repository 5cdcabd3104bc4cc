"""Precision, recall and F1 on any array namespace, binary (one-vs-rest) or macro."""

from __future__ import annotations

import math
from typing import Any

from array_api_compat import device, size

AVERAGES = ("binary", "macro")


def precision_recall_f1(xp: Any, y_true: Any, y_pred: Any, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0
                        ) -> tuple[Any, Any, Any]:
    _check(xp, y_true, y_pred, average)
    if average == "binary":
        tp, fp, fn = _binary_counts(xp, y_true, y_pred, pos_label)
        return _scores(xp, tp, fp, fn, zero_division)
    tp, fp, fn = _per_label_counts(xp, y_true, y_pred)
    scores = _scores(xp, tp, fp, fn, zero_division)
    return tuple(_mean_without_nan(xp, score) for score in scores)


def _binary_counts(xp: Any, y_true: Any, y_pred: Any, pos_label: int) -> tuple[Any, Any, Any]:
    true_pos, pred_pos = y_true == pos_label, y_pred == pos_label
    return (_count(xp, true_pos & pred_pos), _count(xp, ~true_pos & pred_pos),
            _count(xp, true_pos & ~pred_pos))


def _count(xp: Any, mask: Any, axis: int | None = None) -> Any:
    return xp.sum(xp.astype(mask, xp.float64), axis=axis)


def _per_label_counts(xp: Any, y_true: Any, y_pred: Any) -> tuple[Any, Any, Any]:
    """TP, FP, FN of each label that occurs in y_true or y_pred (sklearn's labels)."""
    labels = xp.unique_values(xp.concat([y_true, y_pred]))
    true_hits = y_true[:, None] == labels[None, :]
    pred_hits = y_pred[:, None] == labels[None, :]
    tp = _count(xp, true_hits & pred_hits, axis=0)
    return tp, _count(xp, pred_hits, axis=0) - tp, _count(xp, true_hits, axis=0) - tp


def _scores(xp: Any, tp: Any, fp: Any, fn: Any, zero_division: float) -> tuple[Any, Any, Any]:
    # F1 as 2TP / (2TP + FP + FN): P = R = 0 gives 0, not 2PR / (P + R) = 0/0
    return (_ratio(xp, tp, tp + fp, zero_division), _ratio(xp, tp, tp + fn, zero_division),
            _ratio(xp, 2 * tp, 2 * tp + fp + fn, zero_division))


def _ratio(xp: Any, num: Any, den: Any, zero_division: float) -> Any:
    defined = den > 0
    # dividing by 1 where den = 0 keeps 0/0 (and its warning) out of the discarded branch
    quotient = num / xp.where(defined, den, 1.0)
    fallback = xp.asarray(zero_division, dtype=xp.float64, device=device(num))
    return xp.where(defined, quotient, fallback)


def _mean_without_nan(xp: Any, score: Any) -> Any:
    """The mean of the scores that are not nan (sklearn's macro average); nan if none."""
    kept = ~xp.isnan(score)
    count = int(xp.sum(xp.astype(kept, xp.int64)))
    total = xp.sum(xp.where(kept, score, 0.0))
    return total * math.nan if count == 0 else total / count


def _check(xp: Any, y_true: Any, y_pred: Any, average: str) -> None:
    if y_true.ndim != 1 or tuple(y_true.shape) != tuple(y_pred.shape):
        msg = (f"y_true and y_pred must be 1-D of equal length, "
               f"got {tuple(y_true.shape)} and {tuple(y_pred.shape)}")
        raise ValueError(msg)
    if average not in AVERAGES:
        msg = f"average must be 'binary' or 'macro', got {average!r}"
        raise ValueError(msg)
    if size(y_true) and min(int(xp.min(y_true)), int(xp.min(y_pred))) < 0:
        msg = "labels must be non-negative class indices"
        raise IndexError(msg)
