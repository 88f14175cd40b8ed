#!/usr/bin/env python3
"""Train the extraction model on labelled real articles and write it into the package.

    python bench/train_extractor.py ../shared/corpus/train.jsonl ../shared/corpus/dev.jsonl

1. Blind 5-fold cross-validation over all given articles chooses the thresholds: the confidence
   a deal / an investment needs to be counted in the derived tables (the lowest with precision at
   least --target-precision, else the most precise; settings.min_confidence reads it), the F1-best
   ones (reported), and per kind of figure the probability a figure needs (right figures minus
   twice the wrong or invented ones is highest). The grammar's own precision is measured on the
   same articles (the confidence of facts in rules-only mode).
2. The final model is trained on all given articles and written to --out (default: the package's
   `pipelines/extract/model/files/`): decision.json (weights, thresholds, what it was trained on), trees.json
   and party_tagger.crfsuite. Same articles and seed, same files.
--vocabulary rebuilds the word-frequency table first (needs `pip install -e ".[train]"`).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # runnable without install

from pipelines.extract.grammar import grammar_facts  # noqa: E402
from pipelines.extract.learned import best_figures, decide  # noqa: E402
from pipelines.extract.model.decide import MODEL_DIR  # noqa: E402
from pipelines.extract.model.figures import figure_matches  # noqa: E402
from pipelines.extract.model.labels import LabelledArticle, read_labelled  # noqa: E402
from pipelines.extract.model.training import (  # noqa: E402
    SEED, HeldOut, TrainingCache, choose_threshold, cross_validated, fit_model, pair_counts,
)
from pipelines.extract.model.vocabulary import build_vocabulary  # noqa: E402
from pipelines.extract.names import fold  # noqa: E402

GRID = tuple(round(0.15 + 0.05 * i, 2) for i in range(16))  # 0.15 … 0.90
FIGURE_GRID = tuple(round(0.1 * i, 1) for i in range(1, 10))
EMISSION_FLOOR = 0.15


def figure_thresholds(held: list[HeldOut], deal_threshold: float) -> dict[str, float]:
    """Per fact and kind, the probability a figure needs: right minus twice (wrong + invented) is highest."""
    outcomes: dict[str, list[tuple[float, str]]] = {}
    for h in held:
        gold = {"deal": {}, "investment": {}}
        for d in h.article.deals:
            for p in d.get("providers") or []:
                gold["deal"].setdefault((fold(d["buyer"]), fold(p)), d)
        for i in h.article.investments:
            gold["investment"].setdefault((fold(i["investor"]), fold(i["investee"])), i)
        for decision in decide(h.analysis, h.model, deal_threshold):
            labelled = gold[decision.kind].get((fold(decision.a), fold(decision.b)))
            if labelled is None:
                continue
            facts = h.analysis.grammar.deal_facts if decision.kind == "deal" else h.analysis.grammar.investment_facts
            best = best_figures(h.analysis, h.model, decision.scored.candidate, decision.kind,
                                facts.get((decision.a, decision.b)))
            for kind, (p, amount) in best.items():
                value = labelled.get(kind)
                if value is None:
                    outcome = "invented"
                else:
                    outcome = "right" if figure_matches(value, amount, bool(labelled.get(kind + "_vague"))) else "wrong"
                outcomes.setdefault(f"figure_{decision.kind}_{kind}", []).append((p, outcome))
    thresholds = {}
    for key, items in sorted(outcomes.items()):
        def gain(t: float) -> float:
            chosen = [o for p, o in items if p >= t]
            return chosen.count("right") - 2 * (chosen.count("wrong") + chosen.count("invented"))
        thresholds[key] = max(FIGURE_GRID, key=lambda t: (gain(t), -t))
        best = thresholds[key]
        chosen = [o for p, o in items if p >= best]
        print(f"  {key}: threshold {best:.1f} ({chosen.count('right')} right, {chosen.count('wrong')} wrong, "
              f"{chosen.count('invented')} invented, {len(items) - len(chosen)} left out)")
    return thresholds


def rules_precision(articles: list[LabelledArticle], cache: TrainingCache) -> dict:
    """How often the grammar is right, per kind and per rule (the rules are not learned: measured on all
    articles). Rules with fewer than MIN_RULE_FACTS facts get their kind's precision."""
    scored = [(a, cache.grammar(a)) for a in articles]
    deal_pairs = lambda r, rule=None: [(f.buyer, p) for f in r.deals for p in f.providers if rule in (None, f.rule)]
    investment_pairs = lambda r, rule=None: [(f.investor, f.investee) for f in r.investments
                                             if rule in (None, f.rule)]
    out: dict = {}
    for kind, pairs, facts in (("deal", deal_pairs, lambda r: r.deals),
                               ("investment", investment_pairs, lambda r: r.investments)):
        overall = pair_counts([(a, pairs(r)) for a, r in scored], kind)
        out[kind] = round(overall.precision, 3)
        rules = sorted({f.rule for _, r in scored for f in facts(r)})
        for rule in rules:
            counts = pair_counts([(a, pairs(r, rule)) for a, r in scored], kind)
            if counts.tp + counts.fp >= MIN_RULE_FACTS:
                out[f"{kind}:{rule}"] = round(counts.precision, 3)
    return out


MIN_RULE_FACTS = 5


def digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="+", help="labelled jsonl files (GOLD_FORMAT.md)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where the model files go")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--target-precision", type=float, default=0.9)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--vocabulary", action="store_true", help="rebuild the word-frequency table first")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    if args.vocabulary:
        print(f"vocabulary: {build_vocabulary()} words")
    articles = [a for path in args.corpora for a in read_labelled(path)]
    print(f"{len(articles)} labelled articles from {', '.join(p.name for p in args.corpora)}")
    cache = TrainingCache(grammar_facts)
    analyse_fn = cache.analyse
    with tempfile.TemporaryDirectory() as tmp:
        held = cross_validated(articles, analyse_fn, Path(tmp) / "cv", args.folds, args.seed, log=print, cache=cache)
        scored = {"deal": [], "investment": []}
        for h in held:
            decisions = decide(h.analysis, h.model, EMISSION_FLOOR)
            for kind in scored:
                scored[kind].append((h.article, [(d.a, d.b, d.confidence) for d in decisions if d.kind == kind]))
        thresholds: dict[str, float] = {}
        for kind in ("deal", "investment"):
            precise, f1_best, table = choose_threshold(scored[kind], kind, args.target_precision, GRID)
            thresholds[kind] = precise
            thresholds[f"{kind}_f1"] = f1_best
            for t in (precise, f1_best):
                c = table[t]
                print(f"  {kind} threshold {t:.2f}: P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.3f} (blind, pooled)")
        thresholds.update(figure_thresholds(held, thresholds["deal_f1"]))
        precision = rules_precision(articles, cache)
        print(f"  rules alone: precision deals {precision['deal']:.2f}, investments {precision['investment']:.2f}; "
              + ", ".join(f"{k} {v:.2f}" for k, v in precision.items() if ":" in k))

        model = fit_model(articles, analyse_fn, Path(tmp) / "final", seed=args.seed, log=print, cache=cache)
        model.thresholds = thresholds
        model.meta.update({"trained_on": [p.name for p in args.corpora], "corpus_sha256": digest(args.corpora),
                           "rules_precision": precision, "emission_floor": EMISSION_FLOOR,
                           "target_precision": args.target_precision})
        args.out.mkdir(parents=True, exist_ok=True)
        model.save(args.out)
        shutil.copyfile(model.tagger.path, args.out / "party_tagger.crfsuite")
    print(f"model -> {args.out} ({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
