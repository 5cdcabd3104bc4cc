"""A third-party plugin with planted bugs and misbehaving implementations.

Each backend reuses the built-in NumPy backend and overrides one concept with a module
of its own, exactly as an outside plugin would. The engine's tests install it with one
entry point (see ``tests/planted.py``) and check that the harness catches every bug on
exactly the concept it breaks, and survives every kind of misbehaviour.
"""

from __future__ import annotations

import time

from mlcanon import Backend, DefaultProbe, KnownDeviation, hookimpl
from mlcanon_numpy.backend import NumpyBackend

#: backend name -> (module overriding one concept, the concept it breaks)
PLANTED_BUGS = {
    "bug_softmax": ("softmax_without_max_shift", "softmax"),
    "bug_gelu": ("gelu_by_tanh", "gelu"),
    "bug_variance": ("variance_with_ddof_1", "variance"),
    "bug_causal": ("inverted_causal_mask", "scaled_dot_product_attention"),
    "bug_adam": ("adam_without_bias_correction", "adam"),
    "bug_dropout": ("dropout_without_rescale", "dropout"),
    "bug_alibi": ("alibi_slopes_not_interpolated", "alibi"),
    "bug_clip": ("clip_nan_to_bound", "clip"),
    "bug_conv1d": ("conv1d_flipped_kernel", "conv1d"),
    "bug_ddpm_index": ("ddpm_alpha_bar_off_by_one", "ddpm_forward_noising"),
    "bug_kd_reverse_kl": ("distillation_reverse_kl", "knowledge_distillation"),
    "bug_focal": ("focal_loss_subtractive", "focal_loss"),
    "bug_gqa": ("gqa_kv_heads_tiled", "gqa"),
    "bug_group_norm": ("group_norm_unbiased_variance", "group_norm"),
    "bug_gru": ("gru_reset_before_matmul", "gru_cell"),
    "bug_huber": ("huber_as_smooth_l1", "huber_loss"),
    "bug_log_sigmoid": ("log_sigmoid_of_sigmoid", "log_sigmoid"),
    "bug_reshape": ("reshape_column_major", "reshape"),
    "bug_rmsprop": ("rmsprop_eps_outside_sqrt", "rmsprop"),
    "bug_top_k": ("top_k_drops_ties", "top_k_filter"),
    "bug_cfg_scale": ("cfg_weight_read_as_scale", "classifier_free_guidance"),
    "bug_ar_crop": ("generation_crops_first_block", "autoregressive_generation"),
    "bug_spec_resample": ("speculative_resamples_from_target", "speculative_decoding"),
    "bug_packing_leak": ("packing_without_document_mask", "document_mask_packing"),
    "bug_mla_scale": ("mla_scale_without_rope_width", "mla"),
    "bug_early_stopping_patience": ("early_stopping_patience_off_by_one", "early_stopping"),
    "bug_minibatch_mean": ("minibatch_mean_over_batch_size", "sgd_minibatch"),
    "bug_init_fans": ("init_fans_swapped", "weight_init_xavier_he"),
    "bug_grid_xy": ("grid_meshgrid_xy", "decision_grid"),
    "bug_yarn_no_mscale": ("yarn_without_attention_factor", "yarn"),
    "bug_positions_from_one": ("learned_positions_start_at_one", "learned_positional_embedding"),
    "bug_ctc_repeat_skip": ("ctc_skips_repeated_labels", "ctc_loss"),
    "bug_mlm_mean": ("mlm_mean_over_all_tokens", "masked_language_modeling"),
    "bug_mixer_ln": ("mixer_layer_norm_one_pass_variance", "mlp_mixer"),
    "bug_bce_probs": ("bce_from_sigmoid_probabilities", "mlp_training_pytorch"),
    "bug_vit_column_major": ("vit_patches_column_major", "vit_patch_embedding"),
    "bug_prefix_causal": ("prefix_tuning_top_left_causal", "prefix_tuning"),
}

#: backend name -> module whose softmax misbehaves in one way
MISBEHAVING = {
    "bad_raises": "raises",
    "bad_shape": "wrong_shape",
    "bad_dtype": "wrong_dtype",
    "bad_none": "returns_none",
    "bad_nan": "returns_nan",
    "bad_hang": "hangs",
    "bad_markup": "hostile_message",
    "bad_exit": "exits",
    "bad_large_logits": "crashes_on_large_logits",
    "bad_segfault": "segfaults",
    "bad_c_loop": "loops_in_c",
    "bad_timer": "resets_timer",
    "bad_system_exit": "raises_system_exit",
    "bad_mutation": "mutates_input",
}


def overriding(name: str, module: str, deviations: tuple[KnownDeviation, ...] = (),
               portable: bool = True) -> Backend:
    """A NumPy backend named ``name`` whose concepts in ``module`` replace the built-ins;
    ``portable=False`` leaves it NumPy's natives and the planted module only, so a run
    spends its time on the bug, not on re-running every portable implementation."""
    cls = type(
        f"Planted_{name}",
        (NumpyBackend,),
        {
            "name": name,
            "native_modules": (*NumpyBackend.native_modules, f"mlcanon_planted.{module}"),
            "known_deviations": (*NumpyBackend.known_deviations, *deviations),
            "portable": portable,
        },
    )
    return cls("cpu")


class BlockingSync(NumpyBackend):
    """Its synchronize never returns (where CUDA and JAX work really waits)."""

    name = "bad_sync"

    def synchronize(self, *values: object) -> None:
        while True:
            time.sleep(0.01)


class HangingProbe(NumpyBackend):
    """One of its default probes never returns."""

    name = "bad_probe"

    def default_probes(self) -> list[DefaultProbe]:
        return [DefaultProbe("softmax", "does this probe return?", "hang()", {"x": [1.0]},
                             _hang)]


def _hang() -> None:
    while True:
        time.sleep(0.01)


@hookimpl
def mlcanon_backends() -> list[Backend]:
    backends = [overriding(name, module, portable=False)
                for name, (module, _) in PLANTED_BUGS.items()]
    backends += [overriding(name, module) for name, module in MISBEHAVING.items()]
    backends.append(overriding("deviating", "softmax_without_max_shift", (
        KnownDeviation("softmax", "overflows without the max shift", case="rows_of_a_batch"),
        KnownDeviation("softmax", "claims a deviation on a case that passes",
                       case="book_000_32", dtype="float64"),
        KnownDeviation("no_such_concept", "matches nothing"),
    )))
    backends += [BlockingSync("cpu"), HangingProbe("cpu")]
    return backends
