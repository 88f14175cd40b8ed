"""Gradient-boosted trees kept as plain nodes: trained with scikit-learn, applied without it.

The pair scorers blend a logistic regression (`linear.py`) with a small ensemble of trees, which
finds what a linear model cannot: that a feature matters only together with another ("the grammar
found a round" counts for much when both parties are in the registry and little when one is a
name the tagger guessed). scikit-learn's `HistGradientBoostingClassifier` trains the trees; the
committed model keeps each tree as a list of nodes that name their feature, so that it loads from
JSON, is read in the same way as the linear weights, and gives exactly what `predict_proba` gives
for the same features (tested).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

# A node: (feature name, threshold, left child, right child, value); a leaf has feature name None.
Node = tuple[str | None, float, int, int, float]

MIN_FEATURE_COUNT = 8  # a feature seen in fewer training rows is left to the linear model
TREE_SETTINGS = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 20,
                 "l2_regularization": 1.0}  # chosen by blind cross-validation on train.jsonl (README)


@dataclass(frozen=True)
class TreeEnsemble:
    trees: tuple[tuple[Node, ...], ...]
    baseline: float

    def score(self, features: dict[str, float]) -> float:
        total = self.baseline
        for nodes in self.trees:
            node = nodes[0]
            while node[0] is not None:
                node = nodes[node[2] if features.get(node[0], 0.0) <= node[1] else node[3]]
            total += node[4]
        return total

    def probability(self, features: dict[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        """`probability` of many rows at once: every tree walked for every row together, one level a step
        (numpy; the same comparisons, so the same numbers, about ten times faster for an article's pairs)."""
        import numpy as np

        if not rows:
            return []
        flat = self._flat
        x = np.zeros((len(rows), len(flat.features) + 1))  # the last column: a feature no tree reads
        for i, row in enumerate(rows):
            for name, value in row.items():
                column = flat.index.get(name)
                if column is not None:
                    x[i, column] = value
        at = np.broadcast_to(flat.roots, (len(rows), len(flat.roots))).copy()
        line = np.arange(len(rows))[:, None]
        for _ in range(flat.depth):
            go_left = x[line, flat.feature[at]] <= flat.threshold[at]
            at = np.where(go_left, flat.left[at], flat.right[at])
        z = self.baseline + flat.value[at].sum(axis=1)
        return [1.0 / (1.0 + math.exp(-v)) if v > -700 else 0.0 for v in z.tolist()]

    @cached_property
    def _flat(self) -> "_FlatTrees":
        return _FlatTrees.of(self.trees)

    def to_dict(self) -> dict:
        return {"baseline": self.baseline,
                "trees": [[[n[0], n[1], n[2], n[3], round(n[4], 9)] for n in nodes] for nodes in self.trees]}

    @classmethod
    def from_dict(cls, data: dict) -> "TreeEnsemble":
        return cls(tuple(tuple((n[0], float(n[1]), int(n[2]), int(n[3]), float(n[4])) for n in nodes)
                         for nodes in data["trees"]), float(data["baseline"]))


@dataclass(frozen=True)
class _FlatTrees:
    """All trees as arrays over one numbering of their nodes; a leaf is its own two children, so that walking
    `depth` steps from the roots ends at every row's leaf in every tree."""
    features: list[str]
    index: dict[str, int]
    roots: "object"  # numpy arrays
    feature: "object"
    threshold: "object"
    left: "object"
    right: "object"
    value: "object"
    depth: int

    @classmethod
    def of(cls, trees) -> "_FlatTrees":
        import numpy as np

        features = sorted({n[0] for nodes in trees for n in nodes if n[0] is not None})
        index = {name: i for i, name in enumerate(features)}
        unused = len(features)
        roots, feature, threshold, left, right, value = [], [], [], [], [], []
        depth = 0
        for nodes in trees:
            offset = len(feature)
            roots.append(offset)
            for i, (name, limit, lo, hi, v) in enumerate(nodes):
                leaf = name is None
                feature.append(unused if leaf else index[name])
                threshold.append(0.0 if leaf else limit)
                left.append(offset + (i if leaf else lo))
                right.append(offset + (i if leaf else hi))
                value.append(v if leaf else 0.0)
            depth = max(depth, _depth(nodes))
        return cls(features, index, np.array(roots, dtype=np.intp), np.array(feature, dtype=np.intp),
                   np.array(threshold), np.array(left, dtype=np.intp), np.array(right, dtype=np.intp),
                   np.array(value), depth)


def _depth(nodes) -> int:
    def walk(i: int) -> int:
        name, _, lo, hi, _ = nodes[i]
        return 0 if name is None else 1 + max(walk(lo), walk(hi))

    return walk(0) if nodes else 0


def fit_trees(rows: list[dict[str, float]], labels: list[int], seed: int = 0) -> TreeEnsemble:
    """Boosted trees on the features seen in at least MIN_FEATURE_COUNT rows (deterministic for a seed)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer
    from threadpoolctl import threadpool_limits

    if len(set(labels)) < 2:
        return TreeEnsemble((), -5.0 if not any(labels) else 5.0)
    counts = Counter(name for row in rows for name in row)
    kept = {name for name, n in counts.items() if n >= MIN_FEATURE_COUNT}
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform([{k: v for k, v in row.items() if k in kept} for row in rows])
    model = HistGradientBoostingClassifier(**TREE_SETTINGS, early_stopping=False, random_state=seed)
    # One thread: the same trees on any machine (summing histograms over threads may round differently), and
    # no OpenMP threads spinning against the worker processes of a cross-validation on a busy machine.
    with threadpool_limits(limits=1, user_api="openmp"):
        model.fit(x.toarray().astype(np.float64), labels)
    return from_sklearn(model, list(vectorizer.get_feature_names_out()))


def from_sklearn(model, feature_names: list[str]) -> TreeEnsemble:
    """The fitted classifier's trees, their nodes naming features instead of column numbers."""
    import numpy as np

    trees = []
    for (predictor,) in model._predictors:  # one tree per boosting iteration (binary loss)
        nodes = tuple((None if node["is_leaf"] else feature_names[int(node["feature_idx"])],
                       float(node["num_threshold"]), int(node["left"]), int(node["right"]), float(node["value"]))
                      for node in predictor.nodes)
        trees.append(nodes)
    return TreeEnsemble(tuple(trees), float(np.ravel(model._baseline_prediction)[0]))
