"""Property checks of vq_vae_quantization (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("nearest_code_chosen")
def nearest_code_chosen(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """z_q is the chosen code row, and no code is closer to z than it (up to rounding)."""
    z, codebook = inputs["z"].astype(np.float64), inputs["codebook"].astype(np.float64)
    out = run(inputs, params)
    index = np.asarray(out["index"]).astype(np.int64)
    if not np.array_equal(np.asarray(out["z_q"], dtype=np.float64), codebook[index]):
        msg = "z_q is not the codebook row named by index"
        raise CheckFailed(msg)
    distances = ((z[..., None, :] - codebook) ** 2).sum(axis=-1)
    chosen = np.take_along_axis(distances, index[..., None], axis=-1)[..., 0]
    slack = bound.k * bound.eps * distances.max()
    if np.any(chosen > distances.min(axis=-1) + slack):
        msg = "a vector was assigned to a code that is not its nearest"
        raise CheckFailed(msg)
