"""Where SciPy and scikit-learn knowingly depart from the canon (strict: see
mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = ()
