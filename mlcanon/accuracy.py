"""A backend's accuracy on a concept, as one number for benchmark dashboards."""

from __future__ import annotations

import math
from typing import Any

from mlcanon.runner import Job, run_job
from mlcanon.spec import default_spec

#: cases whose error measures the backend (book values are rounded to the printed digit)
MEASURED_KINDS = ("edge", "generated")


def worst_error_eps(backend: Any, concept_id: str, dtype: str) -> float:
    """The largest error, in eps units of ``dtype``, over the concept's edge and generated
    cases; infinity if any of them fails or errors, so a fast but wrong backend shows."""
    concept = default_spec().concepts[concept_id]
    worst = 0.0
    for case in concept.cases:
        if case.kind not in MEASURED_KINDS or dtype not in concept.case_dtypes(case):
            continue
        result = run_job(Job(concept, case, backend, dtype))
        if result.outcome in ("failed", "error"):
            return math.inf
        if result.error_eps is not None and math.isfinite(result.error_eps):
            worst = max(worst, result.error_eps)
    return worst
