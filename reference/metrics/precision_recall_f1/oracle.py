"""The oracle of precision_recall_f1: the plain formula (mpmath unless marked)."""

from __future__ import annotations

import math

import numpy as np

from mlcanon import mparray as mpa
from mlcanon.oracles import oracle


def _ratio(num: int, den: int, zero_division: float) -> object:
    if den == 0:
        return mpa.mpf(zero_division)
    return mpa.mpf(num) / mpa.mpf(den)


def _one_vs_rest(tp: int, fp: int, fn: int, zero_division: float) -> tuple[object, ...]:
    precision = _ratio(tp, tp + fp, zero_division)
    recall = _ratio(tp, tp + fn, zero_division)
    # F1 = 2PR/(P + R) = 2TP/(2TP + FP + FN); the count form is defined whenever any of
    # TP, FP, FN is non-zero (P = 0 and R = 0 give F1 = 0, not 0/0).
    f1 = _ratio(2 * tp, 2 * tp + fp + fn, zero_division)
    return precision, recall, f1


@oracle("precision_recall_f1")
def precision_recall_f1(y_true: np.ndarray, y_pred: np.ndarray, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0) -> tuple[object, ...]:
    y_true = [int(v) for v in np.asarray(y_true).ravel()]
    y_pred = [int(v) for v in np.asarray(y_pred).ravel()]
    if len(y_true) != len(y_pred):
        msg = f"y_true has {len(y_true)} labels, y_pred {len(y_pred)}"
        raise ValueError(msg)
    pairs = list(zip(y_true, y_pred, strict=True))
    if average == "binary":
        tp = sum(1 for t, p in pairs if t == pos_label and p == pos_label)
        fp = sum(1 for t, p in pairs if t != pos_label and p == pos_label)
        fn = sum(1 for t, p in pairs if t == pos_label and p != pos_label)
        return _one_vs_rest(tp, fp, fn, zero_division)
    if average == "macro":
        # unweighted mean over the labels that occur in y_true or y_pred (sklearn);
        # NaN scores (zero_division = nan) are left out of the mean, as in sklearn.
        per_class = []
        for label in sorted(set(y_true) | set(y_pred)):
            tp = sum(1 for t, p in pairs if t == label and p == label)
            fp = sum(1 for t, p in pairs if t != label and p == label)
            fn = sum(1 for t, p in pairs if t == label and p != label)
            per_class.append(_one_vs_rest(tp, fp, fn, zero_division))
        means = []
        for k in range(3):
            kept = [scores[k] for scores in per_class if not math.isnan(float(scores[k]))]
            means.append(sum(kept) / len(kept) if kept else mpa.mpf("nan"))
        return tuple(means)
    msg = f"average must be 'binary' or 'macro', got {average!r}"
    raise ValueError(msg)
