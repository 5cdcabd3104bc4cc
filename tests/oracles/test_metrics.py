"""The metrics oracles agree with scikit-learn where it pins the same convention."""

from __future__ import annotations

import warnings

import numpy as np
from sklearn import metrics

from tests.oracles.conftest import concept, frozen_inputs, oracle_outputs

KINDS = ("book", "edge", "generated")


def test_confusion_matrix_matches_sklearn():
    for case, inputs in frozen_inputs("confusion_matrix", KINDS):
        y_true, y_pred = inputs["y_true"], inputs["y_pred"]
        if y_true.size == 0:
            continue  # sklearn refuses an empty batch; the canon gives zeros (edge case)
        ours = oracle_outputs("confusion_matrix", inputs, case.params)["matrix"]
        k = case.params.get("num_classes") or int(max(y_true.max(), y_pred.max())) + 1
        # sklearn: rows = true labels, columns = predicted, in the order of `labels`
        theirs = metrics.confusion_matrix(y_true, y_pred, labels=list(range(k)))
        np.testing.assert_array_equal(ours, theirs, err_msg=case.name)


def test_confusion_matrix_book_and_edge_values_are_the_oracles():
    for case in concept("confusion_matrix").cases:
        if case.kind in ("book", "edge"):
            inputs = {k: np.asarray(v, dtype=np.int64) for k, v in case.inputs.items()}
            ours = oracle_outputs("confusion_matrix", inputs, case.params)["matrix"]
            np.testing.assert_array_equal(ours, case.expected["matrix"], err_msg=case.name)


def test_precision_recall_f1_matches_sklearn(close):
    for case, inputs in frozen_inputs("precision_recall_f1", KINDS):
        params = {"average": "binary", "pos_label": 1, "zero_division": 0.0, **case.params}
        ours = oracle_outputs("precision_recall_f1", inputs, case.params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if params["average"] == "binary":
                # one-vs-rest for pos_label; sklearn's 'binary' refuses multiclass labels,
                # labels=[pos_label] with average=None scores the same one-vs-rest problem
                p, r, f, _ = metrics.precision_recall_fscore_support(
                    inputs["y_true"], inputs["y_pred"], labels=[params["pos_label"]],
                    average=None, zero_division=params["zero_division"])
                theirs = (p[0], r[0], f[0])
            else:
                theirs = metrics.precision_recall_fscore_support(
                    inputs["y_true"], inputs["y_pred"], average="macro",
                    zero_division=params["zero_division"])[:3]
        for name, value in zip(("precision", "recall", "f1"), theirs, strict=True):
            np.testing.assert_equal(np.isnan(ours[name]), np.isnan(value), err_msg=case.name)
            if not np.isnan(value):
                close(ours[name], value, rtol=1e-15, atol=0)


def test_precision_recall_f1_binary_matches_sklearn_binary(close):
    """On two-class labels sklearn's own average='binary' gives the same numbers."""
    for case, inputs in frozen_inputs("precision_recall_f1", KINDS):
        labels = set(inputs["y_true"].tolist()) | set(inputs["y_pred"].tolist())
        if case.params.get("average", "binary") != "binary" or not labels <= {0, 1}:
            continue
        zero_division = case.params.get("zero_division", 0.0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs = metrics.precision_recall_fscore_support(
                inputs["y_true"], inputs["y_pred"], average="binary",
                pos_label=case.params.get("pos_label", 1), zero_division=zero_division)[:3]
        ours = oracle_outputs("precision_recall_f1", inputs, case.params)
        for name, value in zip(("precision", "recall", "f1"), theirs, strict=True):
            if np.isnan(value):
                assert np.isnan(ours[name]), case.name
            else:
                close(ours[name], value, rtol=1e-15, atol=0)
