"""Where the JAX backends knowingly depart from the canon (strict: see mlcanon.KnownDeviation).

Each reason states what the native op does, as measured with jax 0.10 and optax 0.2.8.
"""

from mlcanon import KnownDeviation

_JAX_OUT_OF_BOUNDS = ("https://docs.jax.dev/en/latest/notebooks/Common_Gotchas_in_JAX.html"
                      "#out-of-bounds-indexing")
_ATTENTION = "https://docs.jax.dev/en/latest/_autosummary/jax.nn.dot_product_attention.html"
_NORM_OVERFLOW = "https://github.com/numpy/numpy/issues/8775"


def _cases(concept: str, cases: tuple[str, ...], reason: str, link: str = "",
           dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, reason=reason,
                                link=link) for case in cases)


KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="sigmoid", case="float16_tail", dtype="float16",
        reason="jax.nn.sigmoid (lax.logistic) on CPU computes 1/(1 + exp(-x)) in float16: "
               "exp(-x) overflows for x < -11.09, so sigma(-12) is 0.0 instead of 6.1e-6",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.sigmoid.html",
    ),
    KnownDeviation(
        concept="gelu", case="bad_approximate",
        reason="jax.nn.gelu takes approximate as a bool, so there is no form name to reject: "
               "approximate='erf' does not raise, it becomes approximate=False (exact form)",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.gelu.html",
    ),
    # jax.nn.standardize computes (x - mean) * rsqrt(var + eps): eps inside the square
    # root, where the canon adds it to the std. With eps = 1e-12 and var ~ 1 that moves
    # float64 results by ~5e-13 relative (1e3 eps units); float32 cannot see it.
    *_cases("standardize",
            ("population_std_by_default", "constant_column_eps_gives_zero", "rows_with_axis_1",
             "large_offset_two_pass_variance", "random_columns", "grad_columns"),
            reason="jax.nn.standardize puts epsilon inside the square root, "
                   "(x - mean) / sqrt(var + eps), the canon outside, (x - mean) / (std + eps): "
                   "with eps = 1e-12 float64 results differ by ~5e-13 relative "
                   "(-1.3416407864993372 vs -1.341640786498674), ~1e3 eps units",
            link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.standardize.html",
            dtype="float64"),
    # jnp.linalg.vector_norm is sum(|x|^p)^(1/p) without scaling by max|x|.
    *_cases("vector_norm", ("overflow_float64",),
            reason="jnp.linalg.vector_norm squares without scaling: norm([1e200, 1e200]) is inf "
                   "instead of 1.414e200",
            link=_NORM_OVERFLOW, dtype="float64"),
    *_cases("vector_norm", ("overflow_float32",),
            reason="jnp.linalg.vector_norm squares without scaling: float32 entries ~5e30 give "
                   "inf instead of 6.34e30",
            link=_NORM_OVERFLOW, dtype="float32"),
    *_cases("vector_norm", ("underflow_float32",),
            reason="jnp.linalg.vector_norm squares without scaling: float32 entries ~3e-30 "
                   "square to 0, the norm is 0.0 instead of 3.94e-30",
            link=_NORM_OVERFLOW, dtype="float32"),
    *_cases("vector_norm", ("book_004_7_p100",),
            reason="jnp.linalg.vector_norm raises |x| to the power ord unscaled: 4^100 = 1.6e60 "
                   "overflows float32, the 100-norm of [3, -4, 1] is inf instead of 4.0",
            link=_NORM_OVERFLOW, dtype="float32"),
    *_cases("vector_norm", ("large_p",),
            reason="jnp.linalg.vector_norm raises |x| to the power ord unscaled: 4^1000 "
                   "overflows, the 1000-norm of [3, -4, 1] is inf instead of 4.0",
            link=_NORM_OVERFLOW),
    KnownDeviation(
        concept="cross_entropy_from_logits", case="large_logits",
        reason="optax.softmax_cross_entropy_with_integer_labels returns logsumexp(z) - z[y], "
               "a cancellation for large logits: [1000, 1001, 1002] with target 0 gives "
               "2.4075928 in float32 (error 1.3e-5, 23 eps units) and 45 eps units in float64",
        link="https://optax.readthedocs.io/en/latest/api/losses.html",
    ),
    *_cases("cross_entropy_from_logits", ("target_too_large", "target_torch_ignore_index"),
            reason="optax.softmax_cross_entropy_with_integer_labels does not check labels: "
                   "an index >= V or -100 gathers out of bounds and gives a NaN loss "
                   "(and a NaN mean) instead of raising",
            link="https://github.com/google-deepmind/optax/issues/1185"),
    KnownDeviation(
        concept="cross_entropy_from_logits", case="target_negative",
        reason="optax.softmax_cross_entropy_with_integer_labels does not check labels: "
               "index -1 wraps to the last class (loss 1.964 for row [2, 1, 0.5]) instead "
               "of raising",
        link="https://github.com/google-deepmind/optax/issues/1185",
    ),
    KnownDeviation(
        concept="bce_with_logits", case="column_against_row",
        reason="optax.sigmoid_binary_cross_entropy broadcasts (2, 1) logits against a (2,) "
               "target to a (2, 2) loss without a shape check, instead of raising",
        link="https://optax.readthedocs.io/en/latest/api/losses.html",
    ),
    *_cases("embedding_lookup", ("id_equal_to_num_embeddings",),
            reason="jnp.take (mode='fill') returns a NaN row for id 3 in a 3-row table "
                   "instead of raising",
            link=_JAX_OUT_OF_BOUNDS),
    *_cases("embedding_lookup", ("negative_id",),
            reason="jnp.take wraps a negative id Python-style: id -1 returns the last row "
                   "[5, 6] instead of raising",
            link=_JAX_OUT_OF_BOUNDS),
    KnownDeviation(
        concept="conv2d", case="kernel_larger_than_input",
        reason="lax.conv_general_dilated accepts a 3x3 kernel on a 2x2 image without padding "
               "and returns an empty (1, 1, 0, 0) output instead of raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.lax.conv_general_dilated.html",
    ),
    KnownDeviation(
        concept="pooling", case="kernel_larger_than_input",
        reason="lax.reduce_window accepts a 3x3 window on a 2x2 map and returns an empty "
               "(1, 1, 0, 0) output instead of raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.lax.reduce_window.html",
    ),
    KnownDeviation(
        concept="pooling", case="padding_over_half_kernel",
        reason="lax.reduce_window accepts padding 2 with a 2x2 window: windows made only of "
               "padding give -inf (a 3x3 max-pool output with 8 of 9 values -inf) instead of "
               "raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.lax.reduce_window.html",
    ),
    # jax.nn.dot_product_attention (xla implementation, jax 0.10)
    *_cases("scaled_dot_product_attention",
            ("book_001_32_identity_qk", "causal_more_queries_than_keys",
             "causal_fewer_queries_than_keys", "large_scores_no_overflow",
             "masked_key_with_top_score", "explicit_scale", "grad_causal"),
            reason="jax.nn.dot_product_attention runs its softmax in float32 even for float64 "
                   "inputs: errors up to ~1e-7 relative (2.2e-8 absolute on the book case, "
                   "1e7 to 1e9 eps units)",
            link=_ATTENTION, dtype="float64"),
    *_cases("scaled_dot_product_attention",
            ("fully_masked_row_is_zero", "mask_and_causal_combine", "grad_mask_with_empty_row"),
            reason="jax.nn.dot_product_attention masks with a large finite negative, so a query "
                   "that may attend to no key gets the uniform average of all values "
                   "(0.667 where the canon has 0) and its gradient flows into v",
            link=_ATTENTION),
    *_cases("scaled_dot_product_attention",
            ("causal_weights_with_identity_values", "random_batched_mask", "random_causal",
             "keys_permuted_with_values", "causal_weights_form_lower_triangle"),
            reason="jax.nn.dot_product_attention needs values of the query/key head size: "
                   "dv != d raises ValueError 'value shape should be [B, Lk, 1, d]'",
            link=_ATTENTION),
    KnownDeviation(
        concept="temperature_sampling", case="zero_temperature",
        reason="jax.random.categorical takes the logits / T as given: T = 0 makes [1, 2, 3] "
               "all +inf and every draw is category 0, instead of raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.random.categorical.html",
    ),
    KnownDeviation(
        concept="temperature_sampling", case="negative_temperature",
        reason="jax.random.categorical takes the logits / T as given: T = -1 inverts the "
               "ranking (category 0 becomes the likeliest) instead of raising",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.random.categorical.html",
    ),
)
