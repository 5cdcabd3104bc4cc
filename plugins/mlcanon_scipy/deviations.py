"""Where SciPy and scikit-learn knowingly depart from the canon (strict: see
mlcanon.KnownDeviation)."""

from mlcanon import KnownDeviation

SCIPY = "https://docs.scipy.org/doc/scipy/reference/generated/"
SKLEARN = "https://scikit-learn.org/stable/modules/generated/"


def _cases(concept: str, cases: list[str], reason: str, link: str,
           dtype: str = "*") -> tuple[KnownDeviation, ...]:
    """One strict entry per failing case, all for the same measured reason."""
    return tuple(KnownDeviation(concept, reason, link, case=case, dtype=dtype)
                 for case in cases)


_ENTROPY_RENORMALISES = (
    "scipy.stats.entropy renormalises p (and q) to sum 1 along axis: H([0.5, 0.25]) is "
    "0.6365 instead of ln 2 and KL([1, 1] || [0.5, 0.5]) is 0 instead of 2 ln 2")
_ENTROPY_RANDOM = (
    "scipy.stats.entropy renormalises each row, whose generated values sum to 1 only within "
    "about 1e-8: H moves by up to 1.0e-8 (1.4e7 eps) and KL by up to 2.2e-8 in float64")
_NORM_FLOAT64_SCALAR = (
    "for a 1-D float32 x with ord = 2 scipy.linalg.norm calls BLAS nrm2 and returns a "
    "Python float: the result is float64, not float32")
_NORM_POWER_OVERFLOWS = (
    "scipy.linalg.norm computes sum(|x|^p)^(1/p) without scaling by max|x|: ||(3, -4, 1)||_p "
    "is inf for p = 1000 (4^1000 overflows float64) and for p = 100 in float32; it is 4")
_NORM_MATRIX = (
    "with axis = None a 2-D x is a matrix to scipy.linalg.norm: ord = 2 gives the spectral "
    "norm ([[3, 0], [0, 4]] -> 4, not 5) and ord = 3 raises 'Invalid norm order for "
    "matrices'; the canon flattens")
_LOG_LOSS_FLOAT64 = ("sklearn.metrics.log_loss returns a Python float: float64 for float32 "
                     "inputs")
_LOG_LOSS_SCALAR = ("sklearn.metrics.log_loss rejects 0-d p and y with TypeError ('Input "
                    "should have at least 1 dimension')")
_LOG_LOSS_2D = ("sklearn.metrics.log_loss reads a 2-D y as multilabel targets and raises "
                "ValueError ('The object was not fitted with multilabel input') for the "
                "elementwise (4, 5) and (3, 5) batches")
_MSE_FLOAT64 = ("sklearn.metrics.mean_squared_error returns a Python float: float64 for "
                "float32 inputs")
_KMEANS_FLOAT64 = "KMeans.inertia_ is a Python float: float64 for float32 data"
_KMEANS_RELOCATES = (
    "KMeans relocates an empty cluster to the points farthest from their centroids instead "
    "of keeping its centroid: from [[0], [10]] on x = 0..3 it returns centroids [1, 3] and "
    "inertia 2 (canon [1.5, 10], 5); from [[3, 3], [4, 4], [5, 5]] on the three blobs "
    "(clusters 1 and 2 empty) it finds inertia 7.10 instead of the canon's 83.38 (85.94 "
    "instead of 127.35 after one update)")
_KMEANS_MAX_ITER_0 = ("KMeans(max_iter=0) raises InvalidParameterError ('max_iter must be an "
                      "int in the range [1, inf)'): no zero-update run")

KNOWN_DEVIATIONS: tuple[KnownDeviation, ...] = (
    *_cases("entropy", ["no_renormalisation"], _ENTROPY_RENORMALISES,
            SCIPY + "scipy.stats.entropy.html"),
    *_cases("entropy", ["random_rows", "random_rows_bits"], _ENTROPY_RANDOM,
            SCIPY + "scipy.stats.entropy.html", dtype="float64"),
    *_cases("kl_divergence", ["no_renormalisation"], _ENTROPY_RENORMALISES,
            SCIPY + "scipy.stats.entropy.html"),
    *_cases("kl_divergence", ["random_rows", "random_rows_bits"], _ENTROPY_RANDOM,
            SCIPY + "scipy.stats.entropy.html", dtype="float64"),
    KnownDeviation(
        "symmetric_eigendecomposition",
        "scipy.linalg.eigh reads only the lower triangle: [[3, 1], [3, 1]] is decomposed as "
        "[[3, 3], [3, 1]], eigenvalues 2 -+ sqrt 10 = -1.1623, 5.1623 instead of the "
        "symmetric part's 2 -+ sqrt 5",
        SCIPY + "scipy.linalg.eigh.html", case="non_symmetric_input"),
    *_cases("vector_norm", ["book_004_6_l2", "overflow_float32", "underflow_float32",
                            "zero_vector"], _NORM_FLOAT64_SCALAR,
            SCIPY + "scipy.linalg.norm.html", dtype="float32"),
    KnownDeviation("vector_norm", _NORM_POWER_OVERFLOWS, SCIPY + "scipy.linalg.norm.html",
                   case="book_004_7_p100", dtype="float32"),
    *_cases("vector_norm", ["large_p"], _NORM_POWER_OVERFLOWS,
            SCIPY + "scipy.linalg.norm.html"),
    *_cases("vector_norm", ["matrix_flattened", "random_p3_all"], _NORM_MATRIX,
            SCIPY + "scipy.linalg.norm.html"),
    KnownDeviation("binary_cross_entropy", _LOG_LOSS_FLOAT64,
                   SKLEARN + "sklearn.metrics.log_loss.html",
                   case="book_002_34_chance_level", dtype="float32"),
    *_cases("binary_cross_entropy", ["book_003_20_zero_log_zero",
                                     "book_003_21_confident_wrong"], _LOG_LOSS_SCALAR,
            SKLEARN + "sklearn.metrics.log_loss.html"),
    KnownDeviation(
        "binary_cross_entropy",
        "sklearn.metrics.log_loss accepts a (2, 1) p against a (2,) y without error: the "
        "column is read as the positive-class probabilities",
        SKLEARN + "sklearn.metrics.log_loss.html", case="column_against_row"),
    *_cases("binary_cross_entropy", ["random_mean", "reductions_agree"], _LOG_LOSS_2D,
            SKLEARN + "sklearn.metrics.log_loss.html"),
    *_cases("mse_loss", ["book_001_7", "book_003_3_rounded_optimum", "random_mean",
                         "reductions_agree"],
            _MSE_FLOAT64, SKLEARN + "sklearn.metrics.mean_squared_error.html",
            dtype="float32"),
    KnownDeviation(
        "mse_loss",
        "sklearn.metrics.mean_squared_error raises ValueError ('Found array with 0 sample(s)') "
        "on empty inputs instead of returning NaN",
        SKLEARN + "sklearn.metrics.mean_squared_error.html", case="empty_mean_is_nan"),
    KnownDeviation(
        "mse_loss",
        "sklearn.metrics.mean_squared_error accepts a (3, 1) pred against a (3,) target "
        "without error (one output column, loss 0.0 here)",
        SKLEARN + "sklearn.metrics.mean_squared_error.html", case="column_against_row"),
    *_cases("two_sample_t_test", ["one_value_sample"],
            "scipy.stats.ttest_ind does not raise for a one-value sample: a = [1], "
            "b = [1, 2, 3] gives t = -0.866, df = 2, p = 0.478 (the single value adds 0 to "
            "the pooled variance)", SCIPY + "scipy.stats.ttest_ind.html"),
    *_cases("linear_regression_ols", ["through_the_origin", "random_no_intercept"],
            "LinearRegression(fit_intercept=False).intercept_ is the Python float 0.0: "
            "float64 for float32 data",
            SKLEARN + "sklearn.linear_model.LinearRegression.html", dtype="float32"),
    *_cases("kmeans", ["tie_goes_to_lowest_index", "runs_to_convergence",
                       "max_iter_1_reassigns", "three_blobs", "two_blobs_init_in_one"],
            _KMEANS_FLOAT64, SKLEARN + "sklearn.cluster.KMeans.html", dtype="float32"),
    *_cases("kmeans", ["empty_cluster_keeps_centroid", "three_blobs_local_minimum",
                       "three_blobs_one_update"], _KMEANS_RELOCATES,
            SKLEARN + "sklearn.cluster.KMeans.html"),
    *_cases("kmeans", ["max_iter_0_returns_init", "inertia_non_increasing"],
            _KMEANS_MAX_ITER_0, SKLEARN + "sklearn.cluster.KMeans.html"),
    KnownDeviation(
        "confusion_matrix",
        "sklearn.metrics.confusion_matrix raises ValueError ('Found empty input array') for "
        "an empty batch even when labels = range(2) fixes the size",
        SKLEARN + "sklearn.metrics.confusion_matrix.html", case="no_samples"),
    KnownDeviation(
        "confusion_matrix",
        "sklearn.metrics.confusion_matrix silently drops samples whose label is not in "
        "labels = range(3): y_true = [0, 3] gives [[1, 0, 0], [0, 0, 0], [0, 0, 0]]",
        SKLEARN + "sklearn.metrics.confusion_matrix.html", case="label_at_num_classes"),
    KnownDeviation(
        "confusion_matrix",
        "sklearn.metrics.confusion_matrix takes -1 as one more class label: y_pred = [-1, 1] "
        "gives a 3 x 3 matrix over the labels [-1, 0, 1]",
        SKLEARN + "sklearn.metrics.confusion_matrix.html", case="negative_label"),
    KnownDeviation(
        "precision_recall_f1",
        "precision_recall_fscore_support(average='binary') raises ValueError ('Target is "
        "multiclass but average='binary'') instead of scoring pos_label against the rest",
        SKLEARN + "sklearn.metrics.precision_recall_fscore_support.html",
        case="multiclass_one_vs_rest"),
    KnownDeviation(
        "precision_recall_f1",
        "the same ValueError: the property draws labels 0..2 with the default "
        "average='binary', which sklearn refuses for multiclass input",
        SKLEARN + "sklearn.metrics.precision_recall_fscore_support.html",
        case="swap_exchanges_precision_and_recall"),
    KnownDeviation(
        "precision_recall_f1",
        "precision_recall_fscore_support accepts average='weighted' (1.0, 1.0, 1.0 here), "
        "outside the canon",
        SKLEARN + "sklearn.metrics.precision_recall_fscore_support.html",
        case="weighted_average"),
    KnownDeviation(
        "precision_recall_f1",
        "precision_recall_fscore_support takes -1 as one more class label: macro scores "
        "over [-1, 0, 1] give 1/3 each instead of an error",
        SKLEARN + "sklearn.metrics.precision_recall_fscore_support.html",
        case="negative_label"),
    *_cases("cosine_similarity", ["tiny_norms_clamped_separately"],
            "sklearn.metrics.pairwise.cosine_similarity has no eps: it normalises the rows, "
            "so a = b = (2^-30, 0) gives 1.0 in float64 and 8.7e-19 in float32 (the norm "
            "underflows) instead of the eps-clamped 0.00867",
            SKLEARN + "sklearn.metrics.pairwise.cosine_similarity.html"),
    KnownDeviation(
        "euclidean_distance",
        "paired_euclidean_distances squares the differences unscaled: (1e200, 0) to "
        "(0, 1e200) is inf instead of 1.414e200",
        SKLEARN + "sklearn.metrics.pairwise.paired_euclidean_distances.html",
        case="overflow_float64", dtype="float64"),
    KnownDeviation(
        "euclidean_distance",
        "paired_euclidean_distances squares the differences unscaled: in float32 the "
        "distance 5 * 2^100 = 6.3e30 comes out inf",
        SKLEARN + "sklearn.metrics.pairwise.paired_euclidean_distances.html",
        case="overflow_float32", dtype="float32"),
)
