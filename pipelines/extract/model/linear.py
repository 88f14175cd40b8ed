"""A logistic-regression scorer kept as plain weights: trained with scikit-learn, applied without it.

The committed model is a JSON file of feature weights (readable, diffable, and loaded in
milliseconds); `LinearModel.probability` gives exactly what scikit-learn's `predict_proba` gives
for the same features (tested).
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class LinearModel:
    weights: dict[str, float]
    intercept: float

    def score(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def to_dict(self) -> dict:
        return {"intercept": self.intercept,
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6}}

    @classmethod
    def from_dict(cls, data: dict) -> "LinearModel":
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]))


def fit_linear(rows: list[dict[str, float]], labels: list[int], c: float = 1.0, seed: int = 0,
               class_weight: dict | str | None = None) -> LinearModel:
    """L2-regularised logistic regression (liblinear, deterministic for the same rows and seed)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        return LinearModel({}, -5.0 if not any(labels) else 5.0)
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit sparse indices only
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    model = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000, class_weight=class_weight)
    model.fit(x, labels)
    weights = dict(zip(vectorizer.get_feature_names_out(), model.coef_[0].tolist()))
    return LinearModel(weights, float(model.intercept_[0]))
