"""Contract, docs and data stay in sync."""

from __future__ import annotations

import ast
import inspect
import json
import re
from pathlib import Path

import pytest

from mlcanon import hookspec
from mlcanon.backend import NATIVE_ATTRIBUTE
from mlcanon.implementations import portable_function, resolve
from mlcanon.plugins import registry
from mlcanon.spec import default_spec

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "reference" / "_catalog" / "concepts.json"
#: the catalog's home beside a checkout (absent on CI machines), which the vendored copy mirrors
UPSTREAM_CATALOG = ROOT.parent / "shared" / "catalog"
FIRST_CONCEPTS = """
softmax log_softmax logsumexp sigmoid gelu silu matmul vector_norm svd
symmetric_eigendecomposition qr_decomposition linear_regression_ols cosine_similarity
euclidean_distance rbf_kernel mse_loss binary_cross_entropy bce_with_logits
cross_entropy_from_logits kl_divergence standardize layer_norm rms_norm batch_norm adam
adamw gradient_descent linear_layer conv2d pooling dropout embedding_lookup
scaled_dot_product_attention multi_head_attention rope sinusoidal_positional_encoding
top_p_filter temperature_sampling kmeans pca logistic_regression confusion_matrix
precision_recall_f1 variance two_sample_t_test entropy perplexity weight_quantization
""".split()
BUILTIN = ("numpy:cpu", "torch:cpu", "jax:cpu", "array_api_strict:cpu")
ALL_BUILTIN = (*BUILTIN, "scipy:cpu")


def test_every_hook_is_documented():
    hooks = [f for name, f in vars(hookspec).items() if name.startswith("mlcanon_")]
    assert hooks
    for hook in hooks:
        doc = inspect.getdoc(hook) or ""
        assert ":return:" in doc, f"{hook.__name__} does not document its return value"
        for parameter in inspect.signature(hook).parameters:
            assert f":param {parameter}:" in doc, f"{hook.__name__} lacks :param {parameter}:"


def test_the_spec_loads_without_problems():
    assert [str(p) for p in default_spec().problems] == []


@pytest.mark.parametrize("file", ["oracle", "portable", "checks"])
def test_every_spec_module_imports(file):
    """Also catches a check name defined twice: names are global, so the second
    definition would otherwise replace the first for every concept naming it."""
    from mlcanon.spec import modules

    modules.import_all(file)
    assert modules.errors_text() == ""


def test_the_first_concepts_are_all_specified():
    assert sorted(set(FIRST_CONCEPTS) - set(default_spec().concepts)) == []


def test_spec_ids_and_families_come_from_the_catalog():
    catalog = {c["id"]: c for c in json.loads(CATALOG.read_text())}
    for concept in default_spec().concepts.values():
        assert concept.id in catalog, f"{concept.id} is not a catalog id"
        assert concept.family == catalog[concept.id]["family"], concept.id


@pytest.mark.skipif(not UPSTREAM_CATALOG.exists(), reason="no catalog beside this checkout")
@pytest.mark.parametrize("name", ["concepts.json", "examples.jsonl"])
def test_the_vendored_catalog_is_current(name):
    assert (ROOT / "reference" / "_catalog" / name).read_bytes() == \
        (UPSTREAM_CATALOG / name).read_bytes()


@pytest.mark.parametrize("backend_id", BUILTIN)
def test_builtin_backends_run_every_concept(backend_id):
    """Natively or through the portable implementation, every concept has code to run."""
    backend = registry().get(backend_id)
    assert backend.load_errors == {}
    spec = default_spec()
    assert sorted(c for c in spec.concepts if resolve(backend, spec.concepts[c]) is None) == []


def test_every_concept_has_a_portable_implementation():
    spec = default_spec()
    assert sorted(c.id for c in spec.concepts.values() if portable_function(c) is None) == []


def _signature_problems(concept, fn, skip_first=False):
    """Inputs named as in the spec; params keyword-only with the spec's defaults."""
    parameters = dict(inspect.signature(fn).parameters)
    if skip_first:
        parameters.pop(next(iter(parameters)))  # the array namespace of a portable function
    problems = [f"{concept.id}: no input {name!r}" for name in concept.signature.inputs
                if name not in parameters]
    for name, default in concept.signature.params.items():
        p = parameters.get(name)
        if p is None or p.kind is not inspect.Parameter.KEYWORD_ONLY:
            problems.append(f"{concept.id}: {name!r} is not a keyword-only parameter")
        elif p.default != default:
            problems.append(f"{concept.id}: {name}={p.default!r}, spec says {default!r}")
    return problems


@pytest.mark.parametrize("backend_id", ALL_BUILTIN)
def test_native_bindings_follow_the_spec_signature(backend_id):
    backend = registry().get(backend_id)
    spec = default_spec()
    problems = [f"{concept_id}: no such concept" for concept_id in backend.natives()
                if concept_id not in spec.concepts]
    for concept_id, fn in backend.natives().items():
        if concept_id in spec.concepts:
            problems += _signature_problems(spec.concepts[concept_id], fn)
    assert problems == []


def test_portable_implementations_follow_the_spec_signature():
    problems = []
    for concept in default_spec().concepts.values():
        fn = portable_function(concept)
        if fn is not None:
            problems += _signature_problems(concept, fn, skip_first=True)
    assert problems == []


@pytest.mark.parametrize("backend_id", ALL_BUILTIN)
def test_native_bindings_name_their_op(backend_id):
    unnamed = [c for c, fn in registry().get(backend_id).natives().items()
               if getattr(fn, NATIVE_ATTRIBUTE, None) is None]
    assert unnamed == []


def test_native_bindings_never_validate_or_translate_errors():
    """A binding that raises, catches or asserts would hide what the framework does."""
    found = []
    for path in sorted((ROOT / "plugins").glob("mlcanon_*/natives/*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.Raise, ast.Try, ast.Assert)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_builtin_plugins_have_the_same_file_names():
    """Every backend folder has the same top-level files (family modules under natives/
    exist only where the framework has ops of that family)."""
    plugins = sorted((ROOT / "plugins").glob("mlcanon_*"))
    layouts = {p.name: sorted(str(f.relative_to(p)) for f in p.glob("*.py"))
               + sorted(str(f.relative_to(p)) for f in p.glob("natives/__init__.py"))
               for p in plugins}
    first = next(iter(layouts.values()))
    for name, files in layouts.items():
        assert files == first, f"{name} differs from the others"


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md"])
def test_paths_named_in_docs_exist(doc):
    text = (ROOT / doc).read_text()
    paths = set(re.findall(r"`((?:mlcanon|conformance|plugins|reference|tests|benchmarks)"
                           r"/[\w./-]*)`", text))
    missing = [p for p in sorted(paths) if "<" not in p and not (ROOT / p).exists()]
    assert missing == []
