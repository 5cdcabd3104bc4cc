"""Where the array-api-strict backend knowingly departs from the canon (strict: see
mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = ()
