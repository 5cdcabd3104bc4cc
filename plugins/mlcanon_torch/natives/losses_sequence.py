"""PyTorch native bindings: sequence and language-model losses (torch.nn.functional)."""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

DOCS = "https://pytorch.org/docs/stable/generated/"
CTC = DOCS + "torch.nn.functional.ctc_loss.html"


def _reduction(reduction: str | None) -> str:
    return "none" if reduction is None else reduction  # the spec's "none" arrives as None


@native("torch.nn.functional.ctc_loss")
def ctc_loss(log_probs: torch.Tensor, targets: torch.Tensor, input_lengths: torch.Tensor,
             target_lengths: torch.Tensor, *, blank: int = 0, reduction: str | None = "mean",
             zero_infinity: bool = False) -> torch.Tensor:
    # torch wants time first: (N, T, C) -> (T, N, C)
    return F.ctc_loss(log_probs.transpose(0, 1), targets, input_lengths, target_lengths,
                      blank=blank, reduction=_reduction(reduction), zero_infinity=zero_infinity)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: Any, dtype: Any = np.float64) -> torch.Tensor:
        return backend.from_numpy(np.asarray(value, dtype=dtype))

    # two sequences of 2 frames, targets of lengths 1 and 2 (losses 1 and 2 apart)
    log_probs = [[[-1.0, -1.0, -1.0], [-1.0, -1.0, -1.0]]] * 2
    targets, input_lengths, target_lengths = [[1, 2], [1, 2]], [2, 2], [1, 2]
    inputs = {"log_probs": log_probs, "targets": targets, "input_lengths": input_lengths,
              "target_lengths": target_lengths}
    return [
        DefaultProbe("ctc_loss", "what does reduction='mean' (the default) divide by?",
                     "F.ctc_loss(log_probs.transpose(0, 1), targets, input_lengths, "
                     "target_lengths)", inputs,
                     lambda: F.ctc_loss(t(log_probs).transpose(0, 1), t(targets, np.int64),
                                        t(input_lengths, np.int64),
                                        t(target_lengths, np.int64))),
    ]


ISSUE_52241 = "https://github.com/pytorch/pytorch/issues/52241"
_MEAN = ("F.ctc_loss reduction='mean' divides each sequence's loss by its target length "
         "before averaging over the batch")
_GRAD = ("F.ctc_loss's backward returns exp(log_probs) - occupancy, the gradient with respect "
         "to logits fed through log_softmax, not d loss / d log_probs = -occupancy (its forward "
         "does not renormalize); the two differ by exp(log_probs), even on a class no "
         "alignment uses")

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="ctc_loss", case="forced_alignment_one_hot",
        reason="F.ctc_loss returns -0.0 for a loss of exactly 0 (the negated log-likelihood "
               "0), not +0.0",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="zero_input_length",
        reason="F.ctc_loss returns -0.0 for the empty target over 0 frames (loss exactly 0), "
               "not +0.0; the impossible sequence is +inf as pinned",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="default_mean_over_batch",
        reason=_MEAN + ": target lengths 1 and 3 give 1.90108 instead of the batch mean 2.82795",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="random_blank_last_mean",
        reason=_MEAN + ": -1.12089 instead of the batch mean -2.25367",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="target_contains_blank",
        reason="F.ctc_loss takes the blank inside a target without an error and returns a "
               "finite loss (1.39056 for target 1 0 over three frames of log-prob -1)",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="target_label_out_of_range",
        reason="F.ctc_loss (CPU) takes label C without an error and reads past the class axis: "
               "it returned a finite loss (0.52572 once) instead of raising",
        link=CTC,
    ),
    KnownDeviation(concept="ctc_loss", case="grad_none", reason=_GRAD, link=ISSUE_52241),
    KnownDeviation(concept="ctc_loss", case="grad_sum_padded_frames", reason=_GRAD,
                   link=ISSUE_52241),
    KnownDeviation(concept="ctc_loss", case="grad_zero_infinity",
                   reason=_GRAD + "; the zeroed impossible sequence does get gradient 0",
                   link=ISSUE_52241),
)
