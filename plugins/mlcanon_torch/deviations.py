"""Where the PyTorch backends knowingly depart from the canon (strict: see KnownDeviation)."""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="gelu", case="negative_tail",
        reason="F.gelu(approximate='none') evaluates x (1 + erf(x/sqrt 2))/2: in the negative "
               "tail 1 + erf cancels: GELU(-6) is 0.0 in float32 and keeps only 10 digits in "
               "float64 (0.0 from x = -9); x erfc(-x/sqrt 2)/2 would keep them",
        link="https://github.com/pytorch/pytorch/issues/187806",
    ),
    KnownDeviation(
        concept="binary_cross_entropy", case="book_003_21_confident_wrong",
        reason="BCELoss clamps each log term at -100, so the confident wrong prediction "
               "p = 1, y = 0 costs 100 instead of +inf",
        link="https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html",
    ),
    KnownDeviation(
        concept="binary_cross_entropy", case="confident_wrong_positive",
        reason="BCELoss clamps each log term at -100, so p = 0, y = 1 costs 100 instead of +inf",
        link="https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html",
    ),
    KnownDeviation(
        concept="bce_with_logits", case="tiny_loss_confident_right",
        reason="BCEWithLogitsLoss evaluates (1 - y) z - log_sigmoid(z), which cancels for "
               "z << 0 with y = 0: the loss log1p(exp(-40)) = 4.2e-18 comes out 0.0 (and at "
               "z = -17 float64 keeps 8 digits, float32 none); the z >> 0, y = 1 side is exact",
        link="https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html",
    ),
    KnownDeviation(
        concept="batch_norm", case="large_offset_cancellation", device="cpu",
        reason="the CPU kernel applies y = x * a + (b - mean * a) with a = weight * invstd, which "
               "cancels when |mean| >> std: at mean 4097.5, std 1.1 y is off by 388 eps in "
               "float32 and 63 eps in float64; (x - mean) * a + b would not be",
        link="https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/"
             "batch_norm_kernel.cpp",
    ),
)
