"""Extraction of compute deals and investments from German and English news text.

    from pipelines.extract import extract_facts
    facts = extract_facts(text, lang="de")
    facts.deals, facts.investments
"""

from .companies import CompanyMention, canonical_company, find_companies
from .facts import DealFact, ExtractedFacts, InvestmentFact, extract_facts
from .numbers import Amount, find_amounts
from .sentences import split_sentences

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
