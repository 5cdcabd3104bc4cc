"""Planted bug: classifier-free guidance that reads the weight w as diffusers' guidance
scale s, computing uncond + w * (cond - uncond) where the canon's w means s = 1 + w."""

import numpy as np


def classifier_free_guidance(cond, uncond, *, w=1.0):
    return np.asarray(uncond + w * (cond - uncond), dtype=cond.dtype)
