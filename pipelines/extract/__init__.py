"""Extraction of compute deals and investments from German and English news text.

    from pipelines.extract import extract_facts
    facts = extract_facts(text, lang="de")
    facts.deals, facts.investments
"""

from .companies import CompanyMention, canonical_company, find_companies
from .grammar import DealFact, ExtractedFacts, InvestmentFact, grammar_facts
from .numbers import Amount, find_amounts
from .sentences import split_sentences


def extract_facts(text: str, lang: str | None = None) -> ExtractedFacts:
    """Deals and investments stated in `text` ('de'/'en' hint for `lang`; detected when None)."""
    return grammar_facts(text, lang)


__all__ = [
    "Amount",
    "CompanyMention",
    "DealFact",
    "ExtractedFacts",
    "InvestmentFact",
    "canonical_company",
    "extract_facts",
    "find_amounts",
    "find_companies",
    "split_sentences",
]
