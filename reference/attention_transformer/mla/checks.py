"""Property checks of mla (named by the spec's cases)."""

from __future__ import annotations

from typing import Any

import numpy as np

from mlcanon.checks import CheckFailed, assert_close, property_check


@property_check("mla_cache_is_latent")
def mla_cache_is_latent(run: Any, inputs: dict[str, np.ndarray], params: dict[str, Any],
                        dtype: str, bound: Any, *, heads: int, d_head: int, d_c: int,
                        d_rope: int, reduction_pct: float, book_pct: float) -> None:
    """The cache is [h·W_DKVᵀ, k_R]: d_c + d_r numbers per token, and nothing else.

    The check first holds the spec's arithmetic for the quoted configuration to the exact
    value (the book's rounded figure is recorded beside it), then the backend's cache.
    """
    exact = 100.0 * (1.0 - (d_c + d_rope) / (2.0 * heads * d_head))
    if exact != reduction_pct:
        msg = (f"the spec's reduction {reduction_pct!r}% is not "
               f"1 - (d_c + d_r)/(2 H d_h) = {exact!r}%")
        raise CheckFailed(msg)
    if abs(book_pct - exact) <= 0.5:
        msg = f"the book's {book_pct}% now agrees with {exact}%: drop the erratum note"
        raise CheckFailed(msg)
    cache = run(inputs, params)["cache"]
    latent_width = inputs["w_dkv"].shape[0]
    rope_width = inputs["w_kr"].shape[0] if "w_kr" in inputs else 0
    wanted = (*inputs["h"].shape[:-1], latent_width + rope_width)
    if cache.shape != wanted:
        msg = f"cache shape {cache.shape}; MLA keeps d_c + d_r numbers per token: {wanted}"
        raise CheckFailed(msg)
    latent = inputs["h"].astype(np.float64) @ inputs["w_dkv"].astype(np.float64).T
    assert_close(cache[..., :latent_width], latent, bound, "the cached latent against h·W_DKVᵀ")
