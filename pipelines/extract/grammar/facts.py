"""The grammar's facts: a statement while the article is read (typed, with its figures as values), and the public
fact with the flat columns of the mention tables."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..companies import Resource
from ..modality import DealStatus
from ..numbers import Bound
from .drafts import Instrument
from .figures import Figures

DEAL_FIGURES = ("gw", "chips", "usd", "eur")
INVESTMENT_FIGURES = ("usd", "eur", "shares")


@dataclass
class DealStatement:
    """A deal as the sentences state it; later sentences may add figures."""
    buyer: str
    providers: list[str]
    resource: Resource
    figures: Figures
    year: int | None
    status: DealStatus
    rule: str  # the rule of the sentence that stated the deal

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.buyer, tuple(self.providers)


@dataclass
class InvestmentStatement:
    investor: str
    investee: str
    instrument: Instrument
    figures: Figures
    rule: str

    @property
    def key(self) -> tuple[str, str]:
        return self.investor, self.investee


@dataclass(frozen=True)
class DealFact:
    buyer: str
    providers: list[str]
    resource: Resource
    gw: float | None
    gw_bound: Bound | None
    chips: int | None
    chips_bound: Bound | None
    usd: float | None
    usd_bound: Bound | None
    usd_vague: bool
    eur: float | None
    eur_bound: Bound | None
    eur_vague: bool
    year: int | None
    status: DealStatus
    evidence: str
    evidence_start: int
    evidence_end: int
    rule: str  # the grammar rule that stated it

    @classmethod
    def of(cls, deal: DealStatement, text: str, start: int, end: int) -> DealFact:
        return cls(deal.buyer, deal.providers, deal.resource, **deal.figures.columns(DEAL_FIGURES), year=deal.year,
                   status=deal.status, evidence=text[start:end], evidence_start=start, evidence_end=end,
                   rule=deal.rule)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class InvestmentFact:
    investor: str
    investee: str
    instrument: Instrument
    usd: float | None
    usd_bound: Bound | None
    usd_vague: bool
    eur: float | None
    eur_bound: Bound | None
    eur_vague: bool
    shares: int | None
    evidence: str
    evidence_start: int
    evidence_end: int
    rule: str

    @classmethod
    def of(cls, investment: InvestmentStatement, text: str, start: int, end: int) -> InvestmentFact:
        return cls(investment.investor, investment.investee, investment.instrument,
                   **investment.figures.columns(INVESTMENT_FIGURES), evidence=text[start:end], evidence_start=start,
                   evidence_end=end, rule=investment.rule)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ExtractedFacts:
    deals: list[DealFact] = field(default_factory=list)
    investments: list[InvestmentFact] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"deals": [d.to_dict() for d in self.deals], "investments": [i.to_dict() for i in self.investments]}
