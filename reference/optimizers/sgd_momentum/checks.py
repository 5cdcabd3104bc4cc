"""Property checks of sgd_momentum: the family's shared ones (coordinatewise, homogeneous)."""

from __future__ import annotations

from mlcanon_reference.optimizers import _checks  # noqa: F401  (registers the shared checks)
