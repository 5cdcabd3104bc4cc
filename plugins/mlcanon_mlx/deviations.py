"""Where the MLX backend knowingly departs from the canon (strict: see mlcanon.KnownDeviation).

A departure of a native op lives beside its binding, in the ``KNOWN_DEVIATIONS`` tuple of
its ``natives`` module. This file holds what every concept meets on MLX, native or
portable: float64 arithmetic built on MLX's float32 approximations of exp, sin, cos and
erf, and the places where the portable implementations cannot run on MLX's namespace.
Each reason states what MLX does, as measured with mlx 0.32.4 on the CPU. The float64
entries apply when ``MLCANON_MLX_FLOAT64=1`` runs float64, which is not claimed by
default (see ``MlxBackend.dtype_reason``).
"""

from __future__ import annotations

from mlcanon import KnownDeviation


def cases(concept: str, names: tuple[str, ...], reason: str, link: str, *,
          dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per case: one reason for several cases of a concept."""
    return tuple(KnownDeviation(concept=concept, case=case, dtype=dtype, reason=reason,
                                link=link) for case in names)


_cases = cases


# -- known deviations (measured with mlx 0.32.4 on the CPU) --------------------------

_GATHER_VJP = (
    "the portable top-k routing gathers experts by index and mx.vjp raises '[gather_axis]"
    " Cannot calculate VJP with respect to indices'",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.take_along_axis.html",
)

_MATH64 = (
    "MLX's CPU exp, sin, cos and erf evaluate float64 through their float32 "
    "approximations: mx.exp(2.0) in float64 is 7.389055728912354, not 7.38905609893065 "
    "(5e-8 relative, ~2e8 eps units), and every float64 result built on them carries "
    "float32-sized errors",
    "https://github.com/ml-explore/mlx/issues/3047",
)

_MATRIX_RANK = (
    "mlx.core.linalg has no matrix_rank: the portable basis_coordinates raises "
    "AttributeError on MLX",
    "https://ml-explore.github.io/mlx/build/html/python/linalg.html",
)

_NONZERO = (
    "mlx.core has no nonzero (MLX shapes are static, so no op returns a data-dependent "
    "size): the portable implementations that need it (csr_format, ctc_collapse) raise "
    "AttributeError on MLX",
    "https://ml-explore.github.io/mlx/build/html/python/ops.html",
)

_QR_COMPLETE = (
    "mx.linalg.qr computes the reduced factorization only and has no mode argument: the "
    "portable implementation's xp.linalg.qr(a, mode='complete') raises TypeError on MLX",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.qr.html",
)

_SCIPY_F32 = (
    "SciPy's special functions have no MLX dispatch: the portable t-test's betainc goes "
    "through NumPy and comes back through mx.asarray as float32, so the float64 p-value "
    "has dtype float32",
    "https://docs.scipy.org/doc/scipy/dev/api-dev/array_api.html",
)

_SCIPY_GRAD = (
    "SciPy's special functions have no MLX dispatch: the portable GELU's erfc goes "
    "through NumPy, so mx.vjp sees a constant and the gradient leaves out the derivative "
    "of Phi (0.644 where the canon has 0.801)",
    "https://docs.scipy.org/doc/scipy/dev/api-dev/array_api.html",
)

_INDEX_VJP = (
    "the portable embedding lookup gathers rows by token id and mx.vjp raises '[gather] "
    "Cannot calculate VJP with respect to indices': MLX differentiates a gather with "
    "respect to every input, the integer indices included",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.take.html",
)

_SVD_VJP_PORTABLE = (
    "the portable least squares solves through mx.linalg.svd, which has no VJP: mx.vjp "
    "raises '[Primitive::vjp] Not implemented for SVD'",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.linalg.svd.html",
)

_TIE_GRAD = (
    "at a bound (x equal to lo or hi) the VJP of mx.maximum / mx.minimum sends the "
    "cotangent to one argument only: the gradient there is 0 where the canon has 0.5",
    "https://ml-explore.github.io/mlx/build/html/python/_autosummary/mlx.core.maximum.html",
)


KNOWN_DEVIATIONS = (
    *_cases("moe_topk_routing", ("grad_router_and_experts", "grad_switch_top1"), *_GATHER_VJP),
    *_cases("alibi", (
        "bidirectional_symmetric_bias", "grad_bidirectional", "grad_three_heads",
        "large_scores_one_head", "more_queries_than_keys_bidirectional", "random_eight_heads",
        "random_twelve_heads_long", "scores_plus_bias", "slopes_six_heads",
        "slopes_three_heads",
    ), *_MATH64, dtype="float64"),
    *_cases("bce_with_logits", (
        "grad_mean", "grad_saturated", "random_mean", "random_soft_none", "soft_labels",
    ), *_MATH64, dtype="float64"),
    *_cases("causal_mask", (
        "batched_heads", "blocked_keys_with_top_scores", "book_001_33_identity_qk",
        "book_004_178_scores", "diagonal_0_first_row_empty", "diagonal_2_one_future_key",
        "diagonal_at_width_masks_nothing", "grad_square", "grad_with_empty_row", "random_heads",
        "random_wide_bottom_right", "tall_more_queries_than_keys", "wide_bottom_right",
        "wide_top_left",
    ), *_MATH64, dtype="float64"),
    *_cases("cosine_similarity", ("tiny_norms_clamped_separately",), *_MATH64, dtype="float64"),
    *_cases("cross_entropy_from_logits", (
        "grad_rows", "large_logits", "random_batch_time_none", "random_batch_time_sum",
        "random_rows",
    ), *_MATH64, dtype="float64"),
    *_cases("dilated_convolution", (
        "dilation_one_is_plain", "taps_two_apart",
    ), *_MATH64, dtype="float64"),
    *_cases("dpo_loss", (
        "beta_half_sum", "book_004_192_margin_one", "grad_all_inputs", "long_sequences",
        "random_batch_none", "random_mean", "random_sum", "wrong_way_margin",
    ), *_MATH64, dtype="float64"),
    *_cases("elastic_net", ("grad_zero_weight",), *_MATH64, dtype="float64"),
    *_cases("feed_forward_network", (
        "gelu_default", "no_biases", "random_tokens", "tokens_independent",
    ), *_MATH64, dtype="float64"),
    *_cases("focal_loss", (
        "alpha_bounds", "alpha_quarter", "alpha_zero", "fractional_gamma", "gamma_zero_is_bce",
        "grad_alpha_none", "grad_mean", "random_batch_none_alpha", "random_mean",
        "random_soft_sum", "soft_labels", "well_classified_not_cancelled",
    ), *_MATH64, dtype="float64"),
    *_cases("gelu", ("book_001_17_exact", "grad_exact", "random_exact"), *_MATH64, dtype="float64"),
    *_cases("gqa", (
        "grad_causal_mqa", "grad_shared_kv", "group_size_one_is_multi_head",
        "grouping_order_repeat_interleave", "multi_query_causal", "random_batched_groups",
        "random_causal_mqa", "random_mask_per_head",
    ), *_MATH64, dtype="float64"),
    *_cases("kl_divergence", ("grad_rows", "random_rows"), *_MATH64, dtype="float64"),
    *_cases("knowledge_distillation", (
        "defaults_mean_over_rows", "direction_teacher_first", "grad_both_per_row",
        "grad_student", "large_logits", "masked_class_in_both", "mean_over_every_leading_axis",
        "random_rows", "random_sequence_high_temperature", "random_sum", "sum_reduction",
        "t_squared_scaling", "teacher_excludes_a_class", "temperature_one",
    ), *_MATH64, dtype="float64"),
    *_cases("kv_cache", (
        "batch_of_sequences", "chunk_of_two_after_two", "decode_one_token", "random_chunk",
        "random_decode_step",
    ), *_MATH64, dtype="float64"),
    *_cases("l1_regularization", ("grad_zero_weight",), *_MATH64, dtype="float64"),
    *_cases("leaky_relu", ("slope_above_one",), *_MATH64, dtype="float64"),
    *_cases("log_sigmoid", (
        "grad_random", "grad_tails", "positive_tail_keeps_digits", "random_3d_wide",
        "random_normal", "small_values",
    ), *_MATH64, dtype="float64"),
    *_cases("log_softmax", (
        "axis_0", "float16_range", "grad_axis_0", "grad_rows", "large_logits", "normalized",
        "random_axis_0", "random_rows", "rows_of_a_batch",
    ), *_MATH64, dtype="float64"),
    *_cases("logistic_regression", (
        "book_003_22_data_zero_init", "random_start", "zero_start_default_lr",
    ), *_MATH64, dtype="float64"),
    *_cases("logsumexp", (
        "axis_0_keepdims", "float16_range", "grad_axis_0", "grad_rows",
        "random_axis_0_keepdims", "random_rows", "rows_of_a_batch",
    ), *_MATH64, dtype="float64"),
    *_cases("lr_schedule", (
        "cosine_defaults_quarters", "final_lr_floor", "random_steps_cosine_warmup",
        "random_steps_defaults", "small_peak_matrix_of_steps", "warmup_from_zero",
    ), *_MATH64, dtype="float64"),
    *_cases("mlp_forward", (
        "gelu_hidden_tanh_output", "random_gelu_identity_3d",
    ), *_MATH64, dtype="float64"),
    *_cases("moe_load_balance_loss", (
        "grad_through_probabilities", "grad_top2", "imbalanced_batch_sequence",
        "random_batch_top2", "random_tokens_top1", "top_k_all_experts",
    ), *_MATH64, dtype="float64"),
    *_cases("moe_topk_routing", (
        "capacity_drops_second_choices", "capacity_first_choices_first", "large_logits",
        "masked_expert_never_chosen", "random_batch_top1_switch", "random_capacity",
        "random_tokens_top2", "random_topk_softmax_top3", "switch_top1_not_renormalised",
        "top2_renormalised", "top2_topk_softmax_same", "top_k_all_experts",
    ), *_MATH64, dtype="float64"),
    *_cases("multi_head_attention", (
        "book_002_38_head_dim", "fully_masked_query_gives_output_bias", "grad_all_inputs",
        "random_causal_self_attention", "random_cross_attention_kdim", "single_head_scale",
    ), *_MATH64, dtype="float64"),
    *_cases("perplexity", (
        "grad_sequences", "per_sequence", "random_sequences",
    ), *_MATH64, dtype="float64"),
    *_cases("rbf_kernel", (
        "book_004_130_gram_matrix", "diagonal_exactly_one", "grad_pairs", "random_gram",
        "random_pairs",
    ), *_MATH64, dtype="float64"),
    *_cases("rlhf_reward_model_loss", (
        "grad_mean", "per_pair", "random_batch_none", "random_mean", "random_sum",
        "shift_by_large_constant",
    ), *_MATH64, dtype="float64"),
    *_cases("rope", (
        "base_500000", "book_002_74_theta_0_3", "book_004_176_relative_scores",
        "fractional_and_negative_positions", "grad_half", "grad_interleaved", "half_pairs",
        "interleaved_pairs", "random_batch_interleaved", "random_half_base_500000",
        "rotation_keeps_pair_norms", "rotation_keeps_pair_norms_half",
        "score_depends_on_offset_only",
    ), *_MATH64, dtype="float64"),
    *_cases("scaled_dot_product_attention", (
        "book_001_32_identity_qk", "causal_fewer_queries_than_keys",
        "causal_more_queries_than_keys", "causal_weights_with_identity_values",
        "explicit_scale", "grad_causal", "grad_mask_with_empty_row", "mask_and_causal_combine",
        "masked_key_with_top_score", "random_batched_mask", "random_causal",
    ), *_MATH64, dtype="float64"),
    *_cases("shared_experts", (
        "float16_gate_tail", "grad_gated", "random_gated", "sigmoid_gate",
    ), *_MATH64, dtype="float64"),
    *_cases("sigmoid", (
        "float16_tail", "grad_random", "random_normal", "random_wide", "rounds_to_one",
    ), *_MATH64, dtype="float64"),
    *_cases("silu", (
        "beta_2", "grad_random", "random_beta", "random_normal", "small_values",
    ), *_MATH64, dtype="float64"),
    *_cases("sinusoidal_positional_encoding", (
        "base_100", "book_001_45_three_positions", "book_002_42_d_model_512_frequencies",
        "book_002_73_shift_by_3", "book_004_177_positions_0_1",
        "fractional_and_negative_positions", "random_fractional_positions_base_1000",
        "random_positions_d16", "shift_is_block_rotation",
    ), *_MATH64, dtype="float64"),
    *_cases("sliding_window_attention", (
        "default_window_4096", "grad_batched_window_3", "grad_window_2",
        "random_heads_window_3", "random_window_2_scaled", "window_2_weights",
        "window_equal_length_is_causal", "window_one_short_of_length",
    ), *_MATH64, dtype="float64"),
    *_cases("softmax", (
        "axis_0", "book_001_37_t_0_5", "book_004_179_two_large", "float16_range", "grad_rows",
        "grad_temperature", "random_rows", "random_temperature", "rows_of_a_batch",
    ), *_MATH64, dtype="float64"),
    *_cases("softmax_jacobian", (
        "confident_row_keeps_digits", "grad_rows", "large_logits", "random_batch_3d",
        "random_rows", "three_logits",
    ), *_MATH64, dtype="float64"),
    *_cases("ssm_discretization", (
        "book_004_205_scalar_zoh", "grad_zoh", "mamba_euler_b", "random_mamba",
        "random_stable_zoh", "stiff_zoh_decays", "two_states_batch",
        "zoh_tiny_rate_no_cancellation",
    ), *_MATH64, dtype="float64"),
    *_cases("swiglu", (
        "gate_exp_overflow", "grad_all", "random_batch_3d", "random_tokens", "two_hidden_units",
        "which_branch_is_gated",
    ), *_MATH64, dtype="float64"),
    *_cases("top_k_filter", (
        "book_001_43_top_2", "default_k_small_vocabulary", "k_above_n_keeps_all",
        "k_equals_n_keeps_all", "large_logits_half_precision", "masked_tokens_below_k",
        "random_batch_3d", "random_rows_k_5", "random_vocab_default_k",
        "rows_have_own_threshold", "tie_at_kth_keeps_three",
    ), *_MATH64, dtype="float64"),
    *_cases("top_p_filter", (
        "book_001_41_keep_crossing", "large_logits", "p_one_keeps_all_finite", "random_rows",
        "random_rows_p_0_6", "random_rows_text_rule",
    ), *_MATH64, dtype="float64"),
    *_cases("basis_coordinates", (
        "book_004_4_standard_basis", "columns_are_the_basis", "coordinates_rebuild_v",
        "nearly_dependent", "permuted_basis", "random_basis", "random_basis_3d",
        "rotated_basis", "scaled_axes", "subnormal_coordinates",
    ), *_MATRIX_RANK),
    *_cases("csr_format", (
        "all_zero", "book_004_19", "dense_matrix", "empty_rows", "negative_zero_not_stored",
        "random_dense_values", "random_sparse", "round_trip", "single_row",
    ), *_NONZERO),
    *_cases("ctc_collapse", (
        "all_blanks_is_empty", "blank_last_class_tf", "blanks_at_both_ends",
        "book_004_190_hello", "frame_rate_free", "merge_before_dropping_blanks", "random_path",
        "random_path_tf_blank", "repeat_without_blank_merges",
    ), *_NONZERO),
    *_cases("qr_decomposition", (
        "complete_tall", "factors_complete", "random_batched_complete",
    ), *_QR_COMPLETE),
    *_cases("two_sample_t_test", (
        "book_004_81_student", "book_004_81_welch", "identical_samples", "random_student",
        "random_welch", "swap_negates_t", "tiny_pvalue", "unequal_sizes_student",
        "unequal_sizes_welch", "welch_unequal_spread",
    ), *_SCIPY_F32, dtype="float64"),
    *_cases("feed_forward_network", ("grad_gelu",), *_SCIPY_GRAD),
    *_cases("transformer_block", ("grad_pre_norm", "grad_post_norm_causal"), *_SCIPY_GRAD),
    *_cases("mlp_mixer", ("grad_block",), *_SCIPY_GRAD),
    *_cases("seq2seq", ("grad_batch",), *_INDEX_VJP),
    *_cases("mlp_forward", ("grad_gelu",), *_SCIPY_GRAD),
    *_cases("linear_regression_ols", (
        "grad_coef_and_intercept", "grad_no_intercept",
    ), *_SVD_VJP_PORTABLE),
    *_cases("clip", ("grad_at_bounds",), *_TIE_GRAD),
)
