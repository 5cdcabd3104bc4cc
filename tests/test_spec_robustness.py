"""One bad spec input is one clear problem naming file, case and field; it never crashes
or hangs the loader, and every other concept still loads."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from mlcanon.spec import load_spec
from mlcanon.spec.benchmark import evaluate

ROOT = Path(__file__).resolve().parents[1]
SOFTMAX = ROOT / "reference" / "activations" / "softmax"
#: a second concept beside the broken one: it must load whatever softmax holds.
GOOD = ROOT / "reference" / "activations" / "sigmoid"
RANDOM_ROWS = 'generate = { x = { shape = [4, 7], dist = "normal", scale = 3.0 } }'
RAISES_CASE = """
[[cases]]
name = "rejects_zero_temperature"
kind = "raises"
inputs = { x = [1.0, 2.0] }
params = { temperature = 0.0 }
raises = "ValueError"
why = "T must be positive"
"""


def replaced(old: str, new: str) -> Callable[[str], str]:
    """An edit of softmax's spec.toml; fails loudly if the spec no longer holds ``old``."""

    def edit(text: str) -> str:
        assert old in text, f"softmax's spec.toml no longer holds {old!r}"
        return text.replace(old, new, 1)

    return edit


def in_case(case: str, line: str) -> Callable[[str], str]:
    """Add ``line`` to the case named ``case``."""
    return replaced(f'name = "{case}"\n', f'name = "{case}"\n{line}\n')


def appended(text_to_add: str) -> Callable[[str], str]:
    return lambda text: text + text_to_add


def make_reference(root: Path, edit: Callable[[str], str] | None = None,
                   edit_frozen: Callable[[dict], object] | None = None) -> Path:
    """A spec folder with a broken copy of softmax beside an untouched sigmoid."""
    bad = root / "activations" / "softmax"
    shutil.copytree(SOFTMAX, bad)
    shutil.copytree(GOOD, root / "activations" / "sigmoid")
    if edit is not None:
        spec = bad / "spec.toml"
        spec.write_text(edit(spec.read_text(encoding="utf-8")), encoding="utf-8")
    if edit_frozen is not None:
        frozen = bad / "frozen.json"
        frozen.write_text(json.dumps(edit_frozen(json.loads(frozen.read_text()))))
    return root


def softmax_problems(root: Path) -> list:
    """The problems of the broken softmax, checking that sigmoid loaded beside it."""
    loaded = load_spec(root)
    assert set(loaded.concepts) == {"sigmoid"}
    assert list(loaded.broken_files) == [str(root / "activations" / "softmax" / "spec.toml")]
    return loaded.problems


SPEC_EDITS = {
    "seed_string": (replaced("seed = 1\n", 'seed = "one"\n'),
                    "random_rows", "seed", "must be int, got str 'one'"),
    "seed_negative": (replaced("seed = 1\n", "seed = -1\n"),
                      "random_rows", "seed", "non-negative"),
    "tolerance_factor_string": (replaced('over = "x:-1"\n', 'over = "x:-1"\nfactor = "x"\n'),
                                "", "tolerance.factor", "must be int/float, got str 'x'"),
    "tolerance_over_list": (replaced('over = "x:-1"\n', "over = [1]\n"),
                            "", "tolerance.over", "must be str/int"),
    "tolerance_over_an_optional_input": (
        lambda text: replaced('over = "x:-1"\n', 'over = "scale:0"\n')(replaced(
            '[signature.params]\n', '[signature.inputs.scale]\ndtype = "float"\n'
            'shape = "(n,)"\noptional = true\n\n[signature.params]\n')(text)),
        "", "tolerance.over", "names the optional input 'scale'"),
    "wrt_int": (replaced('wrt = ["x"]\n', "wrt = 5\n"), "grad_rows", "wrt", "must be list"),
    "wrt_items": (replaced('wrt = ["x"]\n', "wrt = [[1]]\n"),
                  "grad_rows", "wrt[0]", "must hold str items"),
    "case_params_list": (replaced("params = { temperature = 0.1 }", "params = [0]"),
                         "book_002_77_tau_0_1", "params", "must be dict, got list [0]"),
    "case_inputs_int": (replaced("inputs = { x = [2.0, 1.0, 0.1] }", "inputs = 5"),
                        "book_000_32", "inputs", "must be dict, got int 5"),
    "case_input_beyond_float64": (replaced("inputs = { x = [2.0, 1.0, 0.1] }",
                                           f"inputs = {{ x = [1, {'9' * 400}] }}"),
                                  "book_000_32", "inputs.x", "is not a numeric array"),
    "case_dtypes_string": (replaced('printed_atol = 5e-7\ndtypes = ["float64", "float32"]',
                                    'printed_atol = 5e-7\ndtypes = "float32"'),
                           "book_002_77_tau_0_1", "dtypes", "must be list, got str 'float32'"),
    "concept_dtypes_string": (replaced('dtypes = ["float64", "float32", "float16"]',
                                       'dtypes = "float32"'),
                              "", "dtypes", "must be list, got str 'float32'"),
    "max_examples_string": (in_case("rows_sum_to_one", 'max_examples = "many"'),
                            "rows_sum_to_one", "max_examples", "must be int, got str 'many'"),
    "max_examples_zero": (in_case("rows_sum_to_one", "max_examples = 0"),
                          "rows_sum_to_one", "max_examples", "positive"),
    "tolerance_factor_of_a_case": (in_case("axis_0", 'tolerance_factor = "big"'),
                                   "axis_0", "tolerance_factor", "must be int/float"),
    "tolerance_factor_negative": (in_case("axis_0", "tolerance_factor = -2.0"),
                                  "axis_0", "tolerance_factor", "positive finite"),
    "check_params_int": (replaced("check_params = { axis = -1 }", "check_params = 3"),
                         "rows_sum_to_one", "check_params", "must be dict, got int 3"),
    "generate_int": (replaced(RANDOM_ROWS, "generate = 5"),
                     "random_rows", "generate", "must be dict, got int 5"),
    "generate_entry_int": (replaced(RANDOM_ROWS, "generate = { x = 5 }"),
                           "random_rows", "generate.x", "must be a table with shape and dist"),
    "generate_shape_string": (replaced(RANDOM_ROWS, 'generate = { x = { shape = "4, 7" } }'),
                              "random_rows", "generate.x.shape", "must be a list of"),
    "generate_shape_negative": (replaced(RANDOM_ROWS, "generate = { x = { shape = [4, -7] } }"),
                                "random_rows", "generate.x.shape", "non-negative integers"),
    "generate_unknown_dist": (replaced(RANDOM_ROWS, 'generate = { x = { shape = [4], '
                                                    'dist = "gauss" } }'),
                              "random_rows", "generate.x.dist", "unknown distribution 'gauss'"),
    "output_name_list": (replaced('outputs = [{ name = "y", dtype = "float", shape = "same as x"',
                                  'outputs = [{ name = ["y"], shape = "same as x"'),
                         "", "signature.outputs[0]", "must be a table with at least a name"),
    "input_shape_int": (replaced('shape = "(..., n)"', "shape = 3"),
                        "", "signature.inputs.x.shape", "must be str, got int 3"),
    "conventions_items": (replaced("conventions = [\n", "conventions = [\n  7,\n"),
                          "", "conventions[0]", "must hold str items"),
    "benchmark_division_by_zero": (replaced('flops = "5 * n * d"', 'flops = "n / 0"'),
                                   "", "benchmark.flops", "'n / 0' divides by zero"),
    "benchmark_huge_power": (replaced('flops = "5 * n * d"', 'flops = "2.0 ** n"'),
                             "", "benchmark.flops", "'2.0 ** n' exceeds"),
    "benchmark_sizes_string": (replaced('small = { n = 16, d = 64 }', 'small = "tiny"'),
                               "", "benchmark.sizes.small", "must be a table of symbols"),
    "benchmark_shape_string": (replaced('x = { shape = ["n", "d"], dist = "normal", scale = 4.0 }',
                                        'x = { shape = "n", dist = "normal" }'),
                               "", "benchmark.inputs.x.shape", "needs a list shape"),
    "benchmark_fractional_axis": (replaced('x = { shape = ["n", "d"]',
                                           'x = { shape = ["n / 3", "d"]'),
                                  "", "benchmark.inputs.x.shape", "not a whole number"),
    "benchmark_dtype_unknown": (replaced('dtype = "float32"\n# per', 'dtype = "float8"\n# per'),
                                "", "benchmark.dtype", "unknown benchmark dtype 'float8'"),
    "raises_unknown_exception": (appended(RAISES_CASE.replace('"ValueError"', '"NoSuchError"')),
                                 "rejects_zero_temperature", "raises",
                                 "'NoSuchError' is not a builtin exception class"),
    "raises_not_an_exception": (appended(RAISES_CASE.replace('"ValueError"', '"print"')),
                                "rejects_zero_temperature", "raises",
                                "'print' is not a builtin exception class"),
    "match_invalid_regex": (appended(RAISES_CASE + 'match = "(["\n'),
                            "rejects_zero_temperature", "match",
                            "is not a valid regular expression"),
}


@pytest.mark.parametrize("bad", SPEC_EDITS.values(), ids=SPEC_EDITS.keys())
def test_a_bad_spec_field_is_one_problem_naming_case_and_field(tmp_path, bad):
    edit, case, field, words = bad
    problems = softmax_problems(make_reference(tmp_path, edit))
    named = [p for p in problems if p.case == case and p.field == field]
    assert named, "\n".join(map(str, problems))
    assert any(words in p.message for p in named), "\n".join(map(str, named))
    assert all(p.path.endswith("spec.toml") for p in problems)


def random_rows_set_to(key: str, value: object) -> Callable[[dict], dict]:
    """A sidecar edit: the record of case random_rows with ``key`` set (or deleted)."""

    def edit(frozen: dict) -> dict:
        record = dict(frozen["cases"]["random_rows"])
        if value is None:
            del record[key]
        else:
            record[key] = value
        return {**frozen, "cases": {**frozen["cases"], "random_rows": record}}

    return edit


FROZEN_EDITS = {
    "a_list": (lambda frozen: [frozen], "", "", "must hold a JSON object, got list"),
    "cases_a_list": (lambda frozen: {**frozen, "cases": [1]},
                     "", "cases", "must map case names to records, got list"),
    "provenance_a_string": (lambda frozen: {**frozen, "provenance": "x"},
                            "", "provenance", "provenance must be an object"),
    "record_not_a_table": (lambda frozen: {**frozen, "cases": {**frozen["cases"],
                                                               "random_rows": 5}},
                           "random_rows", "", "frozen record in frozen.json must be an object"),
    "inputs_missing": (random_rows_set_to("inputs", None),
                       "random_rows", "inputs", "has no inputs"),
    "inputs_a_list": (random_rows_set_to("inputs", [1.0]),
                      "random_rows", "inputs", "must be an object of arrays, got list"),
    "expected_a_string": (random_rows_set_to("expected", "y"),
                          "random_rows", "expected", "must be an object of arrays, got str"),
    "expected_not_numeric": (random_rows_set_to("expected", {"y": [[1.0], "many"]}),
                             "random_rows", "expected.y", "is not a numeric array"),
    "expected_a_table_of_values": (random_rows_set_to("expected", {"y": {"shape": [2, 3],
                                                                         "values": []}}),
                                   "random_rows", "expected.y", "is not a numeric array"),
    "cotangent_a_number": (lambda frozen: {**frozen, "cases": {
        **frozen["cases"], "grad_rows": {**frozen["cases"]["grad_rows"], "cotangent": 1.0}}},
        "grad_rows", "cotangent", "must be an object of arrays, got float"),
}


@pytest.mark.parametrize("bad", FROZEN_EDITS.values(), ids=FROZEN_EDITS.keys())
def test_a_misshapen_sidecar_is_one_problem_naming_case_and_field(tmp_path, bad):
    edit, case, field, words = bad
    problems = softmax_problems(make_reference(tmp_path, edit_frozen=edit))
    named = [p for p in problems if p.case == case and p.field == field]
    assert named, "\n".join(map(str, problems))
    assert any(words in p.message and "frozen.json" in p.message for p in named), \
        "\n".join(map(str, named))


HUGE_POWER = """
import sys
from pathlib import Path
from mlcanon.spec import load_spec
loaded = load_spec(Path(sys.argv[1]))
print(sorted(loaded.concepts))
print("\\n".join(map(str, loaded.problems)))
"""


def test_a_huge_power_in_a_benchmark_is_refused_without_computing_it(tmp_path):
    """``9 ** 9 ** 9`` has 370 million digits: computing it hangs every command. In a
    subprocess so that a regression fails on the timeout instead of hanging the suite."""
    root = make_reference(tmp_path, replaced('flops = "5 * n * d"', 'flops = "9 ** 9 ** 9"'))
    run = subprocess.run([sys.executable, "-c", HUGE_POWER, str(root)], capture_output=True,
                         text=True, timeout=60, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert "['sigmoid']" in run.stdout
    assert "field 'benchmark.flops'" in run.stdout
    assert "'9 ** 9 ** 9' exceeds" in run.stdout


@pytest.mark.parametrize("expression", [
    "(-8) ** 0.5",   # complex
    "min()",         # arity
    "0 ** -1",       # division by zero
    "0.5 ** -1000",  # a huge power of a small base
    "1e200 * 1e200",  # infinity
    "1 +",
    "True + 1",
])
def test_benchmark_expressions_are_bounded_real_arithmetic(expression):
    with pytest.raises(ValueError):
        evaluate(expression, {"n": 3})


EMPTY_BATCH = """
[[cases]]
name = "empty_batch"
kind = "edge"
why = "a batch of no rows keeps its row length"
inputs = { x = { shape = [0, 3], values = [] } }
expected = { shape = [0, 3], values = [] }
"""


@pytest.mark.parametrize("shape", [(0, 3), (2, 0, 3), (0,), (2, 0), (), (2, 3)])
def test_every_array_shape_survives_the_sidecar(shape):
    """Nested lists lose the axes after an empty one: those arrays are written as a table."""
    from mlcanon.spec.values import to_array, to_json

    array = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    again = to_array(json.loads(json.dumps(to_json(array))))
    np.testing.assert_array_equal(again, array, strict=True)


def test_an_empty_array_with_its_shape_is_a_spec_literal(tmp_path):
    from mlcanon.plugins import registry
    from mlcanon.runner import Job, run_job

    softmax = load_spec(make_reference(tmp_path, appended(EMPTY_BATCH))).concepts["softmax"]
    case = next(c for c in softmax.cases if c.name == "empty_batch")
    result = run_job(Job(softmax, case, registry().get("numpy:cpu"), "float64"))
    assert result.outcome == "passed", result.message
