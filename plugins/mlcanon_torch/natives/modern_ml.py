"""PyTorch native bindings: modern ML (distillation through F.kl_div, magnitude pruning).

Most of the family (LoRA, mixture-of-experts routing, diffusion schedules, state-space
models) has no op in torch itself: those concepts run the portable implementations.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.utils import prune

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

DOCS = "https://pytorch.org/docs/stable/generated/"
KL_DIV = DOCS + "torch.nn.functional.kl_div.html"

# the canon's reduction -> F.kl_div's: 'mean' over rows is the documented 'batchmean'
_KL_REDUCTION = {"mean": "batchmean", "sum": "sum", None: "none"}


@native("torch.nn.functional.kl_div", only={"reduction": tuple(_KL_REDUCTION)})
def knowledge_distillation(student_logits: torch.Tensor, teacher_logits: torch.Tensor, *,
                           temperature: float = 2.0, reduction: str | None = "mean"
                           ) -> torch.Tensor:
    # the distillation idiom: F.kl_div(log q_student, p_teacher) * T², input first
    t = temperature
    loss = F.kl_div(F.log_softmax(student_logits / t, dim=-1),
                    F.softmax(teacher_logits / t, dim=-1), reduction=_KL_REDUCTION[reduction])
    loss = loss.sum(dim=-1) if reduction is None else loss  # 'none' is per element
    return loss * t**2


@native("torch.nn.utils.prune.L1Unstructured")
def magnitude_pruning(w: torch.Tensor, *, sparsity: float = 0.5) -> dict[str, torch.Tensor]:
    # the mask l1_unstructured(module, name, amount) installs, without a module around w;
    # float(): an integer amount would be a count of weights, not a fraction
    mask = prune.L1Unstructured(amount=float(sparsity)).compute_mask(
        w, default_mask=torch.ones_like(w))
    return {"pruned": w * mask, "mask": mask.bool()}


STUDENT = [[1.0, 0.0], [0.0, 2.0]]
TEACHER = [[0.0, 1.0], [0.0, 0.0]]


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def t(value: Any) -> torch.Tensor:
        return backend.from_numpy(np.asarray(value, dtype=np.float64))

    def kl_div_default_reduction() -> torch.Tensor:
        # softened at the canon's T = 2, with F.kl_div's default reduction and no T² factor
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch warns that 'mean' will become 'batchmean'
            return F.kl_div(F.log_softmax(t(STUDENT) / 2.0, dim=-1),
                            F.softmax(t(TEACHER) / 2.0, dim=-1))

    return [
        DefaultProbe("knowledge_distillation",
                     "F.kl_div's default reduction on softened distributions (no T² factor)?",
                     "F.kl_div(F.log_softmax(s / 2, -1), F.softmax(t / 2, -1))",
                     {"student_logits": STUDENT, "teacher_logits": TEACHER},
                     kl_div_default_reduction),
    ]


PRUNE = DOCS + "torch.nn.utils.prune.l1_unstructured.html"

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="magnitude_pruning", case="ties_at_threshold_lower_index_first",
        reason="L1Unstructured ranks with torch.topk(largest=False), whose tie order is "
               "unspecified: of [3, -1, 1, 2, -1] at amount 0.4 it prunes indices 2 and 4 "
               "(the later tied weights), not 1 and 2; the count (2) is right",
        link=PRUNE,
    ),
    KnownDeviation(
        concept="magnitude_pruning", case="all_equal",
        reason="L1Unstructured breaks ties by torch.topk's unspecified order: four equal "
               "weights at amount 0.5 lose indices 2 and 3, not 0 and 1",
        link=PRUNE,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="masked_class_in_both",
        reason="F.kl_div(log q, p) computes xlogy(p, p) - p * log q: a class with p = q = 0 "
               "(logit -inf in teacher and student) gives 0 * -inf = nan, so the loss is nan "
               "instead of 0.462",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="identical_logits_zero",
        reason="F.kl_div(log q, p) sums xlogy(p, p) - p * log q with p from softmax and log q "
               "from log_softmax, which do not round alike: a student equal to its teacher "
               "gets a loss of -2.5e-16 (float64) and -5.4e-7 (float32), a negative KL, "
               "instead of exactly 0",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="random_sequence_high_temperature",
        dtype="float64",
        reason="at T = 20 the softened distributions are nearly equal and xlogy(p, p) - "
               "p * log q cancels: F.kl_div's row loss is off by 15.3 eps (allowed 15) where "
               "p * (log p - log q) keeps the digits",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="temperature_zero",
        reason="no check of the temperature: logits / 0 give inf and nan, and F.kl_div returns "
               "nan without an error",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="shapes_differ",
        reason="F.kl_div broadcasts the target: (2, 2) student logits against a (1, 2) teacher "
               "give 0.2449 without an error (torch only warns when the sizes differ)",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="reductions_agree",
        reason="F.kl_div(reduction='batchmean') divides by the first axis only, so on (2, 3, 4) "
               "logits the 'mean' is 3 times the mean over the 6 rows",
        link=KL_DIV,
    ),
    KnownDeviation(
        concept="knowledge_distillation", case="mean_over_every_leading_axis",
        reason="F.kl_div(reduction='batchmean') divides the sum by the first axis only: "
               "(2, 2, 2) logits give 3.513, twice the mean over the 4 rows (1.757)",
        link=KL_DIV,
    ),
)
