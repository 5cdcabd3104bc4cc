"""The reference spec: loading, validating and the objects it is made of."""

from mlcanon.spec.load import (
    LoadedSpec,
    SpecError,
    SpecProblem,
    default_spec,
    input_array,
    load_concept,
    load_spec,
    reference_root,
    sidecar_path,
)
from mlcanon.spec.model import Case, Concept, InputSpec, OutputSpec, Signature, Tolerance

__all__ = [
    "Case",
    "Concept",
    "InputSpec",
    "LoadedSpec",
    "OutputSpec",
    "Signature",
    "SpecError",
    "SpecProblem",
    "Tolerance",
    "default_spec",
    "input_array",
    "load_concept",
    "load_spec",
    "reference_root",
    "sidecar_path",
]
