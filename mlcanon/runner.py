"""Running one spec case on one backend and dtype: the harness without pytest.

Inputs and assertions run in NumPy; only the concept runs on the backend. Every case
ends in one outcome (:data:`OUTCOMES`) and a :class:`CaseResult`, whatever the backend
does: raise, hang, return None, the wrong shape, dtype or NaN.
"""

from __future__ import annotations

import builtins
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon import dtypes, property_examples
from mlcanon.backend import Backend
from mlcanon.canonical import canonicalize
from mlcanon.checks import CheckFailed, get_check
from mlcanon.compare import Comparison, check_dtype, compare
from mlcanon.deadline import CaseTimeout, deadline
from mlcanon.generate import draw_inputs, rounding_dtypes
from mlcanon.implementations import PORTABLE, portable_error, resolve
from mlcanon.spec import Case, Concept, input_array
from mlcanon.spec.values import to_array
from mlcanon.tolerances import Bound, bound_for

OUTCOMES = ("passed", "failed", "missing", "unsupported", "known_deviation", "error",
            "crashed")
VALUE_KINDS = ("book", "edge", "generated")


@dataclass(frozen=True)
class Job:
    """One test: a case of a concept on a backend in a dtype."""

    concept: Concept
    case: Case
    backend: Backend
    dtype: str

    @property
    def id(self) -> str:
        b = self.backend
        return f"{self.concept.id}-{self.case.name}-{b.name}-{b.device}-{self.dtype}"


@dataclass
class CaseResult:
    concept: str
    family: str
    case: str
    kind: str
    backend: str
    device: str
    dtype: str
    outcome: str = "passed"
    message: str = ""
    max_abs_error: float | None = None
    max_rel_error: float | None = None
    error_eps: float | None = None
    index: list[int] | None = None
    tolerance: dict[str, float] | None = None
    duration_s: float = 0.0
    backend_s: float = 0.0
    repro: str = ""
    artifact: str | None = None
    #: the code that ran: ``"native: <op>"`` or ``"portable"`` (empty if none ran).
    origin: str = ""
    #: for raises cases, what the backend raised: ``"RuntimeError: <first line>"``.
    raised: str = ""
    arrays: dict[str, Any] = field(default_factory=dict, repr=False)

    def as_dict(self) -> dict[str, Any]:
        """The record written to the results file. Not ``dataclasses.asdict``: that deep-copies
        ``arrays`` (every input, expected and actual array of the case) only to drop it."""
        record = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "arrays"}
        record["index"] = list(self.index) if self.index is not None else None
        record["tolerance"] = dict(self.tolerance) if self.tolerance is not None else None
        return record


class ImplementationError(Exception):
    """The backend's implementation raised, returned nothing usable, or timed out."""


class _Outcome(Exception):
    """Ends a case early with an outcome other than passed or failed."""

    def __init__(self, outcome: str, message: str) -> None:
        super().__init__(message)
        self.outcome = outcome
        self.message = message


class Clock:
    """Accumulates the time spent inside the backend: loading its bindings and its calls."""

    def __init__(self) -> None:
        self.total = 0.0

    def __enter__(self) -> Clock:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.total += time.perf_counter() - self._start


@dataclass
class Context:
    job: Job
    timeout: float | None
    clock: Clock = field(default_factory=Clock)
    arrays: dict[str, Any] = field(default_factory=dict)
    profile: str = "standard"
    shrink: bool = True

    @property
    def per_call(self) -> bool:
        """Checks call the backend many times (Hypothesis examples, statistical draws):
        the limit applies to each call with its conversions and purity check; any other
        case runs whole under one limit: call, synchronize, conversion and comparison."""
        return self.job.case.kind in ("properties", "stochastic")


def _limit_message(context: Context) -> str:
    job = context.job
    what = "one call" if context.per_call else "the whole case"
    return (f"{job.backend.id} {job.concept.id} did not return within {context.timeout} s "
            f"(the limit covers {what})")


#: Hypothesis examples per properties case, as a multiple of the case's ``max_examples``:
#: ``quick`` for a fast look while editing, ``thorough`` before a release.
PROFILES = {"quick": 0.2, "standard": 1.0, "thorough": 4.0}


def examples_for(max_examples: int, profile: str = "standard") -> int:
    return max(1, round(max_examples * PROFILES[profile]))


def run_job(job: Job, *, timeout: float | None = 60.0, repro: str = "",
            artifacts: Path | None = None, profile: str = "standard",
            shrink: bool = True) -> CaseResult:
    """Run ``job`` and return its result; never raises for anything the backend does."""
    b = job.backend
    result = CaseResult(job.concept.id, job.concept.family, job.case.name, job.case.kind,
                        b.name, b.device, job.dtype, repro=repro)
    context = Context(job, timeout, profile=profile, shrink=shrink)
    start = time.perf_counter()
    try:
        with deadline(None if context.per_call else timeout, _limit_message(context)):
            _run(context, result)
    except _Outcome as stop:
        result.outcome, result.message = stop.outcome, stop.message
    except ImplementationError as exc:
        result.outcome, result.message = "error", str(exc)
    except CaseTimeout as exc:
        result.outcome, result.message = "error", str(exc)
    except Exception as exc:  # a spec or harness problem: reported on this case only
        result.outcome = "error"
        result.message = f"harness could not run the case: {type(exc).__name__}: {exc}"
    result.duration_s = time.perf_counter() - start
    result.backend_s = context.clock.total
    _apply_known_deviation(job, result)
    result.arrays = context.arrays
    if artifacts is not None and result.outcome in ("failed", "error") and context.arrays:
        result.artifact = str(_write_artifact(artifacts, job, context.arrays))
    return result


def _run(context: Context, result: CaseResult) -> None:
    job = context.job
    with context.clock:  # the first case of a process imports the backend's framework
        found = _implementation(job)
    result.origin = found.origin
    KIND_RUNNERS[job.case.kind](context, found.fn, result)


def _implementation(job: Job) -> Any:
    """The code the case runs; raises :class:`_Outcome` where none can run here."""
    reason = job.backend.available()
    if reason is not None:
        raise _Outcome("unsupported", f"{job.backend.id} is unavailable: {reason}")
    if job.dtype not in job.backend.dtypes:
        why = job.backend.dtype_reason(job.dtype)
        raise _Outcome("unsupported", f"{job.backend.id} does not support {job.dtype}"
                                      + (f": {why}" if why else ""))
    found = resolve(job.backend, job.concept, job.case.params)
    if found is None:
        raise _Outcome(*_why_missing(job))
    return found


def _why_missing(job: Job) -> tuple[str, str]:
    """The outcome and message of a case no code can run."""
    backend, concept = job.backend, job.concept
    broken = "; ".join(f"{m}: {e}" for m, e in backend.load_errors.items())
    if broken and backend.native(concept.id) is None:
        return "error", (f"{backend.id} has no {concept.id}, and some of its native modules "
                         f"failed to import: {broken}")
    problem = portable_error(concept)
    if problem and backend.portable:
        return "error", f"the portable implementation of {concept.id} failed to import: {problem}"
    if backend.native(concept.id) is not None:
        return "missing", (f"{backend.id}'s native op for {concept.id} has parameters built "
                           f"in that this case changes, and the backend has no portable "
                           f"fallback")
    if backend.portable:
        return "missing", (f"{concept.id} has no portable implementation and {backend.id} "
                           "no native op")
    return "missing", f"{backend.id} has no native op for {concept.id} (natives only)"


# -- calling the backend ---------------------------------------------------------------


def call_backend(context: Context, impl: Callable[..., Any], inputs: dict[str, np.ndarray],
                 params: dict[str, Any]) -> dict[str, np.ndarray]:
    """Run ``impl`` on NumPy inputs; its outputs by name as NumPy arrays."""
    backend = context.job.backend
    limit = context.timeout if context.per_call else None
    with deadline(limit, _limit_message(context)):
        with context.clock:
            native = _invoke(context, lambda: {name: backend.from_numpy(array)
                                               for name, array in inputs.items()}, "from_numpy")
            raw = _invoke(context, lambda: impl(**native, **params))
            _invoke(context, lambda: backend.synchronize(raw), "synchronize")
            outputs = _outputs_to_numpy(context, raw)
        _require_inputs_unchanged(context, inputs, native)
    return outputs


def _require_inputs_unchanged(context: Context, inputs: dict[str, np.ndarray],
                              native: dict[str, Any]) -> None:
    """The canon's functions are pure: a call that wrote into an input array (running
    statistics updated in place, an optimizer stepping its argument) fails the case."""
    job = context.job
    for name, before in inputs.items():
        after = np.asarray(_invoke(context, lambda v=native[name]: job.backend.to_numpy(v),
                                   "to_numpy"))
        if after.shape != before.shape or not np.array_equal(after, before, equal_nan=True):
            raise _Outcome("failed", f"{job.backend.id} {job.concept.id} changed its input "
                                     f"{name!r} in place; the canon's functions are pure")


def _invoke(context: Context, call: Callable[[], Any], step: str = "") -> Any:
    """Run backend code; anything it raises, ``SystemExit`` included, is the backend's.

    Only the case's own time limit and the user's Ctrl-C pass through.
    """
    job = context.job
    where = f"{job.backend.id} {job.concept.id}" + (f" ({step})" if step else "")
    try:
        return call()
    except (CaseTimeout, KeyboardInterrupt):
        raise
    except BaseException as exc:
        msg = f"{where} raised {type(exc).__name__}: {_first_line(exc)}"
        raise ImplementationError(msg) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


def _outputs_to_numpy(context: Context, raw: Any) -> dict[str, np.ndarray]:
    job = context.job
    names = [o.name for o in job.concept.signature.outputs]
    where = f"{job.backend.id} {job.concept.id}"
    if raw is None:
        msg = f"{where} returned None; expected {', '.join(names)}"
        raise ImplementationError(msg)
    if isinstance(raw, dict):
        values = [raw.get(name) for name in names]
    elif len(names) == 1:
        values = [raw]
    elif isinstance(raw, (tuple, list)) and len(raw) == len(names):
        values = list(raw)
    else:
        got = len(raw) if isinstance(raw, (tuple, list)) else 1
        msg = f"{where} returned {got} outputs; the spec has {len(names)}: {', '.join(names)}"
        raise ImplementationError(msg)
    outputs = {}
    for name, value in zip(names, values, strict=True):
        if value is None:
            msg = f"{where} returned None for output {name!r}"
            raise ImplementationError(msg)
        try:
            outputs[name] = np.asarray(job.backend.to_numpy(value))
        except (CaseTimeout, KeyboardInterrupt):
            raise
        except BaseException as exc:
            msg = f"{where} output {name!r} could not be converted to NumPy: {exc!r}"
            raise ImplementationError(msg) from exc
    return outputs


def case_inputs(job: Job) -> dict[str, np.ndarray]:
    signature = job.concept.signature
    return {name: input_array(job.case, name, signature.inputs[name], job.dtype)
            for name in job.case.inputs}


# -- judging values --------------------------------------------------------------------


def judge(context: Context, result: CaseResult, actual: dict[str, np.ndarray],
          expected: dict[str, np.ndarray], bound: Bound, *, canonical: bool = True) -> None:
    """Compare every output; the worst comparison becomes the case's error.

    ``canonical`` applies the concept's canonicalizer (outputs, not gradients).
    """
    job = context.job
    context.arrays.update({f"expected_{k}": v for k, v in expected.items()})
    context.arrays.update({f"actual_{k}": v for k, v in actual.items()})
    result.tolerance = bound.as_dict()
    if canonical:
        actual = canonicalize(job.concept.canonicalize, actual, expected)
    comparisons = {}
    for name, want in expected.items():
        kind = _output_kind(job.concept, name)
        problem = check_dtype(actual[name], kind, job.dtype)
        if problem:
            comparisons[name] = Comparison(False, message=problem)
            continue
        comparisons[name] = compare(actual[name], want, bound, exact=kind != "float",
                                    signed_zeros=job.case.pins_zero_signs,
                                    exact_zeros=_pins_exact_zeros(job))
    _summarize(result, comparisons)


def _pins_exact_zeros(job: Job) -> bool:
    """Edge cases of elementwise and reduction concepts pin their zeros exactly; book values
    are rounded, and decompositions produce zeros as rounding of larger entries."""
    return (job.case.kind == "edge"
            and job.concept.tolerance.error_class in ("elementwise", "reduction"))


def _output_kind(concept: Concept, name: str) -> str:
    for output in concept.signature.outputs:
        if output.name == name:
            return output.dtype
    return "float"


def _summarize(result: CaseResult, comparisons: dict[str, Comparison]) -> None:
    worst_name = max(comparisons, key=lambda n: comparisons[n].error_eps)
    worst = comparisons[worst_name]
    result.max_abs_error = max(c.max_abs_error for c in comparisons.values())
    result.max_rel_error = max(c.max_rel_error for c in comparisons.values())
    result.error_eps = worst.error_eps
    result.index = list(worst.index) if worst.index is not None else None
    failures = [f"{name}: {c.message}" for name, c in comparisons.items() if not c.ok]
    if failures:
        result.outcome = "failed"
        result.message = "; ".join(failures)


def _expected_arrays(values: dict[str, Any]) -> dict[str, np.ndarray]:
    return {name: to_array(value) for name, value in values.items()}


def _run_values(context: Context, impl: Callable[..., Any], result: CaseResult) -> None:
    job = context.job
    inputs = case_inputs(job)
    context.arrays.update({f"input_{k}": v for k, v in inputs.items()})
    actual = call_backend(context, impl, inputs, job.case.params)
    expected = _expected_arrays(job.case.expected or {})
    missing = set(expected) - set(actual)
    if missing:
        raise _Outcome("error", f"spec expects outputs {sorted(missing)} the backend lacks")
    judge(context, result, actual, expected, bound_for(job.concept, job.case, job.dtype, inputs))


def _run_raises(context: Context, impl: Callable[..., Any], result: CaseResult) -> None:
    """The canon pins that the input is rejected: any exception passes and is recorded.

    Frameworks differ in the class they raise (torch RuntimeError, jax TypeError), and
    that difference is a finding for the report, not a failure. The portable
    implementation is the canon's own code, so it must raise the canon's class.
    """
    job = context.job
    wanted = getattr(builtins, job.case.raises, None)
    if not (isinstance(wanted, type) and issubclass(wanted, Exception)):
        raise _Outcome("error", f"case names unknown exception {job.case.raises!r}")
    inputs = case_inputs(job)
    try:
        call_backend(context, impl, inputs, job.case.params)
    except ImplementationError as exc:
        raised = exc.__cause__
        if raised is None:
            raise
        result.raised = f"{type(raised).__name__}: {_first_line(raised)}"
        if result.origin == PORTABLE:
            _require_canon_exception(job, raised, wanted, result)
        return
    result.outcome = "failed"
    result.message = f"did not raise; expected {job.case.raises} ({job.case.why})"


def _require_canon_exception(job: Job, raised: BaseException, wanted: type,
                             result: CaseResult) -> None:
    if not isinstance(raised, wanted):
        result.outcome = "failed"
        result.message = (f"the portable implementation raised {result.raised}; the canon "
                          f"says {job.case.raises} ({job.case.why})")
    elif job.case.match and not re.search(job.case.match, str(raised)):
        result.outcome = "failed"
        result.message = f"message {str(raised)!r} does not match {job.case.match!r}"


def _run_grad(context: Context, impl: Callable[..., Any], result: CaseResult) -> None:
    job = context.job
    backend = job.backend
    inputs = case_inputs(job)
    wrt = job.case.wrt
    float_outputs = [o.name for o in job.concept.signature.outputs if o.dtype == "float"]
    cotangent = {k: dtypes.cast(to_array(v), job.dtype) for k, v in job.case.cotangent.items()}
    context.arrays.update({f"input_{k}": v for k, v in inputs.items()})
    with context.clock:
        native = _invoke(context, lambda: {name: backend.from_numpy(array)
                                           for name, array in inputs.items()}, "from_numpy")
        closed = {k: v for k, v in native.items() if k not in wrt}

        def fn(*primals: Any) -> Any:
            out = impl(**dict(zip(wrt, primals, strict=True)), **closed, **job.case.params)
            return _pick_float_outputs(job.concept, out, float_outputs)

        cotangents = _invoke(context, lambda: [backend.from_numpy(cotangent[name])
                                               for name in float_outputs], "from_numpy")
        grads = _invoke(context, lambda: backend.vjp(fn, [native[n] for n in wrt], cotangents))
        _invoke(context, lambda: backend.synchronize(grads), "synchronize")
        if grads is None:
            raise _Outcome("unsupported", f"{backend.id} has no autodiff (vjp returned None)")
        actual = _invoke(context, lambda: {name: np.asarray(backend.to_numpy(g))
                                           for name, g in zip(wrt, grads, strict=True)},
                         "to_numpy")
    expected = _expected_arrays(job.case.expected_grad or {})
    judge(context, result, actual, expected, bound_for(job.concept, job.case, job.dtype, inputs),
          canonical=False)


def _pick_float_outputs(concept: Concept, out: Any, float_outputs: list[str]) -> Any:
    names = [o.name for o in concept.signature.outputs]
    if len(names) == 1:
        return out
    by_name = out if isinstance(out, dict) else dict(zip(names, out, strict=True))
    picked = tuple(by_name[n] for n in float_outputs)
    return picked[0] if len(picked) == 1 else picked


def _runner_for_check(context: Context, impl: Callable[..., Any]) -> Callable[..., Any]:
    """What checks call: the backend on NumPy inputs, its outputs checked for dtype and
    (where the spec says ``same as <input>``) shape before the check sees them."""

    def run(inputs: dict[str, np.ndarray], params: dict[str, Any]) -> dict[str, np.ndarray]:
        cast = {k: _cast_input(context.job, k, v) for k, v in inputs.items()}
        outputs = call_backend(context, impl, cast, params)
        _require_output_form(context.job, cast, outputs)
        return outputs

    return run


def _require_output_form(job: Job, inputs: dict[str, np.ndarray],
                         outputs: dict[str, np.ndarray]) -> None:
    for spec in job.concept.signature.outputs:
        value = outputs[spec.name]
        problem = check_dtype(value, spec.dtype, job.dtype)
        if problem:
            raise CheckFailed(f"output {spec.name!r}: {problem}")
        source = spec.shape.removeprefix("same as ").strip()
        if spec.shape.startswith("same as ") and source in inputs \
                and value.shape != inputs[source].shape:
            msg = (f"output {spec.name!r} has shape {value.shape}; the spec says the shape of "
                   f"{source}, {inputs[source].shape}")
            raise CheckFailed(msg)


def _cast_input(job: Job, name: str, value: np.ndarray) -> np.ndarray:
    if job.concept.signature.inputs[name].dtype == "float":
        return dtypes.cast(np.asarray(value, dtype=np.float64), job.dtype)
    return np.asarray(value)


def _run_stochastic(context: Context, impl: Callable[..., Any], result: CaseResult) -> None:
    job = context.job
    check = get_check("stochastic", job.case.check, job.concept)
    inputs = draw_inputs(job.concept, job.case)
    try:
        check(_runner_for_check(context, impl), inputs, job.case.params, job.dtype,
              **job.case.check_params)
    except CheckFailed as exc:
        result.outcome, result.message = "failed", str(exc)


def _run_properties(context: Context, impl: Callable[..., Any], result: CaseResult) -> None:
    job = context.job
    check = get_check("properties", job.case.check, job.concept)
    run = _runner_for_check(context, impl)

    def holds(inputs: dict[str, np.ndarray]) -> None:
        bound = bound_for(job.concept, job.case, job.dtype, inputs)
        check(run, inputs, job.case.params, job.dtype, bound, **job.case.check_params)

    generate = job.case.generate or {}
    round_to = rounding_dtypes(job.concept, job.case)
    examples = examples_for(job.case.max_examples, context.profile)
    drawn = property_examples.examples_of(generate, round_to, examples)
    failure = _replay(drawn, holds)
    if failure is None:
        return
    expected_to_fail = job.backend.deviation_for(job.concept.id, job.case.name,
                                                 job.dtype) is not None
    if not context.shrink or expected_to_fail or isinstance(failure, CaseTimeout):
        _report_unshrunk(drawn, failure, result)
        return
    try:  # Hypothesis meets the same failing input (same test, same seed) and shrinks it
        with property_examples.canonical_draws():
            property_examples.hypothesis_test(generate, round_to, examples, shrink=True,
                                              body=holds)()
    except CheckFailed as exc:
        result.outcome = "failed"
        result.message = f"{exc} (Hypothesis' smallest failing input shown above)"
        return
    except ExceptionGroup as group:  # several distinct failures: still the backend's
        result.outcome = "failed"
        result.message = "Hypothesis found several failures: " + "; ".join(
            f"{type(e).__name__}: {_first_line(e)}" for e in group.exceptions[:3])
        return
    # Hypothesis did not meet it again (it should): the replayed failure stands
    _report_unshrunk(drawn, failure, result)


@dataclass
class _ReplayFailure:
    index: int
    error: Exception


def _replay(drawn: list[dict[str, np.ndarray]],
            holds: Callable[[dict[str, np.ndarray]], None]) -> _ReplayFailure | None:
    """Check each drawn input in Hypothesis's order; the first failure, if any. Each
    check gets its own copy: the drawn inputs serve every backend of the process."""
    for index, inputs in enumerate(drawn):
        try:
            holds({name: value.copy() for name, value in inputs.items()})
        except Exception as exc:  # the check's or the backend's; judged by the caller
            return _ReplayFailure(index, exc)
    return None


def _report_unshrunk(drawn: list[dict[str, np.ndarray]], failure: _ReplayFailure,
                     result: CaseResult) -> None:
    """A check's failure becomes the case's, with the input printed as Hypothesis would;
    anything else (the backend raised or timed out) propagates to :func:`run_job`."""
    inputs = drawn[failure.index]
    print(f"Falsifying example {failure.index + 1} of {len(drawn)} (not shrunk): inputs = "
          + repr(inputs))
    if not isinstance(failure.error, CheckFailed):
        raise failure.error
    result.outcome = "failed"
    result.message = f"{failure.error} (Hypothesis' first failing input, not shrunk)"


KIND_RUNNERS: dict[str, Callable[[Context, Callable[..., Any], CaseResult], None]] = {
    **dict.fromkeys(VALUE_KINDS, _run_values),
    "raises": _run_raises,
    "grad": _run_grad,
    "stochastic": _run_stochastic,
    "properties": _run_properties,
}


# -- known deviations and artifacts ----------------------------------------------------


def _apply_known_deviation(job: Job, result: CaseResult) -> None:
    deviation = job.backend.deviation_for(job.concept.id, job.case.name, job.dtype)
    if deviation is None:
        return
    if result.outcome in ("failed", "error"):
        result.message = f"known deviation: {deviation.reason} ({result.message})"
        result.outcome = "known_deviation"
    elif result.outcome == "passed":
        result.outcome = "failed"
        result.message = (f"unexpected pass: {job.backend.id} lists a known deviation for "
                          f"{job.concept.id} case {deviation.case!r} dtype {deviation.dtype!r} "
                          f"({deviation.reason!r}); delete that entry")


def _write_artifact(folder: Path, job: Job, arrays: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job.id}.npz"
    np.savez(path, **{k: np.asarray(v) for k, v in arrays.items()})
    return path
