"""Where the JAX backends knowingly depart from the canon (strict: see mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = ()
