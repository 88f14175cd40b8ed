"""A pair scorer: how likely a candidate pair is a deal (or an investment), from its features.

The probability is the mean of a logistic regression's and of boosted trees' (`linear.py`,
`trees.py`): the linear model weighs every feature, however rare; the trees weigh features
together. Blind on train.jsonl the mean scored better than either alone (README, "The learned
decision layer"). The evidence of a fact is chosen among its sentences by the
linear model alone (a cheap ranking; the trees score the pair as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass

from .linear import LinearModel, fit_linear
from .trees import TreeEnsemble, fit_trees


@dataclass(frozen=True)
class PairScorer:
    linear: LinearModel
    trees: TreeEnsemble | None = None

    def probability(self, features: dict[str, float]) -> float:
        p = self.linear.probability(features)
        return p if self.trees is None else (p + self.trees.probability(features)) / 2

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        linear = [self.linear.probability(row) for row in rows]
        if self.trees is None:
            return linear
        return [(p + q) / 2 for p, q in zip(linear, self.trees.probabilities(rows))]


def fit_pair_scorer(rows: list[dict[str, float]], labels: list[int], c: float, seed: int) -> PairScorer:
    return PairScorer(fit_linear(rows, labels, c=c, seed=seed), fit_trees(rows, labels, seed=seed))
