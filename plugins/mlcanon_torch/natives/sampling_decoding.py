"""PyTorch native bindings: sampling (top-p filtering has no torch op)."""

from __future__ import annotations

import torch
import torch.nn.functional as F

from mlcanon import native


@native("torch.multinomial")
def temperature_sampling(logits: torch.Tensor, *, temperature: float = 1.0,
                         num_samples: int = 1, seed: int = 0) -> torch.Tensor:
    generator = torch.Generator(device=logits.device).manual_seed(seed)
    probs = F.softmax(logits / temperature, dim=-1)
    # torch.multinomial takes (V,) or (N, V): flatten the leading axes and restore them
    flat = probs.reshape(-1, probs.shape[-1])
    samples = torch.multinomial(flat, num_samples, replacement=True, generator=generator)
    return samples.reshape(*probs.shape[:-1], num_samples)
