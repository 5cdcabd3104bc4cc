"""Property checks of rmsprop: the family's shared ones (coordinatewise)."""

from __future__ import annotations

from mlcanon_reference.optimizers import _checks  # noqa: F401  (registers the shared checks)
