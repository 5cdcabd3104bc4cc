"""Property checks of ctc_loss (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("ctc_frame_shift")
def ctc_frame_shift(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                    dtype: str, bound: Any, *, shift: float) -> None:
    """Every labelling takes exactly one log-prob per used frame, so adding ``shift`` to all
    classes of frame 0 lowers each per-sequence loss by exactly ``shift`` (log-probs are
    used as given, not renormalized). Needs every input length >= 1."""
    none = {**params, "reduction": None}
    base = run(inputs, none)["loss"].astype(np.float64)
    moved = inputs["log_probs"].copy()
    moved[:, 0, :] += shift  # shift is a multiple of 1/4: exact on the [-4, 0] grid
    after = run({**inputs, "log_probs": moved}, none)["loss"]
    assert_close(after, base - shift, bound, f"after adding {shift} to frame 0")


@property_check("ctc_class_relabeling")
def ctc_class_relabeling(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                         dtype: str, bound: Any, *, seed: int = 0) -> None:
    """Renaming the non-blank classes (moving their log-prob columns and mapping the target
    labels alike) leaves every loss unchanged: CTC only compares labels for equality."""
    none = {**params, "reduction": None}
    blank = int(params.get("blank", 0))
    base = run(inputs, none)["loss"].astype(np.float64)
    classes = inputs["log_probs"].shape[-1]
    others = [c for c in range(classes) if c != blank]
    rng = np.random.default_rng(seed)
    rename = np.arange(classes)
    rename[others] = rng.permutation(others)  # old class c becomes rename[c]
    log_probs = np.empty_like(inputs["log_probs"])
    log_probs[..., rename] = inputs["log_probs"]
    moved = {**inputs, "log_probs": log_probs, "targets": rename[inputs["targets"]]}
    after = run(moved, none)["loss"]
    assert_close(after, base, bound, f"after renaming the classes by {rename.tolist()}")
