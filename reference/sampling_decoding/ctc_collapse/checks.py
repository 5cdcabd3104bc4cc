"""Property checks of ctc_collapse (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, property_check


@property_check("ctc_frame_rate_free")
def ctc_frame_rate_free(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any) -> None:
    """Holding every frame twice (a slower frame rate) decodes to the same tokens, and no
    token of the output is the blank."""
    path = np.asarray(inputs["path"])
    once = np.asarray(run(inputs, params)["tokens"])
    twice = np.asarray(run({**inputs, "path": np.repeat(path, 2)}, params)["tokens"])
    if not np.array_equal(once, twice):
        raise CheckFailed(f"doubling each frame changed the tokens: {once} -> {twice}")
    if np.any(once == params.get("blank", 0)):
        raise CheckFailed(f"the blank survived in {once}")
