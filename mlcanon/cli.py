"""The ``mlcanon`` command line."""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from mlcanon import results
from mlcanon.recording import parts_folder
from mlcanon.spec import default_spec, reference_root

HARNESS = Path(__file__).resolve().parents[1] / "conformance"
#: what ``mlcanon report`` writes into a site folder, removed before a new build so no
#: page of an earlier report (a concept or backend no longer run) stays behind.
DEFAULT_ASV_RESULTS = Path(".asv") / "results"
SITE_FOLDERS = ("concepts", "backends", "tables")
SITE_PAGES = ("index.html", "conventions.html", "errata.html", "agreement.html",
              "performance.html", "compare.html")
#: every page of the site ends its title with this: how a folder is known as a site.
SITE_MARKER = "· mlcanon</title>"


class UsageError(Exception):
    """A bad argument: the command stops with exit code 2 before writing anything."""


def case_timeout(text: str) -> float:
    """``--case-timeout``: a finite number of seconds, 0 for no limit."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        msg = f"must be a finite number of seconds >= 0 (0 disables it), not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return seconds


def growth_factor(text: str) -> float:
    """``--factor``: a NaN or non-positive factor would make every growth test false."""
    try:
        factor = float(text)
    except ValueError:
        factor = math.nan
    if not math.isfinite(factor) or factor <= 0:
        msg = f"must be a finite number > 0, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return factor


def _existing_files(paths: Sequence[Path | str], what: str) -> list[Path]:
    """The paths as given, each checked to be a file, so a typo is a usage error."""
    for path in map(Path, paths):
        if not path.is_file() and not parts_folder(path).is_dir():  # parts: a run that died
            problem = "is a folder" if path.is_dir() else "does not exist"
            msg = f"{what} {path} {problem}"
            raise UsageError(msg)
    return [Path(p) for p in paths]


def _is_site(folder: Path) -> bool:
    pages = [folder / name for name in SITE_PAGES if (folder / name).is_file()]
    return any(SITE_MARKER in page.read_text(encoding="utf-8", errors="replace")
               for page in pages)


def _prepare_site(out: Path, *, clean: bool) -> None:
    """Check ``--out`` is a new, empty or mlcanon site folder; with ``clean``, remove what
    an earlier report wrote there (an ``asv/`` dashboard and other files stay)."""
    if out.exists() and not out.is_dir():
        msg = f"--out {out} is a file, not a site folder"
        raise UsageError(msg)
    if not out.exists() or not any(out.iterdir()):
        return
    if not _is_site(out):
        msg = (f"--out {out} is a non-empty folder that is not an mlcanon site; give a new "
               f"or empty folder")
        raise UsageError(msg)
    if clean:
        for name in SITE_FOLDERS:
            shutil.rmtree(out / name, ignore_errors=True)
        for name in SITE_PAGES:
            (out / name).unlink(missing_ok=True)


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
    for option in ("backend", "device", "dtype", "concept", "family", "case"):
        for value in getattr(args, option) or []:
            command += [f"--{option}", value]
    if args.results:
        command += ["--results", args.results]
    if args.k:
        command += ["-k", args.k]
    if args.case_timeout is not None:
        command += ["--case-timeout", str(args.case_timeout)]
    if args.profile:
        command += ["--profile", args.profile]
    if args.no_shrink:
        command.append("--no-shrink")
    if not any(a == "-n" or a.startswith(("-n", "--numprocesses")) for a in extra):
        # cases run in worker processes: a crash costs one case, and every core works
        command += ["-n", "auto"]
    return int(pytest.main(command + extra))


def _cmd_reference(args: argparse.Namespace) -> int:
    from mlcanon.sidecars import check_concept, regenerate
    from mlcanon.spec.load import spec_files

    all_paths = spec_files()
    unknown = sorted(set(args.concepts) - {p.parent.name for p in all_paths})
    if unknown:
        msg = (f"no concept {', '.join(map(repr, unknown))} under {reference_root()}; "
               f"'mlcanon list' shows them")
        raise UsageError(msg)
    paths = [p for p in all_paths if not args.concepts or p.parent.name in args.concepts]
    if args.action == "generate":
        for concept_id, count in regenerate(paths).items():
            print(f"{concept_id}: froze {count} cases")
        return 0
    spec = default_spec()
    drifts = []
    for path in paths:
        concept = spec.concepts.get(path.parent.name)
        if concept is None:  # its spec problems are printed below and fail the check
            print(f"{path.parent.name}: not checked, its spec file does not load")
            continue
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
    out = Path(args.out)
    if out.is_dir():
        msg = f"--out {out} is a folder; give the merged results file's path"
        raise UsageError(msg)
    merged = results.merge(_existing_files(args.files, "results file"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    print(f"merged {len(merged['runs'])} runs, {len(merged['results'])} results into {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from mlcanon.report.site import build, build_comparison, site_size

    out = Path(args.out)
    if args.compare:
        old, new = _existing_files(args.compare, "--compare file")
        for path in (old, new):
            results.read(path)  # bad input stops here, before the site is touched
        _prepare_site(out, clean=False)
        counts = build_comparison(old, new, out, args.factor)
        print("compared: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()))
        print(f"wrote {out / 'compare.html'}")
        return 0
    files = args.results or sorted(Path("results").glob("*.json"))
    if not files:
        print("no results files given and none in results/; run 'mlcanon run' first",
              file=sys.stderr)
        return 2
    results.merge(_existing_files(files, "results file"))  # checked before the site is touched
    _prepare_site(out, clean=True)
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

    backends = [b for b in registry().select(names=args.backend or None, devices=["cpu"])
                if b.available() is None]
    status = 0
    for concept_id in args.concepts or sorted(spec.concepts):
        concept = spec.concepts.get(concept_id)
        section = concept.benchmark if concept else None
        if section is None:
            print(f"{concept_id}: no benchmark section")
            status = 1
            continue
        for size in args.size or bench.SIZES:
            shapes = {k: v.shape for k, v in section.draw(size).items()}
            times = ", ".join(
                f"{b.id} {bench.time_one_call(b, section, size, args.repeat) * 1e3:.3g} ms"
                for b in backends if resolve(b, concept))
            models = (f"flops {section.flop_count(size):.3g} bytes "
                      f"{section.byte_count(size):.3g}; " if section.has_models else "")
            print(f"{concept_id} {size}: {shapes} {models}{times}")
    return status


def _cmd_perf(args: argparse.Namespace) -> int:
    from mlcanon.report.site import write_performance

    files = _existing_files(args.results, "--results file")
    records = results.merge(files)["results"] if files else []
    if args.asv_results is not None and not Path(args.asv_results).is_dir():
        msg = f"--asv-results {args.asv_results} is not a folder"
        raise UsageError(msg)
    _prepare_site(Path(args.out), clean=False)
    asv_results = Path(args.asv_results or DEFAULT_ASV_RESULTS)
    count = write_performance(Path(args.out), asv_results, records)
    print(f"performance page of {count} timings: {Path(args.out) / 'performance.html'}")
    return 0


def _cmd_new_backend(args: argparse.Namespace) -> int:
    from mlcanon import scaffold

    try:
        folder = scaffold.write(args.name, Path(args.out))
    except scaffold.ScaffoldError as exc:
        raise UsageError(str(exc)) from exc
    print(f"wrote the plugin package {folder}: every concept runs through its portable "
          f"implementation on it until natives/ binds an op")
    print(f"  pip install -e {folder}          # registers the entry point {args.name!r}")
    print(f"  mlcanon backends                  # {args.name}:cpu, 0 native + all portable")
    print(f"  pytest {folder / 'tests'} -k softmax    # the canon's cases, by concept")
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
    run.add_argument("--concept", action="append", help="concept id(s), e.g. softmax,gelu")
    run.add_argument("--family", action="append", help="families, e.g. losses,optimizers")
    run.add_argument("--case", action="append",
                     help="case names or patterns, e.g. book_001,random_*")
    run.add_argument("--profile", choices=["quick", "standard", "thorough"],
                     help="Hypothesis examples per properties case (default: standard)")
    run.add_argument("--no-shrink", action="store_true",
                     help="report properties failures unshrunk (faster)")
    run.add_argument("--results", help="results file to write")
    run.add_argument("-k", help="pytest -k expression over cell ids "
                                "(<concept>-<backend>-<device>-<dtype>), e.g. softmax")
    run.add_argument("--case-timeout", type=case_timeout, metavar="SECONDS",
                     help="time limit of one case; 0 disables it (default: 60)")
    reference = sub.add_parser("reference", help="check or regenerate frozen spec values")
    reference.add_argument("action", choices=["check", "generate"])
    reference.add_argument("concepts", nargs="*", help="concept ids (default: all)")
    merge = sub.add_parser("merge", help="merge results files from several runs or machines")
    merge.add_argument("files", nargs="+", type=Path)
    merge.add_argument("--out", "-o", required=True)
    show = sub.add_parser("bench-show", help="benchmark sizes, models and one timed call")
    show.add_argument("concepts", nargs="*", help="concept ids (default: all)")
    show.add_argument("--size", action="append", choices=["small", "medium", "large"],
                      help="sizes to time (default: all three)")
    show.add_argument("--backend", action="append", metavar="NAME",
                      help="backend names (default: every available CPU backend)")
    show.add_argument("--repeat", type=int, default=1, metavar="N",
                      help="time N calls after the warm-up and print the median")
    new_backend = sub.add_parser("new-backend", help="write a backend plugin package that "
                                 "runs the canon through the portable implementations")
    new_backend.add_argument("name", help="backend name, a lowercase identifier (e.g. toy)")
    new_backend.add_argument("--out", default=".",
                             help="folder to write mlcanon_<name>/ into (default: here)")
    perf = sub.add_parser("perf", help="the performance page from asv results")
    perf.add_argument("--asv-results", help=f"asv results folder (default: {DEFAULT_ASV_RESULTS}, "
                      "if it exists)")
    perf.add_argument("--out", default="reports/site", help="output folder")
    perf.add_argument("--results", nargs="*", default=[], metavar="FILE",
                      help="conformance results whose float32 errors sit beside the times")
    report = sub.add_parser("report", help="write the static HTML report from results files")
    report.add_argument("results", nargs="*", type=Path,
                        help="results files (default: results/*.json)")
    report.add_argument("--out", default="reports/site", help="output folder")
    report.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"),
                        help="compare two results files instead")
    report.add_argument("--factor", type=growth_factor, default=4.0,
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
                "bench-show": _cmd_bench_show, "perf": _cmd_perf,
                "new-backend": _cmd_new_backend}
    try:
        return handlers[args.command](args)
    except UsageError as exc:
        print(f"mlcanon {args.command}: {exc}", file=sys.stderr)
        return 2
    except results.ResultsError as exc:
        print(f"mlcanon {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
