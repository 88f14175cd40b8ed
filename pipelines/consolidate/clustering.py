"""Clustering one pair's mentions into facts (deals or investments). The rule is written down in
`pipelines/consolidate/deals.py`; this module implements it for both tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pipelines.consolidate.figures import Figure, agree

# Reports of one announcement come within this many days of its first report.
WINDOW_DAYS = 30


@dataclass(frozen=True)
class FactKind:
    """What differs between deals and investments for clustering."""
    label: str                               # "resource" or "instrument"
    figures: tuple[tuple[str, bool, bool], ...]  # (column, has bound column, has vague column)
    specific_labels: frozenset[str]          # labels that can tell two facts apart
    labels_always_separate: bool             # True: two different specific labels are never one fact


DEAL_KIND = FactKind(
    label="resource",
    figures=(("gw", True, False), ("chips", True, False), ("usd", True, True), ("eur", True, True)),
    specific_labels=frozenset({"tpu", "gpu", "trainium", "custom_chip"}),
    labels_always_separate=False,
)
INVESTMENT_KIND = FactKind(
    label="instrument",
    figures=(("usd", True, True), ("eur", True, True), ("shares", False, False)),
    specific_labels=frozenset({"equity", "warrant"}),
    labels_always_separate=True,
)


def row_figures(row: dict, kind: FactKind) -> dict[str, Figure]:
    figures = {}
    for name, has_bound, has_vague in kind.figures:
        if row.get(name) is not None:
            figures[name] = Figure(float(row[name]), row.get(f"{name}_bound") if has_bound else None,
                                   bool(has_vague and row.get(f"{name}_vague")))
    return figures


def sort_key(row: dict) -> tuple:
    """Chronological, undated last, ties by mention id: never the order of the input frame."""
    return (row["published"] is None, row["published"] or date.min, row["mention_id"])


@dataclass
class Cluster:
    kind: FactKind
    rows: list[dict] = field(default_factory=list)
    _figures: dict[str, list[Figure]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        rows, self.rows = self.rows, []
        for row in rows:
            self.add(row)

    def add(self, row: dict) -> None:
        self.rows.append(row)
        for name, figure in row_figures(row, self.kind).items():
            self._figures.setdefault(name, []).append(figure)

    @property
    def dates(self) -> list[date]:
        return [r["published"] for r in self.rows if r["published"] is not None]

    @property
    def first(self) -> date | None:
        return min(self.dates, default=None)

    @property
    def last(self) -> date | None:
        return max(self.dates, default=None)

    @property
    def labels(self) -> set[str]:
        return {r[self.kind.label] for r in self.rows if r[self.kind.label] in self.kind.specific_labels}

    def label_clash(self, row: dict) -> bool:
        label, labels = row[self.kind.label], self.labels
        return label in self.kind.specific_labels and bool(labels) and label not in labels

    def compare(self, figures: dict[str, Figure]) -> tuple[int, int]:
        """(agreeing, conflicting) figure units between a mention and this cluster: a unit agrees
        when the mention's figure agrees with any figure the cluster's reports gave in that unit."""
        agreeing = conflicting = 0
        for name, figure in figures.items():
            theirs = self._figures.get(name)
            if theirs:
                if any(agree(figure, other) for other in theirs):
                    agreeing += 1
                else:
                    conflicting += 1
        return agreeing, conflicting

    def distance(self, day: date | None) -> int:
        """Days between a report and this fact's first report (its announcement)."""
        if day is None or self.first is None:
            return 0
        return abs((day - self.first).days)

    def order_key(self) -> tuple:
        return sort_key(min(self.rows, key=sort_key))


def cluster_pair(rows: list[dict], kind: FactKind) -> list[Cluster]:
    """One pair's mentions (same buyer and providers, or investor and investee) as clusters."""
    figured = sorted((r for r in rows if r["published"] is not None and row_figures(r, kind)), key=sort_key)
    figured_ids = {r["mention_id"] for r in figured}
    rest = sorted((r for r in rows if r["mention_id"] not in figured_ids), key=sort_key)
    clusters: list[Cluster] = []

    # 1. Dated reports with figures, oldest first: each joins the best cluster it is compatible with.
    for row in figured:
        figures = row_figures(row, kind)
        candidates = []
        for cluster in clusters:
            if kind.labels_always_separate and cluster.label_clash(row):
                continue
            agreeing, conflicting = cluster.compare(figures)
            within_window = (row["published"] - cluster.first).days <= WINDOW_DAYS
            if not within_window and (conflicting or (not agreeing and cluster.label_clash(row))):
                continue
            candidates.append(((-agreeing, conflicting > 0, cluster.distance(row["published"]),
                                cluster.order_key()), cluster))
        _join_or_open(row, candidates, clusters, kind)

    # 2. Reports without figures (nearest in time) and undated reports (matching figures first).
    for row in rest:
        figures = row_figures(row, kind)
        candidates = []
        for cluster in clusters:
            if kind.labels_always_separate and cluster.label_clash(row):
                continue
            agreeing, conflicting = cluster.compare(figures)
            candidates.append(((conflicting > 0, -agreeing, cluster.distance(row["published"]), -len(cluster.rows),
                                cluster.order_key()), cluster))
        _join_or_open(row, candidates, clusters, kind)
    return sorted(clusters, key=Cluster.order_key)


def _join_or_open(row: dict, candidates: list, clusters: list[Cluster], kind: FactKind) -> None:
    if candidates:
        min(candidates, key=lambda item: item[0])[1].add(row)
    else:
        clusters.append(Cluster(kind, [row]))
