"""What PyTorch does by default where the canon pins a choice (measured, not typed in)."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from mlcanon import Backend, DefaultProbe

VALUES = [2.0, 4.0, 4.0, 5.0]
LOGITS_3D = [[[1.0, 2.0], [3.0, 0.0]], [[0.5, 0.5], [2.0, 1.0]]]
Q = [[1.0, 0.0], [0.0, 1.0]]
V = [[1.0, 2.0], [3.0, 4.0]]
CAUSAL = [[True, False], [True, True]]
NO_KEY = [[False, False], [True, True]]
PROBS = [0.2, 0.3, 0.5]
OTHER = [0.4, 0.4, 0.2]


def probes(backend: Backend) -> list[DefaultProbe]:
    import torch
    import torch.nn.functional as F

    def t(value: Any, dtype: Any = torch.float64) -> Any:
        return backend.from_numpy(np.asarray(value)).to(dtype)

    def implicit_softmax() -> Any:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch warns that the implicit dim is deprecated
            return F.softmax(t(LOGITS_3D))

    def batch_norm_running_var() -> Any:
        running_mean, running_var = t([0.0]), t([1.0])
        F.batch_norm(t([[1.0], [3.0]]), running_mean, running_var, training=True)
        return running_var

    return [
        DefaultProbe("gelu", "which GELU form by default?", "F.gelu(x)",
                     {"x": [-2.0, 1.0, 2.0]}, lambda: F.gelu(t([-2.0, 1.0, 2.0]))),
        DefaultProbe("variance", "which divisor does the variance use by default?",
                     "torch.var(x)", {"x": VALUES}, lambda: torch.var(t(VALUES))),
        DefaultProbe("softmax", "which axis without dim (3-D input)?", "F.softmax(x)",
                     {"x": LOGITS_3D}, implicit_softmax),
        DefaultProbe("binary_cross_entropy", "a confident wrong prediction (p=1, y=0)?",
                     "F.binary_cross_entropy(p, y)", {"p": [1.0], "y": [0.0]},
                     lambda: F.binary_cross_entropy(t([1.0]), t([0.0]))),
        DefaultProbe("scaled_dot_product_attention", "which way does a boolean mask point?",
                     "F.scaled_dot_product_attention(q, k, v, attn_mask=mask)",
                     {"q": Q, "k": Q, "v": V, "mask": CAUSAL},
                     lambda: F.scaled_dot_product_attention(t(Q), t(Q), t(V),
                                                            attn_mask=t(CAUSAL, torch.bool))),
        DefaultProbe("scaled_dot_product_attention", "a query that may attend to no key?",
                     "F.scaled_dot_product_attention(q, k, v, attn_mask=mask)",
                     {"q": Q, "k": Q, "v": V, "mask": NO_KEY},
                     lambda: F.scaled_dot_product_attention(t(Q), t(Q), t(V),
                                                            attn_mask=t(NO_KEY, torch.bool))),
        DefaultProbe("cosine_similarity", "a zero vector?", "F.cosine_similarity(a, b, dim=-1)",
                     {"a": [0.0, 0.0], "b": [1.0, 2.0]},
                     lambda: F.cosine_similarity(t([0.0, 0.0]), t([1.0, 2.0]), dim=-1)),
        DefaultProbe("vector_norm", "does the 2-norm survive huge entries?",
                     "torch.linalg.vector_norm(x)", {"x": [1e200, 1e200]},
                     lambda: torch.linalg.vector_norm(t([1e200, 1e200]))),
        DefaultProbe("kl_divergence", "KL(p || q) called in the canon's argument order?",
                     "F.kl_div(p, q, reduction='sum')", {"p": PROBS, "q": OTHER},
                     lambda: F.kl_div(t(PROBS), t(OTHER), reduction="sum")),
        DefaultProbe("batch_norm", "which variance goes into running_var?",
                     "F.batch_norm(x, running_mean, running_var, training=True)",
                     {"x": [[1.0], [3.0]], "running_mean": [0.0], "running_var": [1.0]},
                     batch_norm_running_var, output="running_var"),
    ]
