"""The ``mlcanon`` command line."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from mlcanon import results
from mlcanon.spec import default_spec, reference_root

HARNESS = Path(__file__).resolve().parents[1] / "conformance"


def _cmd_list(args: argparse.Namespace) -> int:
    spec = default_spec()
    rows = []
    for concept in sorted(spec.concepts.values(), key=lambda c: (c.family, c.id)):
        kinds = Counter(case.kind for case in concept.cases)
        rows.append({"id": concept.id, "family": concept.family, "title": concept.title,
                     "cases": len(concept.cases), "kinds": dict(kinds),
                     "dtypes": list(concept.dtypes)})
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        for row in rows:
            kinds = " ".join(f"{k}={v}" for k, v in sorted(row["kinds"].items()))
            print(f"{row['family']:<22} {row['id']:<32} {row['cases']:>3} cases  {kinds}")
        print(f"{len(rows)} concepts, {sum(r['cases'] for r in rows)} cases")
    _print_problems(spec.problems)
    return 1 if spec.problems else 0


def _print_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        print(f"spec problem: {problem}", file=sys.stderr)


def _cmd_backends(args: argparse.Namespace) -> int:
    from mlcanon.implementations import NATIVE_PREFIX, PORTABLE, origins
    from mlcanon.plugins import registry

    found = registry()
    spec = default_spec()
    for backend in found.backends:
        reason = backend.available()
        plugin = found.plugin_of[backend.id]
        if reason is None:
            versions = ", ".join(f"{k} {v}" for k, v in backend.versions().items())
            found_origins = origins(backend, spec.concepts).values()
            native = sum(o.startswith(NATIVE_PREFIX) for o in found_origins)
            portable = sum(o == PORTABLE for o in found_origins)
            print(f"{backend.id:<12} available    plugin {plugin}; {versions}; "
                  f"{native} native + {portable} portable of {len(spec.concepts)} concepts; "
                  f"device {backend.device_name()}")
            for module, error in backend.load_errors.items():
                print(f"{'':<12} module {module} failed to import: {error}")
        else:
            print(f"{backend.id:<12} unavailable  plugin {plugin}; {reason}")
    for broken in found.broken:
        print(f"{broken.name:<12} broken       {broken.value}: {broken.error}")
    return 1 if found.broken else 0


def _cmd_explain(args: argparse.Namespace) -> int:
    spec = default_spec()
    concept = spec.concepts.get(args.concept)
    if concept is None:
        print(f"no concept {args.concept!r}; 'mlcanon list' shows them", file=sys.stderr)
        return 2
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="    ")
    print(f"{concept.title} ({concept.id}, family {concept.family})")
    print(f"\n{concept.summary}\n\ndefinition:\n  {concept.definition}")
    sig = concept.signature
    args_text = ", ".join(list(sig.inputs) + [f"{k}={v!r}" for k, v in sig.params.items()])
    outs = ", ".join(o.name for o in sig.outputs)
    print(f"\nsignature:\n  {concept.id}({args_text}) -> {outs}")
    print("\nconventions:")
    for line in concept.conventions:
        print(wrap.fill(f"- {line}"))
    print("\nsources:")
    for source in concept.sources:
        print(f"  - {source.get('book')}: {source.get('where')}")
    print(f"\ntolerance: {concept.tolerance.error_class}"
          + (f" over {concept.tolerance.over}" if concept.tolerance.over else ""))
    print(f"\ncases ({len(concept.cases)}):")
    for case in concept.cases:
        note = case.why or (f"book example {case.source}" if case.source else case.check)
        print(wrap.fill(f"- {case.name} [{case.kind}] {note}"))
    return 0


def _cmd_run(args: argparse.Namespace, extra: list[str]) -> int:
    import pytest

    command = [str(HARNESS), "-q", "-p", "no:cacheprovider"]
    for option in ("backend", "device", "dtype"):
        for value in getattr(args, option) or []:
            command += [f"--{option}", value]
    if args.results:
        command += ["--results", args.results]
    if args.k:
        command += ["-k", args.k]
    return int(pytest.main(command + extra))


def _cmd_reference(args: argparse.Namespace) -> int:
    from mlcanon.sidecars import check_concept, regenerate
    from mlcanon.spec.load import spec_files

    paths = [p for p in spec_files() if not args.concepts or p.parent.name in args.concepts]
    if args.action == "generate":
        for concept_id, count in regenerate(paths).items():
            print(f"{concept_id}: froze {count} cases")
        return 0
    spec = default_spec()
    drifts = []
    for path in paths:
        concept = spec.concepts.get(path.parent.name)
        if concept is not None:
            found = check_concept(concept)
            drifts.extend(found)
            print(f"{concept.id}: {'ok' if not found else f'{len(found)} drifted'}")
    for drift in drifts:
        print(f"drift: {drift}")
    _print_problems(spec.problems)
    print(f"{len(paths)} spec files under {reference_root()}, {len(drifts)} drifted values, "
          f"{len(spec.problems)} spec problems")
    return 1 if drifts or spec.problems else 0


def _cmd_merge(args: argparse.Namespace) -> int:
    merged = results.merge(args.files)
    Path(args.out).write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    print(f"merged {len(merged['runs'])} runs, {len(merged['results'])} results into {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from mlcanon.report.site import build, build_comparison, site_size

    out = Path(args.out)
    if args.compare:
        old, new = args.compare
        counts = build_comparison(old, new, out, args.factor)
        print("compared: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
        print(f"wrote {out / 'compare.html'}")
        return 0
    files = args.results or sorted(Path("results").glob("*.json"))
    if not files:
        print("no results files given and none in results/; run 'mlcanon run' first",
              file=sys.stderr)
        return 2
    counts = build(files, out)
    print(f"report of {counts['results']} results, {counts['concepts']} concepts, "
          f"{counts['backends']} backends from {len(files)} files: {out / 'index.html'} "
          f"({site_size(out) / 1e6:.2f} MB)")
    return 0


def _cmd_bench_show(args: argparse.Namespace) -> int:
    """Sizes, models and one timed call per backend, to check a benchmark section."""
    from mlcanon import bench
    from mlcanon.plugins import registry

    spec = default_spec()
    from mlcanon.implementations import resolve

    backends = [b for b in registry().select(devices=["cpu"]) if b.available() is None]
    status = 0
    for concept_id in args.concepts or sorted(spec.concepts):
        concept = spec.concepts.get(concept_id)
        section = concept.benchmark if concept else None
        if section is None:
            print(f"{concept_id}: no benchmark section")
            status = 1
            continue
        for size in bench.SIZES:
            shapes = {k: v.shape for k, v in section.draw(size).items()}
            times = ", ".join(f"{b.id} {bench.time_one_call(b, section, size) * 1e3:.2f} ms"
                              for b in backends if resolve(b, concept))
            models = (f"flops {section.flop_count(size):.3g} bytes "
                      f"{section.byte_count(size):.3g}; " if section.has_models else "")
            print(f"{concept_id} {size}: {shapes} {models}{times}")
    return status


def _cmd_perf(args: argparse.Namespace) -> int:
    from mlcanon.report.site import write_performance

    records = results.merge(args.results)["results"] if args.results else []
    count = write_performance(Path(args.out), Path(args.asv_results), records)
    print(f"performance page of {count} timings: {Path(args.out) / 'performance.html'}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="mlcanon", description="The executable canon of ML "
                                  "concepts: spec, backends, conformance.")
    sub = top.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="concepts with family and case counts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    sub.add_parser("backends", help="installed backends, availability and versions")
    explain = sub.add_parser("explain", help="definition, conventions and cases of a concept")
    explain.add_argument("concept")
    run = sub.add_parser("run", help="run the conformance harness (extra args go to pytest)")
    run.add_argument("--backend", action="append", help="backend name(s), e.g. numpy,torch")
    run.add_argument("--device", action="append", help="device(s), e.g. cpu")
    run.add_argument("--dtype", action="append", help="dtype(s), e.g. float32")
    run.add_argument("--results", help="results file to write")
    run.add_argument("-k", help="pytest -k expression, e.g. softmax")
    reference = sub.add_parser("reference", help="check or regenerate frozen spec values")
    reference.add_argument("action", choices=["check", "generate"])
    reference.add_argument("concepts", nargs="*", help="concept ids (default: all)")
    merge = sub.add_parser("merge", help="merge results files from several runs or machines")
    merge.add_argument("files", nargs="+", type=Path)
    merge.add_argument("--out", "-o", required=True)
    show = sub.add_parser("bench-show", help="benchmark sizes, models and one timed call")
    show.add_argument("concepts", nargs="*", help="concept ids (default: all)")
    perf = sub.add_parser("perf", help="the performance page from asv results")
    perf.add_argument("--asv-results", default=".asv/results", help="asv results folder")
    perf.add_argument("--out", default="reports/site", help="output folder")
    perf.add_argument("--results", nargs="*", default=[], metavar="FILE",
                      help="conformance results whose float32 errors sit beside the times")
    report = sub.add_parser("report", help="write the static HTML report from results files")
    report.add_argument("results", nargs="*", type=Path,
                        help="results files (default: results/*.json)")
    report.add_argument("--out", default="reports/site", help="output folder")
    report.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"),
                        help="compare two results files instead")
    report.add_argument("--factor", type=float, default=4.0,
                        help="with --compare: report errors that grew by more than this")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args, extra = parser().parse_known_args(argv)
    if args.command == "run":
        return _cmd_run(args, extra)
    if extra:
        parser().error(f"unrecognized arguments: {' '.join(extra)}")
    handlers = {"list": _cmd_list, "backends": _cmd_backends, "explain": _cmd_explain,
                "reference": _cmd_reference, "merge": _cmd_merge, "report": _cmd_report,
                "bench-show": _cmd_bench_show, "perf": _cmd_perf}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
