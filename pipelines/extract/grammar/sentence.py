"""The facts of one sentence: companies and amounts found, deals and investments proposed by the rules unless the
part of the sentence stating them is denied or hedged (modality.py), and the figures that belong to each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..companies import CompanyMention, Role, company_info, find_companies
from ..descriptors import resolve_descriptors
from ..modality import capacity_year, deal_status, negated_segments
from ..numbers import Amount, find_amounts
from ..resources import deal_resource
from .clauses import NAME_BETWEEN
from .context import BOTH_PARTIES, Context
from .cues import COMPUTE_CUE, INVEST_VERB
from .deal_rules import find_deals
from .drafts import DealDraft, Instrument
from .facts import DEAL_FIGURES, INVESTMENT_FIGURES, DealStatement, InvestmentStatement
from .figure_choice import (
    CAPEX_AFTER,
    OWN_SUPPLY_CLAUSE,
    closest_money,
    construction_money,
    deal_phrase_before,
    invested_money,
    own_project_money,
)
from .figures import Figures
from .fundraising import fundraiser
from .investment_rules import find_investments
from .investment_sentence import ELLIPTICAL_INVESTOR_AFTER
from .party_filter import is_rival, party_mentions

# A real sentence never names this many companies; beyond it we stop looking (keeps adversarial input fast).
_MAX_MENTIONS_PER_SENTENCE = 200
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Ww]ir|[Uu]nser\w*|uns)\b")
_QUOTE_MARK = re.compile(r"[\"“”„«»]")


@dataclass
class SentenceFacts:
    start: int
    end: int
    deals: list[DealStatement] = field(default_factory=list)
    investments: list[InvestmentStatement] = field(default_factory=list)
    free_amounts: list[Amount] = field(default_factory=list)  # figures no fact in this sentence took
    names: set[str] = field(default_factory=set)
    party_names: list[str] = field(default_factory=list)  # in order, for the context of later sentences
    compute: bool = False  # speaks of compute
    tentative: list[DealStatement] = field(default_factory=list)  # deals announced without the compute
    raiser: str | None = None  # the company this sentence says raised a funding round

    def parties(self) -> set[str]:
        """Every company of the facts this sentence states."""
        names = {d.buyer for d in self.deals} | {p for d in self.deals for p in d.providers}
        return names | {i.investor for i in self.investments} | {i.investee for i in self.investments}


def analyse(
    text: str, start: int, end: int, lang: str | None, last_investee: str | None, context: Context,
    issuer: str | None = None,
) -> SentenceFacts:
    """The facts of the sentence text[start:end]; `context` holds what the sentences before named, `issuer` the
    buyer a press release speaks for ("we", "our")."""
    sentence = text[start:end]
    result = SentenceFacts(start, end)
    mentions = find_companies(sentence)[:_MAX_MENTIONS_PER_SENTENCE]
    # "das Start-up", "the chip giant": the company of that kind just named
    described, unresolved = resolve_descriptors(sentence, mentions, context.history)
    mentions = sorted(mentions + described, key=lambda m: m.start)
    # a company named only as a rival is none a later "das Start-up" can mean
    context.remember([m.name for m in mentions if not is_rival(sentence, m)])
    result.names = {m.name for m in mentions}
    amounts = find_amounts(sentence, lang)
    parties = party_mentions(sentence, mentions)
    result.party_names = [m.name for m in parties if not m.via_product]
    result.compute = bool(COMPUTE_CUE.search(sentence))
    result.raiser = fundraiser(sentence, parties)
    pair = context.pair()
    both = BOTH_PARTIES.search(sentence) if pair else None
    if both:  # "Die beiden Konzerne wollen gemeinsam …": the two just named
        parties = sorted(parties + [CompanyMention(name, both.start(), both.start(), False) for name in pair],
                         key=lambda m: m.start)
    first_person = _FIRST_PERSON.search(sentence) if issuer and issuer not in result.names else None
    if (first_person and not _QUOTE_MARK.search(sentence)
            and not any(company_info(m.name).role in (Role.LAB, Role.BUYER) for m in parties)):
        # "Amazon remains our primary cloud provider" in Anthropic's press release: "our" is the issuer
        parties = sorted(parties + [CompanyMention(issuer, first_person.start(), first_person.start(), False)],
                         key=lambda m: m.start)
    negated = negated_segments(sentence)
    if negated == [(0, len(sentence))]:
        return result

    def clean(names: set[str], anchor: int) -> bool:
        """No party and not the cue stand in a denied or hedged part of the sentence."""
        positions = [m.start for m in parties if m.name in names] + ([anchor] if anchor >= 0 else [])
        return not any(s <= p < e or p == e == len(sentence) for p in positions for s, e in negated)

    taken: set[int] = set()
    for draft in find_investments(sentence, parties, last_investee, pair if both else None, context.buyer()):
        if not clean({draft.investor, draft.investee}, draft.anchor):
            continue
        money = closest_money(amounts, draft.anchor, taken, sentence) if draft.anchor >= 0 else []
        shares = [a for a in amounts if a.kind == "shares"] if draft.instrument == Instrument.WARRANT else []
        result.investments.append(InvestmentStatement(
            draft.investor, draft.investee, draft.instrument, Figures.first_of(money + shares, INVESTMENT_FIGURES),
            draft.rule))
    deal_amounts = [
        a for a in amounts
        if a.is_contract_value and a.start not in taken and a.kind in DEAL_FIGURES
        and not (a.kind in ("usd", "eur") and (invested_money(sentence, a) or own_project_money(sentence, a)
                                                 or construction_money(sentence, a)))
    ]
    # "three weeks after Nvidia said it intends to invest in the startup": an investor is no supplier here
    # ("Anthropic will invest $50bn in data centres built with Fluidstack" spends on compute: still a buyer)
    verbs = [verb.start() for verb in INVEST_VERB.finditer(sentence) if not CAPEX_AFTER.match(sentence, verb.end())]
    # ("Nvidia ist an CoreWeave beteiligt und liefert die GPUs": an investor with a supply clause of its own still is)
    investors = {id(m) for m in parties for verb in verbs
                 if 0 <= verb - m.end <= 40 and not NAME_BETWEEN.search(sentence, m.end, verb)
                 and not OWN_SUPPLY_CLAUSE.match(sentence, verb)}
    # "Microsoft will invest $5bn in the startup, while Nvidia is committing up to $10bn": a second investor
    investors |= {id(m) for m in parties if verbs and m.start > verbs[0]
                  and ELLIPTICAL_INVESTOR_AFTER.match(sentence[m.end : m.end + 60])}
    deal_parties = [m for m in parties if id(m) not in investors]
    roles = {company_info(m.name).role for m in deal_parties}
    below = (Role.HOSTING if roles == {Role.HOSTING}
             else Role.NEOCLOUD if roles and roles <= {Role.NEOCLOUD, Role.HOSTING} else None)
    # an unresolved "the chip giant" / "das Start-up" is a party the sentence leaves open: none from context
    deal_args = (sentence, deal_parties, amounts, None if unresolved & {"lab", "startup"} else context.buyer(below),
                 None if unresolved - {"lab", "startup"} else context.provider())
    drafts = [d for d in find_deals(*deal_args, context_compute=context.compute())
              if clean({d.buyer, *d.providers}, d.anchor)]
    for draft in drafts:
        own = deal_amounts if len(drafts) == 1 else []  # an open list of suppliers shares no figure
        if len(drafts) > 1 and len(draft.providers) == 1:
            # "a 6-gigawatt agreement with AMD and a 10-gigawatt letter of intent with Nvidia": each its own figure
            own = [a for a in deal_amounts if deal_phrase_before(sentence, a, draft.anchor, parties)]
        result.deals.append(deal_statement(sentence, draft, own))
    if not drafts:
        # figures in a denied or hedged part of the sentence continue nothing
        result.free_amounts = [a for a in deal_amounts if not any(s <= a.start < e for s, e in negated)]
        if not negated:
            result.tentative = [deal_statement(sentence, d, []) for d in find_deals(*deal_args, assume_compute=True)]
    return result


def deal_statement(sentence: str, draft: DealDraft, amounts: list[Amount]) -> DealStatement:
    return DealStatement(draft.buyer, sorted(draft.providers), deal_resource(sentence, draft.providers),
                         Figures.first_of(amounts, DEAL_FIGURES), capacity_year(sentence), deal_status(sentence),
                         draft.rule)
