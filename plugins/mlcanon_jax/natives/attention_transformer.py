"""JAX native bindings: attention (jax.nn.dot_product_attention)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


@native("jax.nn.softmax")
def causal_mask(scores: jnp.ndarray, *, diagonal: int = 1) -> jnp.ndarray:
    lq, lk = scores.shape[-2:]
    visible = jnp.tril(jnp.ones((lq, lk), dtype=bool), diagonal - 1)
    return jax.nn.softmax(scores, axis=-1, where=visible)


@native("jax.nn.dot_product_attention")
def scaled_dot_product_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                 mask: jnp.ndarray | None = None, *, is_causal: bool = False,
                                 scale: float | None = None) -> jnp.ndarray:
    # The op wants (batch, length, heads, features) and a (batch, heads, Lq, Lk) mask: the
    # canon's leading axes become its one batch axis, and a single head axis is inserted.
    batch, lq, lk = q.shape[:-2], q.shape[-2], k.shape[-2]
    if mask is not None:
        mask = jnp.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, 1, lq, lk)
    out = jax.nn.dot_product_attention(_one_head(q), _one_head(k), _one_head(v), mask=mask,
                                       scale=scale, is_causal=is_causal)
    return out[:, :, 0, :].reshape(*batch, lq, v.shape[-1])


@native("jax.nn.dot_product_attention")
def gqa(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray, mask: jnp.ndarray | None = None, *,
        is_causal: bool = False, scale: float | None = None) -> jnp.ndarray:
    # canon (..., H, L, d) -> the op's (batch, L, H, d); the op groups query heads itself
    batch, (hq, lq), lk = q.shape[:-3], q.shape[-3:-1], k.shape[-2]
    if mask is not None:
        mask = jnp.broadcast_to(mask, (*batch, hq, lq, lk)).reshape(-1, hq, lq, lk)
    out = jax.nn.dot_product_attention(_heads_last(q), _heads_last(k), _heads_last(v),
                                       mask=mask, scale=scale, is_causal=is_causal)
    return jnp.swapaxes(out, 1, 2).reshape(*batch, hq, lq, v.shape[-1])


@native("jax.nn.dot_product_attention")
def sliding_window_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray, *,
                             window: int = 4096, scale: float | None = None) -> jnp.ndarray:
    # local_window_size=(left, right) counts the keys besides the query's own
    batch, lq = jnp.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2]), q.shape[-2]
    q, k, v = (jnp.broadcast_to(a, (*batch, *a.shape[-2:])) for a in (q, k, v))
    out = jax.nn.dot_product_attention(_one_head(q), _one_head(k), _one_head(v), scale=scale,
                                       is_causal=True, local_window_size=(window - 1, 0))
    return out[:, :, 0, :].reshape(*batch, lq, v.shape[-1])


# the op computes the same y and log-sum-exp whatever the block size (its kernel picks its own)
@native("jax.nn.dot_product_attention")
def online_softmax_flash_attention(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                   mask: jnp.ndarray | None = None, *, block_size: int = 64,
                                   is_causal: bool = False, scale: float | None = None
                                   ) -> tuple[jnp.ndarray, jnp.ndarray]:
    batch = jnp.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    lq, lk = q.shape[-2], k.shape[-2]
    q, k, v = (jnp.broadcast_to(a, (*batch, *a.shape[-2:])) for a in (q, k, v))
    if mask is not None:
        mask = jnp.broadcast_to(mask, (*batch, lq, lk)).reshape(-1, 1, lq, lk)
    out, lse = jax.nn.dot_product_attention(_one_head(q), _one_head(k), _one_head(v),
                                            mask=mask, scale=scale, is_causal=is_causal,
                                            return_residual=True)
    return out[:, :, 0, :].reshape(*batch, lq, v.shape[-1]), lse[:, :, 0].reshape(*batch, lq)


def _heads_last(a: jnp.ndarray) -> jnp.ndarray:
    return jnp.swapaxes(a.reshape(-1, *a.shape[-3:]), 1, 2)


def _one_head(a: jnp.ndarray) -> jnp.ndarray:
    return a.reshape(-1, *a.shape[-2:])[:, :, None, :]


DECODE_PROBE = {"q": [[1.0, 0.5]], "k": [[0.0, 1.0]], "v": [[4.0, -1.0]],
                "k_cache": [[1.0, -0.5], [0.5, 1.0]], "v_cache": [[1.0, 2.0], [-3.0, 0.5]]}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def decode_with_is_causal() -> jnp.ndarray:
        keys = jnp.asarray(DECODE_PROBE["k_cache"] + DECODE_PROBE["k"])
        values = jnp.asarray(DECODE_PROBE["v_cache"] + DECODE_PROBE["v"])
        out = jax.nn.dot_product_attention(jnp.asarray(DECODE_PROBE["q"])[None, :, None, :],
                                           keys[None, :, None, :], values[None, :, None, :],
                                           is_causal=True)
        return out[0, :, 0, :]

    return [
        DefaultProbe("kv_cache", "one decoded token after 2 cached ones with is_causal=True?",
                     "jax.nn.dot_product_attention(q, K, V, is_causal=True)", DECODE_PROBE,
                     decode_with_is_causal, output="y"),
    ]


_ATTENTION = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.dot_product_attention.html"


def _cases(concept: str, cases: tuple[str, ...], reason: str, link: str = _ATTENTION,
           dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, reason=reason,
                                link=link) for case in cases)


KNOWN_DEVIATIONS = (
    *_cases("gqa",
            ("grouping_order_repeat_interleave", "multi_query_causal",
             "large_scores_shared_keys", "group_size_one_is_multi_head",
             "random_batched_groups", "random_causal_mqa", "random_mask_per_head",
             "grad_shared_kv", "grad_causal_mqa", "keys_permuted_with_values"),
            reason="jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                   "inputs: float64 results carry float32 rounding (~1e-8 relative)",
            dtype="float64"),
    *_cases("gqa", ("per_head_mask_with_empty_row",),
            reason="jax.nn.dot_product_attention masks with a large finite negative, so a query "
                   "that may attend to no key gets the uniform average of the values ([2, 0.5] "
                   "where the canon has [0, 0])"),
    *_cases("sliding_window_attention",
            ("large_scores_in_window", "random_heads_window_3", "random_window_2_scaled",
             "grad_window_2", "grad_batched_window_3"),
            reason="jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                   "inputs: float64 results carry float32 rounding (~1e-8 relative)",
            dtype="float64"),
    *_cases("sliding_window_attention",
            ("window_2_weights", "window_one_short_of_length", "window_equal_length_is_causal",
             "default_window_4096"),
            reason="jax.nn.dot_product_attention needs values of the query/key head size: "
                   "dv = 5 != d = 2 raises ValueError 'value shape should be [1, 5, 1, 2]'"),
    *_cases("sliding_window_attention", ("window_zero",),
            reason="jax.nn.dot_product_attention accepts local_window_size=(-1, 0) (window 0): "
                   "every query sees no key and gets the uniform average of the values instead "
                   "of an error"),
    *_cases("online_softmax_flash_attention",
            ("blocks_of_two_last_short", "default_block_holds_everything",
             "causal_one_key_per_step", "max_grows_by_1000", "max_first_then_small",
             "random_blocks_of_three", "random_causal_masked"),
            reason="jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                   "inputs: float64 y and log-sum-exp carry float32 rounding (~1e-8 relative)",
            dtype="float64"),
    *_cases("online_softmax_flash_attention", ("first_block_fully_masked",),
            reason="jax.nn.dot_product_attention masks with a large finite negative: a query "
                   "with no allowed key gets the average of the values (y = [0.1, ...] where "
                   "the canon has 0) and a log-sum-exp of -2.38e38 instead of -inf"),
    *_cases("online_softmax_flash_attention", ("block_size_zero",),
            reason="jax.nn.dot_product_attention picks its own blocking and has no block size "
                   "to reject: block_size = 0 computes the ordinary result"),
)
