"""Property checks of kv_cache (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("decode_matches_prefill")
def decode_matches_prefill(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                           dtype: str, bound: Any) -> None:
    """Feeding the new tokens one at a time, each step reusing the cache the last one
    returned, gives the same outputs and the same final cache as one chunked step."""
    whole = run(inputs, params)
    k_cache, v_cache = inputs["k_cache"], inputs["v_cache"]
    rows = []
    for t in range(inputs["q"].shape[-2]):
        step = {"q": inputs["q"][..., t:t + 1, :], "k": inputs["k"][..., t:t + 1, :],
                "v": inputs["v"][..., t:t + 1, :], "k_cache": k_cache, "v_cache": v_cache}
        out = run(step, params)
        rows.append(out["y"].astype(np.float64))
        k_cache = out["k_all"].astype(np.float64)
        v_cache = out["v_all"].astype(np.float64)
    assert_close(np.concatenate(rows, axis=-2), whole["y"].astype(np.float64), bound,
                 "token-by-token decoding against one chunked step")
    assert_close(k_cache, whole["k_all"].astype(np.float64), bound, "the final key cache")
