"""Property checks of attention_sinks_streaming (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import assert_close, property_check


def _kept(i: int, num_sinks: int, window: int) -> np.ndarray:
    """Stream positions in the cache right after token i was appended, oldest first."""
    return np.array(sorted(set(range(min(num_sinks, i + 1))) |
                           set(range(max(0, i - window + 1), i + 1))))


@property_check("streaming_cache_equivalence")
def streaming_cache_equivalence(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                                dtype: str, bound: Any) -> None:
    """The last query over the whole stream equals the last query over its evicted cache.

    Decoding token by token keeps only the sinks and the recent window; handing the
    function just those tokens must give the same last row as the masked full run.
    """
    num_sinks, window = params.get("num_sinks", 4), params.get("window", 1020)
    full = run(inputs, params)["y"].astype(np.float64)
    last = inputs["q"].shape[-2] - 1
    cache = _kept(last, num_sinks, window)
    short = {name: np.take(inputs[name], cache, axis=-2) for name in ("q", "k", "v")}
    y = run(short, params)["y"]
    assert_close(y[..., -1, :], full[..., -1, :], bound,
                 f"the last query over the cache {cache.tolist()} versus over the whole stream")


@property_check("evicted_keys_do_not_matter")
def evicted_keys_do_not_matter(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                               dtype: str, bound: Any) -> None:
    """Rewriting the keys and values the last query no longer caches leaves its row alone."""
    num_sinks, window = params.get("num_sinks", 4), params.get("window", 1020)
    last = inputs["q"].shape[-2] - 1
    evicted = np.setdiff1d(np.arange(last + 1), _kept(last, num_sinks, window))
    before = run(inputs, params)["y"].astype(np.float64)
    changed = {**inputs}
    for name in ("k", "v"):
        value = inputs[name].copy()
        value[..., evicted, :] = 8.0  # large scores and values, were they still attended
        changed[name] = value
    after = run(changed, params)["y"]
    assert_close(after[..., -1, :], before[..., -1, :], bound,
                 f"the last query after rewriting the evicted keys {evicted.tolist()}")
