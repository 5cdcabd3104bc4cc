"""Classification metrics in PyTorch: counts by torch.bincount, scores from the counts."""

from __future__ import annotations

import torch


def _check_pair(y_true: torch.Tensor, y_pred: torch.Tensor) -> None:
    if y_true.ndim != 1 or y_true.shape != y_pred.shape:
        msg = (f"y_true and y_pred must be 1-D of equal length, got {tuple(y_true.shape)}, "
               f"{tuple(y_pred.shape)}")
        raise ValueError(msg)


def _num_labels(y_true: torch.Tensor, y_pred: torch.Tensor) -> int:
    if y_true.numel() == 0:
        msg = "num_classes is needed when there are no labels"
        raise ValueError(msg)
    return int(torch.maximum(y_true.max(), y_pred.max())) + 1


def _counts(y_true: torch.Tensor, y_pred: torch.Tensor, k: int) -> torch.Tensor:
    # torch.bincount would silently count y_true*K + y_pred of an out-of-range pair in
    # another cell (or fail on a negative one): check the range up front.
    labels = torch.cat([y_true, y_pred])
    if labels.numel() and (int(labels.min()) < 0 or int(labels.max()) >= k):
        msg = f"labels must lie in [0, {k}), got [{int(labels.min())}, {int(labels.max())}]"
        raise IndexError(msg)
    flat = y_true.to(torch.int64) * k + y_pred.to(torch.int64)
    return torch.bincount(flat, minlength=k * k).reshape(k, k)


def confusion_matrix(y_true: torch.Tensor, y_pred: torch.Tensor, *,
                     num_classes: int | None = None) -> torch.Tensor:
    _check_pair(y_true, y_pred)
    k = _num_labels(y_true, y_pred) if num_classes is None else num_classes
    return _counts(y_true, y_pred, k)


def _ratio(num: torch.Tensor, den: torch.Tensor, zero_division: float) -> torch.Tensor:
    num, den = num.to(torch.float64), den.to(torch.float64)
    fill = torch.full_like(den, zero_division)
    return torch.where(den > 0, num / den.clamp(min=1), fill)


def _scores(tp: torch.Tensor, fp: torch.Tensor, fn: torch.Tensor,
            zero_division: float) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return (_ratio(tp, tp + fp, zero_division), _ratio(tp, tp + fn, zero_division),
            _ratio(2 * tp, 2 * tp + fp + fn, zero_division))


def precision_recall_f1(y_true: torch.Tensor, y_pred: torch.Tensor, *, average: str = "binary",
                        pos_label: int = 1, zero_division: float = 0.0
                        ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    _check_pair(y_true, y_pred)
    if average not in ("binary", "macro"):
        msg = f"average must be 'binary' or 'macro', got {average!r}"
        raise ValueError(msg)
    if y_true.numel() and int(torch.minimum(y_true.min(), y_pred.min())) < 0:
        msg = "labels must be non-negative class indices"
        raise IndexError(msg)
    if average == "binary":
        true_pos, pred_pos = y_true == pos_label, y_pred == pos_label
        tp = (true_pos & pred_pos).sum()
        fp = (~true_pos & pred_pos).sum()
        fn = (true_pos & ~pred_pos).sum()
        return _scores(tp, fp, fn, zero_division)
    k = _num_labels(y_true, y_pred) if y_true.numel() else 0
    counts = _counts(y_true, y_pred, k)
    tp = counts.diagonal()
    fp, fn = counts.sum(dim=0) - tp, counts.sum(dim=1) - tp
    present = tp + fp + fn > 0  # labels seen in y_true or y_pred
    nan = torch.tensor(float("nan"), dtype=torch.float64, device=y_true.device)
    # nanmean leaves out absent labels and NaN scores (zero_division = nan), as sklearn
    return tuple(torch.where(present, score, nan).nanmean()
                 for score in _scores(tp, fp, fn, zero_division))
