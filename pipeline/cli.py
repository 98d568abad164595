"""Command line: parses arguments and prints; the work is done in runner.py, evaluate.py, ...

    python -m pipeline run ARTICLES... --out OUT/     extract every article to OUT/<path>.json (see runner.py)
    python -m pipeline eval GOLD_DIR [--show]         score the pipeline against gold files
    python -m pipeline bench [FOLDER]                 speed, memory, ratio to underthesea word_tokenize
    python -m pipeline report OUT/ [-o report.html]   one HTML page: highlighted articles, sortable tables
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _run(args: argparse.Namespace) -> int:
    from .errors import PipelineError
    from .runner import run

    try:
        summary = run(args.inputs, args.out, workers=args.workers, resume=not args.force, engine=args.engine,
                      scheduler=args.scheduler, timeout=args.timeout or None, tables=not args.no_tables,
                      quiet=args.quiet)
    except (FileNotFoundError, PipelineError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: finished articles are kept; run the same command again to resume", file=sys.stderr)
        return 130
    print(f"{summary.files} files, {summary.articles} articles, {summary.errors} errors "
          f"({summary.skipped} files unchanged since the last run), {summary.seconds:.1f} s, "
          f"{summary.rate:.1f} articles/s, {summary.workers} workers ({summary.engine}) -> {args.out}",
          file=sys.stderr)
    if summary.errors:
        print(f"see {args.out / 'errors.jsonl'} for what failed and why", file=sys.stderr)
    return 1 if summary.errors else 0


def _eval(args: argparse.Namespace) -> int:
    from .api import extract_file
    from .errors import InputError
    from .evaluate import evaluate

    def predict(article: Path) -> dict[str, Any] | None:
        if args.pred is not None:
            found = sorted(args.pred.rglob(article.stem + ".json"))
            return json.loads(found[0].read_text(encoding="utf-8")) if found else None
        try:
            return extract_file(article).to_dict()
        except (InputError, FileNotFoundError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return None

    if not args.gold.exists():
        print(f"error: {args.gold}: no such folder", file=sys.stderr)
        return 2
    if args.check:
        from .evaluate import check_gold, gold_files

        problems = [(path, p) for path in gold_files(args.gold) for p in check_gold(path)]
        for path, problem in problems:
            print(f"{path}: {problem}")
        print(f"{len(gold_files(args.gold))} gold files, {len(problems)} problems")
        return 1 if problems else 0
    reports = evaluate(args.gold, predict)
    if args.json:
        print(json.dumps({k: r.to_dict() for k, r in reports.items()}, ensure_ascii=False, indent=1))
        return 0
    groups = [k for k in reports if k != "all"]
    for key in groups + (["all"] if len(groups) > 1 else []):
        print(f"== {key if key != '.' else args.gold} ==")
        print(reports[key].format(show=args.show))
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import bench

    try:
        result = bench(args.folder, minimum=args.articles, workers=args.workers)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), indent=1) if args.json else result.format())
    return 0


def _report(args: argparse.Namespace) -> int:
    from .report import write_report

    try:
        path = write_report(args.folder, args.output or args.folder / "report.html")
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"report -> {path}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline",
                                     description="Structured data from Vietnamese local-government news.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract every article under the inputs")
    run.add_argument("inputs", nargs="+", help="article files or folders (searched recursively)")
    run.add_argument("--out", required=True, type=Path, help="output folder")
    run.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    run.add_argument("--force", action="store_true", help="reprocess every article, even unchanged ones")
    run.add_argument("--engine", choices=("local", "dask"), default="local", help="where the work runs")
    run.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    run.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per article (0: no limit)")
    run.add_argument("--no-tables", action="store_true", help="do not write the Parquet tables")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=_run)

    ev = commands.add_parser("eval", help="score the pipeline against a folder of gold files")
    ev.add_argument("gold", type=Path, help="folder with NAME.txt + NAME.gold.json pairs (recursive)")
    ev.add_argument("--pred", type=Path, help="score this output folder instead of running the pipeline")
    ev.add_argument("--show", action="store_true", help="list every miss and false hit")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--check", action="store_true", help="only check that the gold files follow the guide")
    ev.set_defaults(func=_eval)

    be = commands.add_parser("bench", help="articles/s, memory and the ratio to underthesea word_tokenize")
    be.add_argument("folder", type=Path, nargs="?", default=Path("corpora"), help="articles (default: corpora/)")
    be.add_argument("--articles", type=int, default=200, help="at least this many articles (the corpus repeats)")
    be.add_argument("--workers", type=int, nargs="*", default=[], help="also time the batch runner with these")
    be.add_argument("--json", action="store_true", help="print the figures as JSON")
    be.set_defaults(func=_bench)

    rep = commands.add_parser("report", help="a self-contained HTML page of a run's output")
    rep.add_argument("folder", type=Path, help="the output folder of `run`")
    rep.add_argument("-o", "--output", type=Path, help="the HTML file (default: FOLDER/report.html)")
    rep.set_defaults(func=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))
