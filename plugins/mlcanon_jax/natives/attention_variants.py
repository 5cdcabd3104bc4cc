"""JAX native bindings: attention variants through jax.nn.dot_product_attention (document
packing and attention sinks as its boolean mask, permutation of its inputs)."""

from __future__ import annotations

import jax
import jax.numpy as jnp

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


def _one_head(a: jnp.ndarray, batch: tuple[int, ...]) -> jnp.ndarray:
    """(..., L, f) broadcast to batch, as the op's (B, L, 1, f)."""
    a = jnp.broadcast_to(a, (*batch, *a.shape[-2:]))
    return a.reshape(-1, *a.shape[-2:])[:, :, None, :]


@native("jax.nn.dot_product_attention")
def document_mask_packing(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray, doc_ids: jnp.ndarray,
                          *, is_causal: bool = True, scale: float | None = None) -> jnp.ndarray:
    batch = jnp.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2], doc_ids.shape[:-1])
    lq = q.shape[-2]
    ids = jnp.broadcast_to(doc_ids, (*batch, doc_ids.shape[-1])).reshape(-1, doc_ids.shape[-1])
    # the op has no segment ids: the document mask is its (B, 1, Lq, Lk) boolean mask
    same = (ids[:, :, None] == ids[:, None, :])[:, None, :, :]
    out = jax.nn.dot_product_attention(_one_head(q, batch), _one_head(k, batch),
                                       _one_head(v, batch), mask=same, scale=scale,
                                       is_causal=is_causal)
    return out[:, :, 0, :].reshape(*batch, lq, v.shape[-1])


@native("jax.nn.dot_product_attention", only={"permute": ("all", "queries", "keys")})
def attention_permutation_equivariance(q: jnp.ndarray, k: jnp.ndarray, v: jnp.ndarray,
                                       perm: jnp.ndarray | None = None, *, permute: str = "all",
                                       scale: float | None = None) -> jnp.ndarray:
    n = k.shape[-2] if permute == "keys" else q.shape[-2]
    order = jnp.arange(n - 1, -1, -1) if perm is None else perm
    if permute != "keys":
        q = jnp.take(q, order, axis=-2)
    if permute != "queries":
        k, v = jnp.take(k, order, axis=-2), jnp.take(v, order, axis=-2)
    batch = jnp.broadcast_shapes(q.shape[:-2], k.shape[:-2], v.shape[:-2])
    out = jax.nn.dot_product_attention(_one_head(q, batch), _one_head(k, batch),
                                       _one_head(v, batch), scale=scale)
    return out[:, :, 0, :].reshape(*batch, q.shape[-2], v.shape[-1])


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def cost_analysis_flops() -> jnp.ndarray:
        shape = jax.ShapeDtypeStruct((1, 1024, 1, 64), jnp.float32)
        attend = jax.jit(lambda q, k, v: jax.nn.dot_product_attention(q, k, v, is_causal=True))
        cost = attend.lower(shape, shape, shape).compile().cost_analysis()
        return jnp.asarray(cost["flops"])

    return [
        DefaultProbe("attention_complexity",
                     "FLOPs XLA's cost analysis reports for causal dot_product_attention, "
                     "n = 1024, d = 64",
                     "jax.jit(jax.nn.dot_product_attention).lower(...).compile()"
                     ".cost_analysis()['flops']",
                     {"n": 1024, "d": 64}, cost_analysis_flops, output="attention_ops"),
    ]


_ATTENTION = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.dot_product_attention.html"
_FLOAT32_SOFTMAX = ("jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                    "inputs: float64 results carry float32 rounding (~1e-8 relative)")


def _cases(concept: str, cases: tuple[str, ...], reason: str, link: str = _ATTENTION,
           dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, reason=reason,
                                link=link) for case in cases)


KNOWN_DEVIATIONS = (
    *_cases("document_mask_packing",
            ("three_documents_causal_weights", "three_documents_bidirectional_blocks",
             "document_comes_back", "padding_id_is_ordinary", "random_packed_heads",
             "random_bidirectional_scaled", "grad_causal_documents",
             "grad_bidirectional_interleaved"),
            reason=_FLOAT32_SOFTMAX, dtype="float64"),
    *_cases("document_mask_packing", ("one_document_is_causal_attention",),
            reason="jax.nn.dot_product_attention needs values of the query/key head size: "
                   "dv = 4 != d = 2 raises ValueError 'value shape should be [1, 4, 1, 2]'"),
    *_cases("attention_permutation_equivariance",
            ("all_rows_follow_the_permutation", "queries_only", "keys_with_values_change_nothing",
             "identity_permutation_defaults", "default_perm_reverses", "large_scores_keys_moved",
             "large_scores_queries_swapped", "random_heads_all", "random_keys_scaled", "grad_all",
             "grad_keys", "equivariant_under_random_permutations",
             "key_order_invariant_under_random_permutations"),
            reason=_FLOAT32_SOFTMAX, dtype="float64"),
    *_cases("attention_permutation_equivariance", ("index_out_of_range",),
            reason="jnp.take defaults to mode='fill': perm [0, 1, 3] on 3 tokens reads index 3 as "
                   "NaN, so every output row is NaN instead of an error",
            link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.take.html"),
    *_cases("attention_permutation_equivariance", ("repeated_index",),
            reason="jnp.take gathers any index vector: perm [0, 0, 1] repeats token 0 and the op "
                   "returns attention over the duplicated rows instead of an error",
            link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.take.html"),
    *_cases("attention_permutation_equivariance", ("permutation_too_short",),
            reason="jnp.take gathers any index vector: perm [1, 0] of a 3-token sequence silently "
                   "drops token 2 and returns two rows",
            link="https://docs.jax.dev/en/latest/_autosummary/jax.numpy.take.html"),
)
