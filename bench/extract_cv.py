#!/usr/bin/env python3
"""Blind k-fold cross-validation of extraction on labelled real articles.

    python bench/extract_cv.py ../shared/corpus/train.jsonl --scorer ../shared/corpus/score.py

Folds are stratified by language. For each fold, every learned part (party tagger, pair scorers,
figure scorers) is trained on the other folds only and the fold is extracted blind; the rules
alone (the grammar, no model) are scored on the same folds in the same run. Prints per fold and
pooled: deals and investments P/R/F1 per language and the share of right figures (the labelled
corpus's own scorer, given by --scorer), then the pooled scores at each confidence threshold and
the threshold at which deal precision reaches --target-precision. --out writes the pooled blind
predictions (one line per article, with confidence and evidence) for `score.py --show-errors`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable without install

from pipelines.extract.model.labels import read_labelled  # noqa: E402
from pipelines.extract.model.training import SEED, UNKNOWN_SHARE, TrainingCache, fit_model, folds  # noqa: E402
from pipelines.extract.learned import decide, facts_from_decisions  # noqa: E402
from pipelines.extract.grammar import grammar_facts  # noqa: E402

THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def with_unknown_companies(analysis, article, share: float, seed: int):
    """The analysis as it would be if part of the registry's companies were new: their pairs lose the registry role
    and the grammar's findings (features.as_unknown)."""
    from dataclasses import replace

    from pipelines.extract.model.features import as_unknown
    from pipelines.extract.model.training import unknown_companies
    from pipelines.extract.parties import open_kind

    unknown = unknown_companies(article, analysis, share, seed + 99)
    featurized = []
    for cand, pooled, per_context in analysis.featurized:
        if cand.a in unknown or cand.b in unknown:
            pooled = as_unknown(pooled, cand.a in unknown, cand.b in unknown, f"open_{open_kind(cand.a).value}",
                                f"open_{open_kind(cand.b).value}")
        featurized.append((cand, pooled, per_context))
    return replace(analysis, featurized=featurized)


def filtered(pred: dict, threshold: float) -> dict:
    return {"id": pred["id"],
            "deals": [d for d in pred["deals"] if d["confidence"] >= threshold],
            "investments": [i for i in pred["investments"] if i["confidence"] >= threshold]}


def line(scorer, gold: dict, preds: dict, label: str) -> str:
    parts = []
    for name, langs in (("all", None), ("de", {"de"}), ("en", {"en"})):
        r = scorer.score(gold, preds, langs=langs)
        d, i = r["deals"], r["investments"]
        parts.append(f"{name}: deals {d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.3f} "
                     f"inv {i['precision']:.2f}/{i['recall']:.2f}/{i['f1']:.3f}")
    return f"{label:<14} " + " | ".join(parts)


def figures_line(scorer, gold: dict, preds: dict) -> str:
    r = scorer.score(gold, preds)
    out = []
    for field in ("gw", "chips", "usd", "eur"):
        acc = r[f"{field}_accuracy"]
        out.append(f"{field} {'-' if acc is None else f'{acc:.0%}'} (n={r[f'{field}_n']}, spurious {r[f'{field}_spurious']})")
    inv = r["investment_usd_accuracy"]
    out.append(f"investment usd {'-' if inv is None else f'{inv:.0%}'}")
    matched = r["deals"]["tp"]
    spurious = sum(r[f"{f}_spurious"] for f in ("gw", "chips", "usd", "eur"))
    out.append(f"figures where the text states none: {spurious}/{matched} matched deals")
    return "               figures: " + ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="labelled jsonl (GOLD_FORMAT.md)")
    parser.add_argument("--scorer", type=Path, required=True, help="the corpus's score.py")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--threshold", type=float, default=None,
                        help="confidence threshold of the per-fold lines (default: the F1-best pooled one)")
    parser.add_argument("--target-precision", type=float, default=0.9)
    parser.add_argument("--no-tagger", action="store_true", help="registry parties only")
    parser.add_argument("--out", type=Path, help="write pooled blind predictions (jsonl)")
    parser.add_argument("--unknown-share", type=float, default=0.5,
                        help="also score the folds as if this share of each article's registry companies were "
                             "unknown (new companies; default 0.5; 0 skips it)")
    parser.add_argument("--train-unknown-share", type=float, default=UNKNOWN_SHARE,
                        help=f"share of registry companies treated as unknown in training copies (default {UNKNOWN_SHARE})")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.scorer)
    articles = read_labelled(args.corpus)
    gold = scorer.load(str(args.corpus))
    cache = TrainingCache(grammar_facts)  # the grammar and the text analysis are the same in every fold
    split = folds(articles, args.folds, args.seed)
    predictions: dict[str, dict] = {}
    rule_predictions: dict[str, dict] = {}
    unknown_predictions: dict[str, dict] = {}
    fold_of: dict[str, int] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for k, held_out in enumerate(split):
            training = [a for j, part in enumerate(split) if j != k for a in part]
            analyse_fn = cache.analyse
            model = fit_model(training, analyse_fn, Path(tmp) / f"fold{k}", use_tagger=not args.no_tagger,
                              seed=args.seed, cache=cache, unknown_share=args.train_unknown_share)
            for article in held_out:
                analysis = analyse_fn(article, model.tagger)
                facts = facts_from_decisions(analysis, model, decide(analysis, model, floor=min(THRESHOLDS)))
                predictions[article.id] = {"id": article.id, **facts}
                rules = cache.grammar(article).to_dict()
                rule_predictions[article.id] = {"id": article.id, **rules}
                if args.unknown_share:
                    unknown = with_unknown_companies(analysis, article, args.unknown_share, args.seed)
                    facts = facts_from_decisions(unknown, model, decide(unknown, model, floor=min(THRESHOLDS)))
                    unknown_predictions[article.id] = {"id": article.id, **facts}
                fold_of[article.id] = k
            print(f"fold {k + 1}/{args.folds}: trained on {len(training)}, scored {len(held_out)} "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)

    print(f"\nrules only (the grammar, no learned part), {len(articles)} articles:")
    print(line(scorer, gold, rule_predictions, "rules"))
    print(figures_line(scorer, gold, rule_predictions))

    print("\nmodel, pooled blind predictions by confidence threshold (P/R/F1):")
    best, best_f1, precise = None, -1.0, None
    for threshold in THRESHOLDS:
        preds = {aid: filtered(p, threshold) for aid, p in predictions.items()}
        print(line(scorer, gold, preds, f"t={threshold:.2f}"))
        r = scorer.score(gold, preds)
        f1 = r["deals"]["f1"] + r["investments"]["f1"]
        if f1 > best_f1:
            best, best_f1 = threshold, f1
        if precise is None and r["deals"]["precision"] >= args.target_precision:
            precise = threshold
    threshold = args.threshold if args.threshold is not None else best
    print(f"\nF1-best threshold {best:.2f}; deal precision reaches {args.target_precision:.2f} at "
          f"{'no threshold tried' if precise is None else f'{precise:.2f}'}")

    print(f"\nper fold at threshold {threshold:.2f}:")
    for k in range(args.folds):
        ids = {aid for aid, f in fold_of.items() if f == k}
        fold_gold = {aid: g for aid, g in gold.items() if aid in ids}
        preds = {aid: filtered(p, threshold) for aid, p in predictions.items() if aid in ids}
        print(line(scorer, fold_gold, preds, f"fold {k + 1}"))
    pooled = {aid: filtered(p, threshold) for aid, p in predictions.items()}
    print(line(scorer, gold, pooled, "pooled"))
    print(figures_line(scorer, gold, pooled))
    if unknown_predictions:
        print(f"\nnew companies (simulated): {args.unknown_share:.0%} of each article's registry companies treated as "
              f"never seen (no registry role, no grammar fact; the name assumed found), at threshold {threshold:.2f}:")
        print(line(scorer, gold, {aid: filtered(p, threshold) for aid, p in unknown_predictions.items()}, "unknown"))
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for aid, p in predictions.items():
                fh.write(json.dumps(filtered(p, threshold), ensure_ascii=False) + "\n")
        print(f"\npredictions at {threshold:.2f} -> {args.out}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
