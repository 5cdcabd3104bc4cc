"""JAX native bindings: sequence and language-model losses (optax), reduced as optax users do."""

from __future__ import annotations

from typing import Any

import jax.numpy as jnp
import numpy as np
import optax

from mlcanon import Backend, DefaultProbe, KnownDeviation, native

OPTAX = "https://optax.readthedocs.io/en/latest/api/losses.html"
CTC = OPTAX + "#optax.losses.ctc_loss"


def _keep(loss: jnp.ndarray) -> jnp.ndarray:
    return loss


# optax returns per-sequence losses, reduced the way optax users do; None is the spec's "none"
_REDUCTIONS = {"mean": jnp.mean, "sum": jnp.sum, None: _keep}


def _paddings(lengths: jnp.ndarray, size: int, dtype: Any) -> jnp.ndarray:
    """optax's 0/1 padding masks (1 = padded) from the canon's lengths."""
    return (jnp.arange(size)[None, :] >= lengths[:, None]).astype(dtype)


@native("optax.ctc_loss", only={"reduction": tuple(_REDUCTIONS), "zero_infinity": False})
def ctc_loss(log_probs: jnp.ndarray, targets: jnp.ndarray, input_lengths: jnp.ndarray,
             target_lengths: jnp.ndarray, *, blank: int = 0, reduction: str | None = "mean",
             zero_infinity: bool = False) -> jnp.ndarray:
    loss = optax.ctc_loss(log_probs, _paddings(input_lengths, log_probs.shape[1], log_probs.dtype),
                          targets, _paddings(target_lengths, targets.shape[1], log_probs.dtype),
                          blank_id=blank)
    return _REDUCTIONS[reduction](loss)


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(value: Any, dtype: Any = np.float64) -> jnp.ndarray:
        return backend.from_numpy(np.asarray(value, dtype=dtype))

    # one sequence of 2 frames that cannot spell the repeat 1 1 (the canon's loss is +inf)
    log_probs, targets = [[[-1.0, -1.0, -1.0], [-1.0, -1.0, -1.0]]], [[1, 1]]
    inputs = {"log_probs": log_probs, "targets": targets, "input_lengths": [2],
              "target_lengths": [2]}
    return [
        DefaultProbe("ctc_loss", "a target that no alignment fits?",
                     "optax.ctc_loss(logits, logit_paddings, labels, label_paddings)", inputs,
                     lambda: optax.ctc_loss(a(log_probs), a([[0.0, 0.0]]), a(targets, np.int64),
                                            a([[0.0, 0.0]]))),
    ]


_NORMALIZES = ("optax.ctc_loss takes logits and applies log_softmax to every frame, so "
               "log-probs that are not normalized give another loss")
_PROMOTES = ("optax.ctc_loss returns float64 for float32 input when jax_enable_x64 is on (its "
             "alpha tables start from jnp.ones(...) * log_epsilon in the default dtype)")
_NO_ERROR = "optax.ctc_loss does not validate its labels or paddings: "
#: every ctc_loss case that reaches optax in float32 and compares a value
_FLOAT32_CASES = (
    "forced_alignment_one_hot", "too_short_for_repeat", "empty_target", "padded_frames_ignored",
    "log_space_underflow", "masked_classes", "zero_input_length", "random_full_length_none",
    "random_lengths_sum", "random_blank_last_mean", "grad_none", "grad_sum_padded_frames",
    "frame_shift", "class_relabeling",
)

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *(KnownDeviation(concept="ctc_loss", case=case, dtype="float32", reason=_PROMOTES,
                     link=CTC) for case in _FLOAT32_CASES),
    KnownDeviation(
        concept="ctc_loss", case="forced_alignment_one_hot",
        reason="optax.ctc_loss returns nan when a frame holds a -inf log-prob: its one-hot "
               "einsum multiplies -inf by 0",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="masked_classes",
        reason="optax.ctc_loss returns nan when a frame holds a -inf log-prob (a masked class): "
               "its one-hot einsum multiplies -inf by 0",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="too_short_for_repeat",
        reason="optax.ctc_loss returns 1e5 (-log_epsilon) instead of +inf when no alignment "
               "fits the target",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="zero_input_length",
        reason="optax.ctc_loss returns -0.0 and 99999.3 for input length 0 (targets of "
               "length 0 and 1) instead of +0.0 and +inf",
        link=CTC,
    ),
    *(KnownDeviation(concept="ctc_loss", case=case, dtype="float64", reason=_NORMALIZES,
                     link=CTC)
      for case in ("empty_target", "padded_frames_ignored", "log_space_underflow",
                   "random_full_length_none", "random_lengths_sum", "random_blank_last_mean",
                   "frame_shift")),
    *(KnownDeviation(concept="ctc_loss", case=case, dtype="float64", link=CTC,
                     reason="the gradient of optax.ctc_loss goes through its log_softmax: "
                            "softmax(log_probs) - occupancy instead of -occupancy")
      for case in ("grad_none", "grad_sum_padded_frames")),
    KnownDeviation(
        concept="ctc_loss", case="target_contains_blank",
        reason=_NO_ERROR + "a blank inside the target gives a finite loss (1.68640)",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="target_label_out_of_range",
        reason=_NO_ERROR + "label C one-hot encodes to zeros (log-prob 0, probability 1) and "
               "gives a finite loss (0.25131)",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="input_length_past_frames",
        reason=_NO_ERROR + "input length T + 1 gives a finite loss (1.09861)",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="input_length_negative",
        reason=_NO_ERROR + "input length -1 gives a loss of -0.0",
        link=CTC,
    ),
    KnownDeviation(
        concept="ctc_loss", case="target_length_past_padding",
        reason=_NO_ERROR + "target length S + 1 gives a finite loss (1.68640)",
        link=CTC,
    ),
)
