"""The learned decision layer: which candidate pairs are facts, with what confidence.

`ExtractorModel` bundles the trained parts (party tagger, deal and investment scorers, figure
scorer) and the thresholds chosen by cross-validation. `score_candidates` turns one analysed
article into scored candidate pairs; `facts.py` builds the facts from them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..document import Document
from ..parties import Entity
from .features import Candidate, GrammarFacts, candidates, pair_features
from .linear import LinearModel
from .scorer import PairScorer
from .trees import TreeEnsemble
from .tagger import PartyTagger

MODEL_DIR = Path(__file__).with_name("files")
DECISION_FILE = MODEL_DIR / "decision.json"
TREES_FILE = MODEL_DIR / "trees.json"  # the scorers' trees, one tree a line (a diff shows which trees changed)
TAGGER_FILE = MODEL_DIR / "party_tagger.crfsuite"


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    deal: float  # probability that A buys compute from B
    investment: float  # probability that A invests in B
    pooled: dict[str, float]
    per_context: list[set[str]]
    model: "ExtractorModel"

    def context_scores(self, kind: str) -> list[float]:
        """The probability of the fact at each of its contexts alone (computed on demand, for the evidence)."""
        scorer = (self.model.deal if kind == "deal" else self.model.investment).linear
        entity_part = {k: v for k, v in self.pooled.items() if k in _ENTITY_FEATURE_NAMES or k.startswith(
            _ENTITY_FEATURE_PREFIXES)}
        return [scorer.probability({**entity_part, **{name: 1.0 for name in feats}}) for feats in self.per_context]


_ENTITY_FEATURE_NAMES = frozenset({"bias", "a_only_product", "b_only_product", "g_deal", "g_inv", "g_deal_rev",
                                   "g_inv_rev", "g_joint", "g_a_buys_elsewhere", "g_a_is_investee",
                                   "g_b_is_investee", "g_b_sells_to_another", "g_a_buys_from_another"})
_ENTITY_FEATURE_PREFIXES = ("lang=", "role_a=", "role_b=", "roles=", "known=", "rank_a=", "rank_b=", "n_same=",
                            "n_ctx=", "min_dist=", "g_deal_rule=", "g_inv_rule=")


@dataclass
class ExtractorModel:
    deal: PairScorer
    investment: PairScorer
    tagger: PartyTagger | None = None
    figures: dict[str, LinearModel] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"meta": self.meta, "thresholds": self.thresholds, "deal": self.deal.linear.to_dict(),
                "investment": self.investment.linear.to_dict(),
                "figures": {k: m.to_dict() for k, m in sorted(self.figures.items())}}

    def trees_text(self) -> str:
        parts = []
        for kind, scorer in (("deal", self.deal), ("investment", self.investment)):
            if scorer.trees is not None:
                data = scorer.trees.to_dict()
                trees = ",\n".join(json.dumps(tree, separators=(",", ":")) for tree in data["trees"])
                parts.append(f'"{kind}": {{"baseline": {json.dumps(data["baseline"])}, "trees": [\n{trees}\n]}}')
        return "{" + ",\n".join(parts) + "}\n"

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / DECISION_FILE.name).write_text(json.dumps(self.to_dict(), indent=1, sort_keys=True) + "\n",
                                                encoding="utf-8")
        (folder / TREES_FILE.name).write_text(self.trees_text(), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> "ExtractorModel":
        data = json.loads((folder / DECISION_FILE.name).read_text(encoding="utf-8"))
        tagger_path, trees_path = folder / TAGGER_FILE.name, folder / TREES_FILE.name
        trees = json.loads(trees_path.read_text(encoding="utf-8")) if trees_path.exists() else {}
        scorers = {kind: PairScorer(LinearModel.from_dict(data[kind]),
                                    TreeEnsemble.from_dict(trees[kind]) if kind in trees else None)
                   for kind in ("deal", "investment")}
        return cls(
            deal=scorers["deal"], investment=scorers["investment"],
            tagger=PartyTagger(tagger_path) if tagger_path.exists() else None,
            figures={k: LinearModel.from_dict(v) for k, v in data.get("figures", {}).items()},
            thresholds=data.get("thresholds", {}), meta=data.get("meta", {}),
        )


@lru_cache(maxsize=4)
def load_model(folder: Path = MODEL_DIR) -> ExtractorModel | None:
    """The committed model, loaded once per process; None when it is missing (rules only)."""
    return ExtractorModel.load(folder) if (folder / DECISION_FILE.name).exists() else None


def ranks(entities: dict[str, Entity]) -> dict[str, int]:
    """Entities by how often the article names them (0 = most often)."""
    # an organisation the grammar resolved from a description ("the chip giant") has no mention of its own
    order = sorted(entities.values(), key=lambda e: (-len(e.mentions), e.mentions[0].start if e.mentions else 1e18))
    return {e.name: i for i, e in enumerate(order)}


def featurize(doc: Document, entities: dict[str, Entity], grammar: GrammarFacts | None):
    """(candidate, pooled features, per-context features) for every candidate pair of the article."""
    rank = ranks(entities)
    out = []
    for cand in candidates(doc, entities, grammar):
        pooled, per_context = pair_features(doc, entities, cand, grammar, rank)
        out.append((cand, pooled, per_context))
    return out


def score_candidates(model: ExtractorModel, featurized) -> list[Scored]:
    rows = [pooled for _, pooled, _ in featurized]
    deal, investment = model.deal.probabilities(rows), model.investment.probabilities(rows)
    return [Scored(cand, d, i, pooled, per_context, model)
            for (cand, pooled, per_context), d, i in zip(featurized, deal, investment)]
