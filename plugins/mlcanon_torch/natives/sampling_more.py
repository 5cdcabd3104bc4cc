"""PyTorch native bindings: classifier-free guidance as torch.lerp.

torch.lerp(start, end, weight) = start + weight * (end - start) is the
uncond + s * (cond - uncond) form of guidance with s = 1 + w; autoregressive
generation, speculative decoding and Jacobi decoding have no torch op.
"""

from __future__ import annotations

import torch

from mlcanon import KnownDeviation, native


@native("torch.lerp")
def classifier_free_guidance(cond: torch.Tensor, uncond: torch.Tensor, *,
                             w: float = 1.0) -> torch.Tensor:
    return torch.lerp(uncond, cond, 1.0 + w)


_LERP = "https://pytorch.org/docs/stable/generated/torch.lerp.html"

KNOWN_DEVIATIONS = (
    KnownDeviation(
        concept="classifier_free_guidance", case="weight_zero_is_cond",
        reason="torch.lerp(uncond, cond, 1.0) evaluates cond - (cond - uncond) * 0, and with "
               "uncond = -inf that is cond - inf * 0 = NaN instead of cond: w = 0 (guidance "
               "scale 1) does not return the conditional logits where uncond is masked",
        link=_LERP),
    KnownDeviation(
        concept="classifier_free_guidance", case="weight_minus_one_is_uncond",
        reason="torch.lerp(uncond, cond, 0.0) evaluates uncond + 0 * (cond - uncond), NaN "
               "where cond = -inf, instead of uncond",
        link=_LERP),
    KnownDeviation(
        concept="classifier_free_guidance", case="masked_in_uncond_negative_weight",
        reason="torch.lerp with weight s = 1 + w < 0.5 evaluates uncond + s * (cond - uncond): "
               "a token masked in uncond gives -inf + inf = NaN instead of -inf (for s >= 0.5 "
               "it uses the other form and gets the limit right)",
        link=_LERP),
    KnownDeviation(
        concept="classifier_free_guidance", case="weight_not_finite",
        reason="torch.lerp accepts weight = inf without an error and returns +-inf logits",
        link=_LERP),
)
