"""PyTorch on the CPU or a CUDA device, with autograd for vector-Jacobian products."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe
from mlcanon.dtypes import numpy_dtype
from mlcanon_torch import defaults
from mlcanon_torch.deviations import KNOWN_DEVIATIONS


@cache
def _torch() -> Any:
    import torch

    # The canon is computed in full precision: TF32 matmuls stay off unless a case asks.
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    return torch


def _nvidia_device_files() -> bool:
    return any(Path("/dev").glob("nvidia*")) or sys.platform != "linux"


class TorchBackend(Backend):
    name = "torch"
    native_modules = ("mlcanon_torch.natives",)
    known_deviations = KNOWN_DEVIATIONS

    def available(self) -> str | None:
        if importlib.util.find_spec("torch") is None:
            return "torch is not installed (pip install 'mlcanon[torch]')"
        if self.device == "cuda" and not _nvidia_device_files():
            # checked before importing torch, which takes seconds, on every CPU machine
            return "no NVIDIA device files (/dev/nvidia*): no CUDA GPU here"
        if self.device == "cuda" and not _torch().cuda.is_available():
            return "torch.cuda.is_available() is False (no CUDA GPU or driver here)"
        return None

    def versions(self) -> dict[str, str]:
        torch = _torch()
        return {"torch": torch.__version__, "cuda": str(torch.version.cuda),
                "numpy": np.__version__}

    def device_name(self) -> str:
        if self.device == "cuda":
            return _torch().cuda.get_device_name()
        return super().device_name()

    def namespace(self) -> Any:
        _torch()  # TF32 off before any portable implementation computes
        import array_api_compat.torch

        return array_api_compat.torch

    def from_numpy(self, array: np.ndarray) -> Any:
        torch = _torch()
        if array.dtype.name == "bfloat16":  # torch cannot read ml_dtypes' bfloat16 buffers
            exact = torch.from_numpy(np.array(array, dtype=np.float32, order="C"))
            return exact.to(device=self.device, dtype=torch.bfloat16)
        # np.array, not np.ascontiguousarray: the latter turns a 0-d array into shape (1,)
        return torch.from_numpy(np.array(array, order="C", copy=True)).to(self.device)

    def to_numpy(self, value: Any) -> np.ndarray:
        torch = _torch()
        if isinstance(value, torch.Tensor) and value.dtype == torch.bfloat16:
            return value.detach().cpu().float().numpy().astype(numpy_dtype("bfloat16"))
        if isinstance(value, torch.Tensor):
            return value.detach().cpu().numpy()
        return np.asarray(value)

    def synchronize(self, *values: Any) -> None:
        if self.device == "cuda":
            _torch().cuda.synchronize()

    def vjp(self, fn: Callable[..., Any], primals: Sequence[Any],
            cotangents: Sequence[Any]) -> tuple[Any, ...]:
        torch = _torch()
        leaves = [p.detach().requires_grad_(True) for p in primals]
        out = fn(*leaves)
        outputs = out if isinstance(out, tuple) else (out,)
        # an output that does not depend on the primals (a constant, e.g. a zero intercept)
        # has no grad_fn and contributes nothing; autograd.grad would reject it
        linked = [(o, c) for o, c in zip(outputs, cotangents, strict=True) if o.requires_grad]
        if not linked:
            return tuple(torch.zeros_like(p) for p in leaves)
        grads = torch.autograd.grad([o for o, _ in linked], leaves,
                                    grad_outputs=[c for _, c in linked], allow_unused=True)
        return tuple(torch.zeros_like(p) if g is None else g for p, g in zip(leaves, grads,
                                                                             strict=True))

    def default_probes(self) -> list[DefaultProbe]:
        return [*defaults.probes(self), *super().default_probes()]
