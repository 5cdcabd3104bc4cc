"""Property checks of selective_scan (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _tiny(dtype: str) -> float:
    """A floor for results near the subnormal range, which JAX flushes to zero."""
    return 64 * float(np.finfo(np.dtype(dtype)).tiny)


@property_check("scan_splits")
def scan_splits(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                dtype: str, bound: Any) -> None:
    """The scan is a fold: running the first half, then the second half from the last state
    as h0, gives the full scan (what chunked and parallel implementations rely on)."""
    full = run(inputs, params)["h"].astype(np.float64)
    cut = inputs["b"].shape[-1] // 2
    first = {k: v[..., :cut] for k, v in inputs.items()}
    second = {k: v[..., cut:] for k, v in inputs.items()}
    head = run(first, params)["h"].astype(np.float64)
    tail = run(second, {**params, "h0": float(head[-1])})["h"]
    scale = np.max(np.abs(full), initial=1.0)
    floor = bound.printed_atol + _tiny(dtype)
    loose = type(bound)(bound.eps, bound.k, floor + bound.k * bound.eps * scale)
    assert_close(np.concatenate([head, np.asarray(tail, dtype=np.float64)]), full, loose,
                 "the scan split in two halves")
