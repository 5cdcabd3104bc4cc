"""The losses oracles agree with SciPy and scikit-learn where they pin the same convention."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import special
from sklearn import metrics

from tests.oracles.conftest import frozen_inputs, oracle_outputs

KINDS = ("generated", "grad", "book", "edge")


def _reduce(loss: np.ndarray, reduction: str | None) -> np.ndarray:
    if reduction is None:
        return loss
    if reduction == "sum":
        return np.sum(loss)
    return np.mean(loss) if loss.size else np.float64(np.nan)


def _cases(concept_id: str):
    for case, inputs in frozen_inputs(concept_id, KINDS):
        yield case, inputs, case.params.get("reduction", "mean")


def test_mse_matches_numpy_and_sklearn(close):
    for case, inputs, reduction in _cases("mse_loss"):
        ours = oracle_outputs("mse_loss", inputs, case.params)["loss"]
        pred, target = inputs["pred"], inputs["target"]
        close(ours, _reduce((pred - target) ** 2, reduction))
        if reduction == "mean" and pred.size:
            close(ours, metrics.mean_squared_error(target.ravel(), pred.ravel()))


def test_mse_book_gradient():
    """001-7: the gradient of the mean is 2 (pred - target) / n."""
    case = next(c for c, _ in frozen_inputs("mse_loss", ("grad",)) if c.name == "grad_book_001_7")
    np.testing.assert_allclose(case.expected_grad["pred"], [-0.1, 0.1, -0.25, 0.05], atol=1e-15)


def test_bce_matches_xlogy(close):
    for case, inputs, reduction in _cases("binary_cross_entropy"):
        ours = oracle_outputs("binary_cross_entropy", inputs, case.params)["loss"]
        p, y = inputs["p"], inputs["y"]
        with np.errstate(divide="ignore"):
            theirs = -(special.xlogy(y, p) + special.xlogy(1 - y, 1 - p))
        close(ours, _reduce(theirs, reduction))


@pytest.mark.parametrize("name", ["random_mean", "book_002_34_chance_level"])
def test_bce_matches_sklearn_log_loss(name, close):
    """sklearn clips p at eps; on these cases (p far from 0 and 1) clipping changes nothing."""
    case, inputs = next((c, i) for c, i in frozen_inputs("binary_cross_entropy", KINDS)
                        if c.name == name)
    ours = oracle_outputs("binary_cross_entropy", inputs, case.params)["loss"]
    theirs = metrics.log_loss(inputs["y"].ravel(), inputs["p"].ravel(), labels=[0, 1])
    close(ours, theirs)


def test_bce_does_not_clip_where_sklearn_does():
    case, inputs = next((c, i) for c, i in frozen_inputs("binary_cross_entropy", KINDS)
                        if c.name == "no_clipping")
    ours = oracle_outputs("binary_cross_entropy", inputs, case.params)["loss"]
    clipped = metrics.log_loss([1.0], [inputs["p"][0]], labels=[0, 1])
    assert ours[0] == pytest.approx(100 * np.log(2), rel=1e-15)
    assert clipped == pytest.approx(-np.log(np.finfo(np.float64).eps), rel=1e-12)  # 36.04


def test_bce_with_logits_matches_log_expit(close):
    for case, inputs, reduction in _cases("bce_with_logits"):
        ours = oracle_outputs("bce_with_logits", inputs, case.params)["loss"]
        z, y = inputs["logits"], inputs["y"]
        theirs = -(y * special.log_expit(z) + (1 - y) * special.log_expit(-z))
        close(ours, _reduce(theirs, reduction), atol=0.0)


def test_bce_with_logits_is_bce_of_the_sigmoid(close):
    case, inputs = next((c, i) for c, i in frozen_inputs("bce_with_logits", KINDS)
                        if c.name == "random_mean")
    ours = oracle_outputs("bce_with_logits", inputs, case.params)["loss"]
    probs = {"p": special.expit(inputs["logits"]), "y": inputs["y"]}
    close(ours, oracle_outputs("binary_cross_entropy", probs, case.params)["loss"], rtol=1e-9)


def test_cross_entropy_matches_scipy_log_softmax(close):
    for case, inputs, reduction in _cases("cross_entropy_from_logits"):
        ours = oracle_outputs("cross_entropy_from_logits", inputs, case.params)["loss"]
        log_p = special.log_softmax(inputs["logits"], axis=-1)
        target = inputs["target"]
        theirs = -np.take_along_axis(log_p, target[..., None], axis=-1)[..., 0]
        close(ours, _reduce(theirs, reduction))


def test_cross_entropy_matches_sklearn_log_loss(close):
    case, inputs = next((c, i) for c, i in frozen_inputs("cross_entropy_from_logits", KINDS)
                        if c.name == "random_rows")
    ours = oracle_outputs("cross_entropy_from_logits", inputs, case.params)["loss"]
    probs = special.softmax(inputs["logits"], axis=-1)
    theirs = metrics.log_loss(inputs["target"], probs, labels=range(probs.shape[-1]))
    close(ours, theirs)


def test_cross_entropy_rejects_out_of_range_targets():
    logits = np.zeros((2, 3))
    for target in ([0, 3], [-1, 0], [-100, -100]):
        with pytest.raises(IndexError):
            oracle_outputs("cross_entropy_from_logits",
                           {"logits": logits, "target": np.array(target)}, {})
