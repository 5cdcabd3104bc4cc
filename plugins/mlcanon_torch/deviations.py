"""Where the PyTorch backends knowingly depart from the canon (strict: see KnownDeviation)."""

from mlcanon import KnownDeviation

DOCS = "https://pytorch.org/docs/stable/generated/"

#: every batch_norm case whose running variance differs from the biased batch variance
_UNBIASED_RUNNING_VAR_CASES = (
    "book_002_64_inverse_transform", "book_002_64_book_gamma", "running_var_is_biased",
    "momentum_weights_new_statistic", "spatial_axes_pooled", "constant_channel_gives_bias",
    "random_features", "random_images_affine",
)

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="gelu", case="negative_tail",
        reason="F.gelu(approximate='none') evaluates x (1 + erf(x/sqrt 2))/2: in the negative "
               "tail 1 + erf cancels: GELU(-6) is 0.0 in float32 and keeps only 10 digits in "
               "float64 (0.0 from x = -9); x erfc(-x/sqrt 2)/2 would keep them",
        link="https://github.com/pytorch/pytorch/issues/187806",
    ),
    KnownDeviation(
        concept="scaled_dot_product_attention", case="mask_and_causal_combine",
        reason="F.scaled_dot_product_attention refuses attn_mask together with is_causal=True "
               "(RuntimeError 'Explicit attn_mask should not be set when is_causal=True'); "
               "the canon combines them by AND",
        link=DOCS + "torch.nn.functional.scaled_dot_product_attention.html",
    ),
    KnownDeviation(
        concept="kl_divergence", case="zero_divergence",
        reason="F.kl_div(log q, p) gives nan for a term with p = q = 0 (0 * (log 0 - log 0)): "
               "KL([0, 1] || [0, 1]) is nan instead of 0",
        link=DOCS + "torch.nn.functional.kl_div.html",
    ),
    KnownDeviation(
        concept="linear_layer", case="bias_length_one",
        reason="F.linear broadcasts a bias of shape (1,) over 2 outputs without an error "
               "([[1, 2]] with weight [[1, 2], [3, 4]] and bias [1] gives [[6, 12]])",
        link=DOCS + "torch.nn.functional.linear.html",
    ),
    KnownDeviation(
        concept="symmetric_eigendecomposition", case="non_symmetric_input",
        reason="torch.linalg.eigh reads only the lower triangle (UPLO='L'): [[3, 1], [3, 1]] "
               "gives eigenvalues 2 -+ sqrt 10 = -1.162, 5.162 instead of those of the "
               "symmetric part, 2 -+ sqrt 5 = -0.236, 4.236",
        link=DOCS + "torch.linalg.eigh.html",
    ),
    KnownDeviation(
        concept="vector_norm", case="book_004_7_p100", dtype="float32",
        reason="torch.linalg.vector_norm sums |x_i|^p unscaled: 4^100 = 1.6e60 overflows "
               "float32, so the 100-norm of [3, -4, 1] is inf instead of 4.0",
        link=DOCS + "torch.linalg.vector_norm.html",
    ),
    KnownDeviation(
        concept="vector_norm", case="large_p",
        reason="torch.linalg.vector_norm sums |x_i|^p unscaled: 4^1000 overflows, so the "
               "1000-norm of [3, -4, 1] is inf instead of 4.0 (float64 and float32)",
        link=DOCS + "torch.linalg.vector_norm.html",
    ),
    KnownDeviation(
        concept="vector_norm", case="overflow_float64",
        reason="torch.linalg.vector_norm squares unscaled: the 2-norm of [1e200, 1e200] is inf "
               "instead of 1.414e200",
        link=DOCS + "torch.linalg.vector_norm.html",
    ),
    KnownDeviation(
        concept="vector_norm", case="overflow_float32", dtype="float32",
        reason="torch.linalg.vector_norm squares unscaled: the 2-norm of [3, 4] * 2^100 is inf "
               "in float32 instead of 6.338e30",
        link=DOCS + "torch.linalg.vector_norm.html",
    ),
    KnownDeviation(
        concept="vector_norm", case="underflow_float32", dtype="float32",
        reason="torch.linalg.vector_norm squares unscaled: the 2-norm of [3, 4] * 2^-100 is 0.0 "
               "in float32 instead of 3.944e-30",
        link=DOCS + "torch.linalg.vector_norm.html",
    ),
    KnownDeviation(
        concept="euclidean_distance", case="overflow_float64",
        reason="F.pairwise_distance squares the differences unscaled: the distance between "
               "[1e200, 0] and [0, 1e200] is inf instead of 1.414e200",
        link=DOCS + "torch.nn.functional.pairwise_distance.html",
    ),
    KnownDeviation(
        concept="euclidean_distance", case="overflow_float32", dtype="float32",
        reason="F.pairwise_distance squares the differences unscaled: differences of 3 * 2^100 "
               "and 5 * 2^100 give inf in float32 instead of 6.338e30",
        link=DOCS + "torch.nn.functional.pairwise_distance.html",
    ),
    KnownDeviation(
        concept="binary_cross_entropy", case="book_003_21_confident_wrong",
        reason="BCELoss clamps each log term at -100, so the confident wrong prediction "
               "p = 1, y = 0 costs 100 instead of +inf",
        link=DOCS + "torch.nn.BCELoss.html",
    ),
    KnownDeviation(
        concept="binary_cross_entropy", case="confident_wrong_positive",
        reason="BCELoss clamps each log term at -100, so p = 0, y = 1 costs 100 instead of +inf",
        link=DOCS + "torch.nn.BCELoss.html",
    ),
    KnownDeviation(
        concept="binary_cross_entropy", case="perfect_predictions",
        reason="F.binary_cross_entropy returns -0.0 for the perfect prediction p = y = 1 "
               "(the negated 1 * log 1), the canon +0.0",
        link=DOCS + "torch.nn.BCELoss.html",
    ),
    KnownDeviation(
        concept="bce_with_logits", case="tiny_loss_confident_right",
        reason="BCEWithLogitsLoss evaluates (1 - y) z - log_sigmoid(z), which cancels for "
               "z << 0 with y = 0: the loss log1p(exp(-40)) = 4.2e-18 comes out 0.0 (and at "
               "z = -17 float64 keeps 8 digits, float32 none); the z >> 0, y = 1 side is exact",
        link=DOCS + "torch.nn.BCEWithLogitsLoss.html",
    ),
    KnownDeviation(
        concept="cross_entropy_from_logits", case="target_torch_ignore_index",
        reason="F.cross_entropy raises no error for target -100 (its default ignore_index): "
               "the rows are skipped and an all-ignored batch has mean loss nan",
        link=DOCS + "torch.nn.functional.cross_entropy.html",
    ),
    KnownDeviation(
        concept="mse_loss", case="column_against_row",
        reason="F.mse_loss only warns ('Using a target size ... different to the input size') "
               "and broadcasts a (3, 1) prediction against a (3,) target to (3, 3)",
        link=DOCS + "torch.nn.functional.mse_loss.html",
    ),
    KnownDeviation(
        concept="temperature_sampling", case="negative_temperature",
        reason="softmax(z / T) with torch.multinomial raises no error for T = -1: it samples "
               "from the inverted ranking (logit 1.0 most likely)",
        link=DOCS + "torch.multinomial.html",
    ),
    *(KnownDeviation(
        concept="batch_norm", case=case,
        reason="F.batch_norm(training=True) updates running_var with the unbiased (n - 1) batch "
               "variance; the canon takes the biased one that normalized the batch: a batch "
               "[1, 3] with running_var 1 and momentum 0.1 gives 1.1 instead of 1.0",
        link=DOCS + "torch.nn.BatchNorm1d.html",
    ) for case in _UNBIASED_RUNNING_VAR_CASES),
    KnownDeviation(
        concept="batch_norm", case="large_offset_cancellation",
        reason="the CPU kernel applies y = x * a + (b - mean * a) with a = weight * invstd, which "
               "cancels when |mean| >> std: at mean 4097.5, std 1.1 y is off by 388 eps in "
               "float32 and 63 eps in float64; (x - mean) * a + b would not be; running_var "
               "also takes the unbiased variance (1.0667 instead of 1.025)",
        link="https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/"
             "batch_norm_kernel.cpp",
    ),
)
