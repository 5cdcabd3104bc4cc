"""Planted bug: the CTC forward pass lets every label state skip the blank before it, even
between two equal labels, so a repeat (1 1) can be emitted without a separating blank and
an impossible target gets a finite loss."""

import numpy as np


def _logsumexp(values):
    top = max(values)
    if top == -np.inf:
        return -np.inf
    return top + np.log(sum(np.exp(v - top) for v in values))


def ctc_loss(log_probs, targets, input_lengths, target_lengths, *, blank=0, reduction="mean",
             zero_infinity=False):
    n, frames, classes = log_probs.shape
    if reduction not in ("mean", "sum", "none", None) or not 0 <= blank < classes:
        raise ValueError("bad reduction or blank")
    losses = []
    for b in range(n):
        length, count = int(input_lengths[b]), int(target_lengths[b])
        if not (0 <= length <= frames and 0 <= count <= targets.shape[1]):
            raise ValueError("bad lengths")
        labels = [int(k) for k in targets[b, :count]]
        if any(not 0 <= k < classes for k in labels):
            raise IndexError("label outside the classes")
        if blank in labels:
            raise ValueError("blank in target")
        ext = [blank]
        for k in labels:
            ext += [k, blank]
        lp = log_probs[b].astype(np.float64)
        alpha = [-np.inf] * len(ext)
        for t in range(length):
            new = [-np.inf] * len(ext)
            for s in range(len(ext)):
                if t == 0:
                    new[s] = lp[0, ext[s]] if s < 2 else -np.inf
                    continue
                options = [alpha[s]] + ([alpha[s - 1]] if s >= 1 else [])
                if s >= 2 and ext[s] != blank:  # the bug: no ext[s] != ext[s - 2] test
                    options.append(alpha[s - 2])
                new[s] = _logsumexp(options) + lp[t, ext[s]]
            alpha = new
        if length == 0:
            total = 0.0 if count == 0 else -np.inf
        else:
            total = _logsumexp(alpha[-2:]) if count else alpha[-1]
        loss = 0.0 - total
        losses.append(0.0 if zero_infinity and loss == np.inf else loss)
    losses = np.array(losses, dtype=log_probs.dtype)
    if reduction == "sum":
        return losses.sum()
    if reduction == "mean":
        return losses.mean()
    return losses
