"""The hand-written bilingual grammar: deals and investments stated in German and English news text.

    from pipelines.extract.grammar import grammar_facts
    facts = grammar_facts(text, lang="de")
    facts.deals[0].rule   # "from_x": the rule that stated the deal

Layout (imports run one way, top to bottom):

    article.py            one article: sentences, continuations, one fact per pair of parties
    continuation.py       sentences that refer back and add figures
    sentence.py           one sentence: parties, rules, which figure belongs to which fact
    deal_rules.py         DEAL_RULES, the ordered deal rules, and find_deals
    deal_phrases.py       the deal rules that read a phrase (passive, lease-to, from-X, …)
    deal_sentence.py      a sentence as the deal rules see it (cue, compute, parties, buyer by role)
    investment_rules.py   INVESTMENT_RULES, the ordered investment rules, and find_investments
    investment_sentence.py  a sentence as the investment rules see it
    fundraising.py        which company raised a round
    figure_choice.py      money that is no deal value, the money closest to a cue
    facts.py, figures.py  statements and public facts; Money and Quantity
    merge.py, context.py  one fact per parties; what the sentences before named
    party_filter.py       rivals, examples, chip makes: no parties
    clauses.py            coordination and clause breaks between names
    cues.py               the shared cue vocabulary, built from lexicon/de.yaml and lexicon/en.yaml
    drafts.py             DealDraft, InvestmentDraft, Instrument and the rule runner
"""

from .article import grammar_facts
from .deal_rules import DEAL_RULES, find_deals
from .drafts import DealDraft, Instrument, InvestmentDraft, rule_names
from .facts import DealFact, ExtractedFacts, InvestmentFact
from .investment_rules import INVESTMENT_RULES, find_investments

__all__ = [
    "DEAL_RULES",
    "INVESTMENT_RULES",
    "DealDraft",
    "DealFact",
    "ExtractedFacts",
    "Instrument",
    "InvestmentDraft",
    "InvestmentFact",
    "find_deals",
    "find_investments",
    "grammar_facts",
    "rule_names",
]
