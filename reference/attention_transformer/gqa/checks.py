"""Property checks of gqa (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


@property_check("gqa_equals_repeated_heads")
def gqa_equals_repeated_heads(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                              dtype: str, bound: Any, *, output: str = "y") -> None:
    """Grouped attention equals plain multi-head attention with each kv head repeated
    group times in place (head order g, g, ..., g+1, ...): the same concept, Hkv = Hq."""
    hq, hkv = inputs["q"].shape[-3], inputs["k"].shape[-3]
    grouped = run(inputs, params)[output]
    repeated = {**inputs, "k": np.repeat(inputs["k"], hq // hkv, axis=-3),
                "v": np.repeat(inputs["v"], hq // hkv, axis=-3)}
    plain = run(repeated, params)[output]
    assert_close(grouped, plain.astype(np.float64), bound,
                 f"grouped ({hkv} kv heads) versus the kv heads repeated to {hq}")
