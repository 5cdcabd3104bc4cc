"""JAX native bindings: attention scores and positions (Luong attention through
jax.nn.dot_product_attention, learned positions through jnp.take)."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from mlcanon import Backend, DefaultProbe, KnownDeviation, native


# Luong's 'dot' and 'general' scores are dot-product attention with one query and scale 1;
# the op wants (batch, length, heads, features) and a (batch, heads, 1, T) mask
@native("jax.nn.dot_product_attention")
def luong_attention(s: jnp.ndarray, h: jnp.ndarray, w: jnp.ndarray | None = None,
                    mask: jnp.ndarray | None = None, *, score: str = "dot") -> jnp.ndarray:
    query = s if score == "dot" else s @ w
    batch = jnp.broadcast_shapes(query.shape[:-1], h.shape[:-2],
                                 () if mask is None else mask.shape[:-1])
    t_len, d = h.shape[-2], query.shape[-1]
    q = jnp.broadcast_to(query, (*batch, d)).reshape(-1, 1, 1, d)
    keys = jnp.broadcast_to(h, (*batch, t_len, h.shape[-1])).reshape(-1, t_len, 1, h.shape[-1])
    if mask is not None:
        mask = jnp.broadcast_to(mask, (*batch, t_len)).reshape(-1, 1, 1, t_len)
    out = jax.nn.dot_product_attention(q, keys, keys, mask=mask, scale=1.0)
    return out.reshape(*batch, h.shape[-1])


# jnp.take is how JAX (and flax's nn.Embed) looks rows up; cropping is the generation loop's
@native("jax.numpy.take", only={"max_len": (None,)})
def learned_positional_embedding(tok: jnp.ndarray, pos: jnp.ndarray, ids: jnp.ndarray, *,
                                 max_len: int | None = None) -> jnp.ndarray:
    positions = jnp.arange(ids.shape[-1])
    return jnp.take(tok, ids, axis=0) + jnp.take(pos, positions, axis=0)


LONG_PROBE = {"tok": [[0.5, -1.0], [2.0, 0.25], [-1.5, 3.0]],
              "pos": [[0.125, 0.5], [1.0, -0.25]], "ids": [2, 0, 1]}


def default_probes(backend: Backend) -> list[DefaultProbe]:
    def a(name: str) -> Any:
        return backend.from_numpy(np.asarray(LONG_PROBE[name]))

    def take_past_the_table() -> jnp.ndarray:
        positions = jnp.arange(len(LONG_PROBE["ids"]))
        return jnp.take(a("tok"), a("ids"), axis=0) + jnp.take(a("pos"), positions, axis=0)

    return [
        DefaultProbe("learned_positional_embedding",
                     "3 tokens with a table of 2 positions (jnp.take's default mode)?",
                     "jnp.take(tok, ids, axis=0) + jnp.take(pos, jnp.arange(3), axis=0)",
                     LONG_PROBE, take_past_the_table),
    ]


_ATTENTION = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.dot_product_attention.html"
_FLOAT32_SOFTMAX = ("jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                    "inputs: float64 contexts carry float32 rounding (~1e-8 relative, 6e7 eps)")


def _cases(concept: str, cases: tuple[str, ...], reason: str, link: str = _ATTENTION,
           dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, reason=reason,
                                link=link) for case in cases)


_TAKE = "https://docs.jax.dev/en/latest/_autosummary/jax.numpy.take.html"

KNOWN_DEVIATIONS = (
    *_cases("learned_positional_embedding", ("sequence_longer_than_table",),
            reason="jnp.take fills the row of a position past the table with NaN: 5 tokens "
                   "over 4 positions return a last row [nan, nan] instead of an error",
            link=_TAKE),
    *_cases("learned_positional_embedding", ("token_id_out_of_range",),
            reason="jnp.take fills the row of token id 3 in a vocabulary of 3 with NaN "
                   "instead of raising", link=_TAKE),
    *_cases("learned_positional_embedding", ("negative_token_id",),
            reason="jnp.take wraps token id -1 to the last row of the vocabulary (Python "
                   "indexing) instead of raising", link=_TAKE),
    *_cases("learned_positional_embedding", ("tables_of_different_width",),
            reason="rows of width 2 and 1 broadcast in the sum: a (max_len, 1) position table "
                   "passes silently and gives a (2, 2) result", link=_TAKE),
    *_cases("luong_attention",
            ("dot_unscaled", "general_bilinear", "large_scores_need_the_shift",
             "mask_hides_the_top_score", "scores_tie", "batch_of_states_shared_encoder",
             "random_dot_batch", "random_general_masked", "grad_dot", "grad_general_masked"),
            reason=_FLOAT32_SOFTMAX, dtype="float64"),
    *_cases("luong_attention", ("mask_excludes_everything",),
            reason="jax.nn.dot_product_attention masks with a large finite negative, so a "
                   "decoder state that may attend to no encoder state gets the plain mean of "
                   "the states ([1, 1] where the canon has [0, 0])"),
    *_cases("luong_attention", ("grad_dot",),
            reason="the VJP of jax.nn.dot_product_attention in float32 is off by up to 203 eps "
                   "units (2.3e-6 absolute on a gradient entry of 0.0064) against the 128 "
                   "allowed; torch's SDPA stays inside",
            dtype="float32"),
)
