"""MLX on the CPU (or an Apple GPU through Metal): lazy arrays, mx.vjp for gradients.

MLX builds a graph and computes nothing until a value is asked for: ``synchronize``
forces it with ``mx.eval``, so a timed call includes the computation. Its arrays carry
``__array_namespace__`` (``mlx.core`` itself), which the portable implementations use as
their array API namespace; what that namespace lacks shows up as failing portable cases,
recorded as known deviations of this backend with the missing function named.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon.dtypes import numpy_dtype
from mlcanon_mlx import defaults
from mlcanon_mlx.deviations import KNOWN_DEVIATIONS


@cache
def _mx() -> Any:
    import mlx.core

    _give_arrays_a_device(mlx.core)
    return mlx.core


def _give_arrays_a_device(mx: Any) -> None:
    """The standard's ``x.device``, which portable code reads through
    ``array_api_compat.device``: MLX arrays live in unified memory and have none (an op
    runs on the stream or device it is given), so the answer is the default device, the one
    the namespace's creation functions then use."""
    if not hasattr(mx.array, "device"):
        mx.array.device = property(lambda self: mx.default_device())


class _Linalg:
    """``xp.linalg``: MLX's decompositions run on the CPU stream only."""

    def __init__(self, mx: Any) -> None:
        self._mx = mx

    def svd(self, x: Any, /, *, full_matrices: bool = True) -> tuple[Any, Any, Any]:
        u, s, vh = self._mx.linalg.svd(x, stream=self._mx.cpu)  # always the full U and Vh
        if full_matrices:
            return u, s, vh
        k = s.shape[-1]
        return u[..., :k], s, vh[..., :k, :]

    def qr(self, x: Any, /, *, mode: str = "reduced") -> tuple[Any, Any]:
        # mx.linalg.qr computes the reduced form only; mode="complete" reaches it unchanged
        # and fails there, which is the finding
        return self._mx.linalg.qr(x, stream=self._mx.cpu, **({} if mode == "reduced" else
                                                            {"mode": mode}))

    def eigh(self, x: Any, /) -> tuple[Any, Any]:
        return self._mx.linalg.eigh(x, stream=self._mx.cpu)

    def diagonal(self, x: Any, /, *, offset: int = 0) -> Any:
        return self._mx.diagonal(x, offset=offset, axis1=-2, axis2=-1)

    def vector_norm(self, x: Any, /, *, axis: Any = None, keepdims: bool = False,
                    ord: float = 2) -> Any:
        mx = self._mx
        if axis is None:  # the standard flattens; mx.linalg.norm would take a matrix norm
            flat = mx.linalg.norm(mx.reshape(x, (-1,)), ord=ord, axis=0)
            return mx.reshape(flat, (1,) * x.ndim) if keepdims else flat
        return mx.linalg.norm(x, ord=ord, axis=axis, keepdims=keepdims)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._mx.linalg, name)


class _Namespace:
    """``mlx.core`` as a Python array API namespace, adapted where MLX's spelling differs.

    ``mlx.core`` is what MLX arrays name in ``__array_namespace__`` (array-api-compat has
    no MLX module), but it departs from the standard: creation functions take ``stream``,
    not ``device``; there is no ``xp.bool`` (``bool_``), ``linalg.vector_norm`` nor
    ``cumulative_sum(include_initial=)``; ``sort``/``argsort`` have no ``descending``;
    ``clip`` names its bounds ``a_min``/``a_max``; ``unique`` needs the output ``size``;
    there is no ``signbit``;
    ``svd`` always returns the full factors; ``asarray`` turns float64 NumPy arrays into
    float32. Each is bridged here by renaming arguments or composing MLX ops; everything
    else is ``mlx.core`` itself.
    """

    def __init__(self, mx: Any) -> None:
        self._mx = mx
        self.linalg = _Linalg(mx)
        self.bool = mx.bool_
        self.__array_api_version__ = "2023.12"

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._mx, name)
        if name in _CREATION:
            return _on_device(found)
        return found

    def asarray(self, obj: Any, /, *, dtype: Any = None, device: Any = None,
                copy: bool | None = None) -> Any:
        mx = self._mx
        if dtype is None and isinstance(obj, np.ndarray | np.generic):
            dtype = _mlx_dtype(mx, np.asarray(obj).dtype)
        if isinstance(obj, mx.array):
            return obj if dtype is None or obj.dtype == dtype else obj.astype(dtype)
        return mx.array(obj, dtype=dtype)

    def full(self, shape: Any, fill_value: Any, *, dtype: Any = None,
             device: Any = None) -> Any:
        return self._mx.full(shape, fill_value, dtype=dtype)

    def full_like(self, x: Any, /, fill_value: Any, *, dtype: Any = None,
                  device: Any = None) -> Any:
        return self._mx.full_like(x, fill_value, dtype=dtype)

    def astype(self, x: Any, dtype: Any, /, *, copy: bool = True, device: Any = None) -> Any:
        return self._mx.astype(x, dtype)

    def clip(self, x: Any, /, min: Any = None, max: Any = None) -> Any:
        return self._mx.clip(x, min, max)

    def sort(self, x: Any, /, *, axis: int = -1, descending: bool = False,
             stable: bool = True) -> Any:
        return self._mx.take_along_axis(x, self.argsort(x, axis=axis, descending=descending),
                                        axis=axis)

    def argsort(self, x: Any, /, *, axis: int = -1, descending: bool = False,
                stable: bool = True) -> Any:
        mx = self._mx
        # mx.argsort is a stable ascending sort; descending and stable: sort -x
        order = mx.argsort(-x if descending else x, axis=axis)
        return order.astype(mx.int64)

    def cumulative_sum(self, x: Any, /, *, axis: int | None = None, dtype: Any = None,
                       include_initial: bool = False) -> Any:
        mx = self._mx
        axis = 0 if axis is None else axis
        total = mx.cumsum(x if dtype is None else x.astype(dtype), axis=axis)
        if not include_initial:
            return total
        shape = list(total.shape)
        shape[axis] = 1
        return mx.concatenate([mx.zeros(shape, dtype=total.dtype), total], axis=axis)

    def signbit(self, x: Any, /) -> Any:
        mx = self._mx
        # no mx.signbit: the sign is the top bit of the same-width signed integer view
        signed = {mx.float16: mx.int16, mx.bfloat16: mx.int16, mx.float32: mx.int32,
                  mx.float64: mx.int64}.get(x.dtype)
        # (of a constant: a bit view has no derivative, and a sign has none to give)
        return x < 0 if signed is None else mx.stop_gradient(x).view(signed) < 0

    def unique_values(self, x: Any, /) -> Any:
        mx = self._mx
        flat = mx.sort(mx.reshape(x, (-1,)))
        # MLX shapes are static: unique needs its output size, counted first
        count = 0 if flat.size == 0 else 1 + int(mx.sum(flat[1:] != flat[:-1]).item())
        return mx.unique(flat, size=count)


#: creation functions: the standard's ``device=`` is MLX's ``stream=``.
_CREATION = frozenset({"arange", "empty", "empty_like", "eye", "linspace", "ones", "ones_like",
                       "zeros", "zeros_like"})


def _on_device(create: Callable[..., Any]) -> Callable[..., Any]:
    def created(*args: Any, device: Any = None, **kwargs: Any) -> Any:
        return create(*args, **kwargs) if device is None else create(*args, stream=device,
                                                                     **kwargs)

    return created


def _mlx_dtype(mx: Any, dtype: np.dtype) -> Any:
    return getattr(mx, "bool_" if dtype.kind == "b" else dtype.name, None)


#: set to 1 to run float64 on the CPU anyway (its measured deviations are in the data)
FLOAT64_VARIABLE = "MLCANON_MLX_FLOAT64"


class MlxBackend(Backend):
    name = "mlx"
    dtypes = ("float16", "bfloat16", "float32")
    native_modules = ("mlcanon_mlx.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def __init__(self, device: str = "cpu") -> None:
        super().__init__(device)
        if device == "cpu" and os.environ.get(FLOAT64_VARIABLE) == "1":
            self.dtypes = (*self.dtypes, "float64")

    def available(self) -> str | None:
        if importlib.util.find_spec("mlx") is None:
            return "mlx is not installed (pip install 'mlx[cpu]' on Linux, 'mlx' on macOS)"
        if self.device == "cpu":
            return None  # every MLX build has its CPU device; importing mlx here costs a run
        mx = _mx()
        if not mx.is_available(self._device()):
            return f"mlx {mx.__version__} has no {self.device} device here (Metal: macOS only)"
        return None

    def dtype_reason(self, dtype: str) -> str:
        if dtype != "float64":
            return super().dtype_reason(dtype)
        if self.device == "gpu":
            return "MLX runs float64 on the CPU only; Metal has no 64-bit float"
        # measured: run with MLCANON_MLX_FLOAT64=1 to see every case
        return ("MLX's CPU float64 is float32-accurate in exp, sin, cos and erf "
                "(mlx#3047: mx.exp(2.0) = 7.389055728912354), in mx.fast.layer_norm and "
                "rms_norm, in convolutions and in optimizer learning rates, so float64 "
                f"results carry ~1e-8 relative errors; {FLOAT64_VARIABLE}=1 runs it")

    def _device(self) -> Any:
        mx = _mx()
        return mx.gpu if self.device == "gpu" else mx.cpu

    def _use_device(self) -> Any:
        mx = _mx()
        mx.set_default_device(self._device())
        return mx

    def versions(self) -> dict[str, str]:
        return {"mlx": _mx().__version__, "numpy": np.__version__}

    def namespace(self) -> Any:
        return _namespace(self._use_device())

    def from_numpy(self, array: np.ndarray) -> Any:
        mx = self._use_device()
        if array.dtype.name == "bfloat16":  # no PEP 3118 code for bfloat16: go through float32
            return mx.array(np.asarray(array, dtype=np.float32)).astype(mx.bfloat16)
        # mx.array turns a float64 NumPy array into float32 unless told the dtype
        return mx.array(np.array(array, copy=True), dtype=_mlx_dtype(mx, array.dtype))

    def to_numpy(self, value: Any) -> np.ndarray:
        mx = _mx()
        if isinstance(value, mx.array) and value.dtype == mx.bfloat16:
            return np.array(value.astype(mx.float32)).astype(numpy_dtype("bfloat16"))
        if isinstance(value, mx.array):
            return np.array(value)
        return np.asarray(value)

    def synchronize(self, *values: Any) -> None:
        # lazy evaluation: nothing is computed until mx.eval (or a read) asks for it
        _mx().eval(_arrays(values))

    def vjp(self, fn: Callable[..., Any], primals: Sequence[Any],
            cotangents: Sequence[Any]) -> tuple[Any, ...]:
        def outputs(*args: Any) -> list[Any]:  # mx.vjp wants a list of outputs
            out = fn(*args)
            return list(out) if isinstance(out, tuple) else [out]

        _, grads = _mx().vjp(outputs, list(primals), list(cotangents))
        return tuple(grads)

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]


@cache
def _namespace(mx: Any) -> _Namespace:
    return _Namespace(mx)


def _arrays(values: Any) -> list[Any]:
    """The arrays among ``values`` (tuples, lists and dicts of them); ``mx.eval`` rejects
    anything else, such as the Python scalars a portable implementation may return."""
    mx = _mx()
    if isinstance(values, mx.array):
        return [values]
    if isinstance(values, dict):
        values = list(values.values())
    if isinstance(values, (tuple, list)):
        return [a for v in values for a in _arrays(v)]
    return []
