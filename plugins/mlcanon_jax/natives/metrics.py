"""Classification metrics in JAX: counts by jnp.bincount, scores from the counts."""

from __future__ import annotations

import jax.numpy as jnp


def _check_pair(y_true: jnp.ndarray, y_pred: jnp.ndarray) -> None:
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        msg = f"y_true and y_pred must be 1-D of equal length, got {y_true.shape}, {y_pred.shape}"
        raise ValueError(msg)


def _num_labels(y_true: jnp.ndarray, y_pred: jnp.ndarray) -> int:
    if y_true.size == 0:
        msg = "num_classes is needed when there are no labels"
        raise ValueError(msg)
    return int(jnp.maximum(y_true.max(), y_pred.max())) + 1


def _counts(y_true: jnp.ndarray, y_pred: jnp.ndarray, k: int) -> jnp.ndarray:
    # jnp.bincount drops (or clips) out-of-range values silently: check the range up front.
    labels = jnp.concatenate([y_true, y_pred])
    if labels.size and (int(labels.min()) < 0 or int(labels.max()) >= k):
        msg = f"labels must lie in [0, {k}), got [{int(labels.min())}, {int(labels.max())}]"
        raise IndexError(msg)
    flat = y_true.astype(jnp.int64) * k + y_pred.astype(jnp.int64)
    return jnp.bincount(flat, length=k * k).reshape(k, k)


def confusion_matrix(y_true: jnp.ndarray, y_pred: jnp.ndarray, *,
                     num_classes: int | None = None) -> jnp.ndarray:
    _check_pair(y_true, y_pred)
    k = _num_labels(y_true, y_pred) if num_classes is None else num_classes
    return _counts(y_true, y_pred, k)


def _ratio(num: jnp.ndarray, den: jnp.ndarray, zero_division: float) -> jnp.ndarray:
    num, den = num.astype(jnp.float64), den.astype(jnp.float64)
    return jnp.where(den > 0, num / jnp.maximum(den, 1), zero_division)


def _scores(tp: jnp.ndarray, fp: jnp.ndarray, fn: jnp.ndarray,
            zero_division: float) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    return (_ratio(tp, tp + fp, zero_division), _ratio(tp, tp + fn, zero_division),
            _ratio(2 * tp, 2 * tp + fp + fn, zero_division))


def precision_recall_f1(y_true: jnp.ndarray, y_pred: jnp.ndarray, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0
                        ) -> tuple[jnp.ndarray, jnp.ndarray, jnp.ndarray]:
    _check_pair(y_true, y_pred)
    if average not in ("binary", "macro"):
        msg = f"average must be 'binary' or 'macro', got {average!r}"
        raise ValueError(msg)
    if y_true.size and int(jnp.minimum(y_true.min(), y_pred.min())) < 0:
        msg = "labels must be non-negative class indices"
        raise IndexError(msg)
    if average == "binary":
        true_pos, pred_pos = y_true == pos_label, y_pred == pos_label
        tp = jnp.sum(true_pos & pred_pos)
        fp = jnp.sum(~true_pos & pred_pos)
        fn = jnp.sum(true_pos & ~pred_pos)
        return _scores(tp, fp, fn, zero_division)
    k = _num_labels(y_true, y_pred) if y_true.size else 0
    counts = _counts(y_true, y_pred, k)
    tp = jnp.diagonal(counts)
    fp, fn = counts.sum(axis=0) - tp, counts.sum(axis=1) - tp
    present = tp + fp + fn > 0  # labels seen in y_true or y_pred
    means = []
    for score in _scores(tp, fp, fn, zero_division):
        keep = present & ~jnp.isnan(score)  # sklearn leaves NaN scores out of the mean
        count = jnp.sum(keep)
        total = jnp.sum(jnp.where(keep, score, 0.0))
        means.append(jnp.where(count > 0, total / jnp.maximum(count, 1), jnp.nan))
    return tuple(means)
