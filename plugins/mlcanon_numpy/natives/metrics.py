"""Classification metrics in NumPy: counts by bincount, scores from the counts."""

from __future__ import annotations

import numpy as np


def _check_pair(y_true: np.ndarray, y_pred: np.ndarray) -> None:
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        msg = f"y_true and y_pred must be 1-D of equal length, got {y_true.shape}, {y_pred.shape}"
        raise ValueError(msg)


def _check_range(y_true: np.ndarray, y_pred: np.ndarray, k: int) -> None:
    labels = np.concatenate([y_true, y_pred])
    if labels.size and (labels.min() < 0 or labels.max() >= k):
        msg = f"labels must lie in [0, {k}), got [{labels.min()}, {labels.max()}]"
        raise IndexError(msg)


def _counts(y_true: np.ndarray, y_pred: np.ndarray, k: int) -> np.ndarray:
    _check_range(y_true, y_pred, k)
    flat = y_true.astype(np.int64) * k + y_pred.astype(np.int64)
    return np.bincount(flat, minlength=k * k).reshape(k, k)


def _num_labels(y_true: np.ndarray, y_pred: np.ndarray) -> int:
    if y_true.size == 0:
        msg = "num_classes is needed when there are no labels"
        raise ValueError(msg)
    return int(max(y_true.max(), y_pred.max())) + 1


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, *,
                     num_classes: int | None = None) -> np.ndarray:
    _check_pair(y_true, y_pred)
    k = _num_labels(y_true, y_pred) if num_classes is None else num_classes
    return _counts(y_true, y_pred, k)


def _ratio(num: np.ndarray, den: np.ndarray, zero_division: float) -> np.ndarray:
    num, den = np.asarray(num, dtype=np.float64), np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.full(den.shape, zero_division), where=den > 0)


def _scores(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray,
            zero_division: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (_ratio(tp, tp + fp, zero_division), _ratio(tp, tp + fn, zero_division),
            _ratio(2 * tp, 2 * tp + fp + fn, zero_division))


def precision_recall_f1(y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    _check_pair(y_true, y_pred)
    if average not in ("binary", "macro"):
        msg = f"average must be 'binary' or 'macro', got {average!r}"
        raise ValueError(msg)
    if y_true.size and min(y_true.min(), y_pred.min()) < 0:
        msg = "labels must be non-negative class indices"
        raise IndexError(msg)
    if average == "binary":
        true_pos, pred_pos = y_true == pos_label, y_pred == pos_label
        tp = np.sum(true_pos & pred_pos)
        fp = np.sum(~true_pos & pred_pos)
        fn = np.sum(true_pos & ~pred_pos)
        return _scores(tp, fp, fn, zero_division)
    k = int(max(y_true.max(), y_pred.max())) + 1 if y_true.size else 0
    counts = _counts(y_true, y_pred, k)
    tp = np.diag(counts)
    fp, fn = counts.sum(axis=0) - tp, counts.sum(axis=1) - tp
    present = tp + fp + fn > 0  # labels seen in y_true or y_pred
    means = []
    for score in _scores(tp, fp, fn, zero_division):
        keep = present & ~np.isnan(score)
        means.append(np.sum(score[keep]) / np.sum(keep) if keep.any() else np.float64(np.nan))
    return tuple(np.asarray(m, dtype=np.float64) for m in means)
