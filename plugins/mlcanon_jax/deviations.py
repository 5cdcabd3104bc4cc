"""Where the JAX backends knowingly depart from the canon (strict: see mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    KnownDeviation(
        concept="sigmoid", case="float16_tail", dtype="float16",
        reason="jax.nn.sigmoid (lax.logistic) on CPU computes 1/(1 + exp(-x)) in float16: "
               "exp(-x) overflows for x < -11.09, so sigma(-12) is 0.0 instead of 6.1e-6",
        link="https://docs.jax.dev/en/latest/_autosummary/jax.nn.sigmoid.html",
    ),
)
