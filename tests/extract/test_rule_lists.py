"""The grammar's rule lists: every rule is documented with a German and an English example that the grammar
reads as the rule says, every fact names a rule of the lists, and every lexicon class the grammar uses exists in
both language files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipelines.extract import extract_facts
from pipelines.extract.grammar import DEAL_RULES, INVESTMENT_RULES, grammar_facts, rule_names
from pipelines.extract.grammar.cues import used_classes
from pipelines.extract.lexicon import LANGUAGES

_EXAMPLE = re.compile(r'^\s*(de|en): "(.+?)"(?:\s*\((no deal|no investment)\))?\s*$', re.M)
_RULES = [(rule, "deal") for item in DEAL_RULES for rule in (item if isinstance(item, tuple) else (item,))] + [
    (rule, "investment") for item in INVESTMENT_RULES for rule in (item if isinstance(item, tuple) else (item,))]


def _examples():
    for rule, kind in _RULES:
        for lang, text, negative in _EXAMPLE.findall(rule.__doc__ or ""):
            yield pytest.param(rule.__name__, kind, lang, text, bool(negative), id=f"{rule.__name__}-{lang}")


def test_every_rule_has_a_docstring_with_a_german_and_an_english_example():
    for rule, _ in _RULES:
        languages = {lang for lang, _, _ in _EXAMPLE.findall(rule.__doc__ or "")}
        assert languages == {"de", "en"}, f"{rule.__name__}: needs 'de: \"…\"' and 'en: \"…\"' examples"


def test_rule_names_are_unique_and_in_order():
    names = rule_names(DEAL_RULES) + rule_names(INVESTMENT_RULES)
    assert len(names) == len(set(names))
    assert rule_names(DEAL_RULES)[:2] == ["owned_supplier", "supplier_list"]
    assert rule_names(DEAL_RULES)[-1] == "role_order"  # the companies' roles decide last
    assert rule_names(INVESTMENT_RULES)[0] == "warrant"


@pytest.mark.parametrize("rule, kind, lang, text, negative", list(_examples()))
def test_the_docstring_examples_are_read_as_the_rule_says(rule, kind, lang, text, negative):
    facts = grammar_facts(text, lang)
    found = facts.deals if kind == "deal" else facts.investments
    if negative:
        assert found == []
    else:
        assert rule in {f.rule for f in found}, [(f, f.rule) for f in found]


def test_every_fact_names_a_rule_of_the_lists():
    names = set(rule_names(DEAL_RULES)) | set(rule_names(INVESTMENT_RULES))
    text = ("OpenAI mietet Rechenleistung bei Oracle für 30 Mrd. Dollar. Der Vertrag läuft fünf Jahre. "
            "Nvidia investiert 2 Mrd. Dollar in Mistral AI. Meta rents GPU capacity from CoreWeave for $14bn.")
    facts = extract_facts(text, "de")
    assert facts.deals and facts.investments
    assert {f.rule for f in facts.deals} | {f.rule for f in facts.investments} <= names
    assert all(f.to_dict()["rule"] for f in facts.deals + facts.investments)


def test_each_lexicon_class_the_grammar_uses_exists_in_both_language_files():
    folder = Path(__file__).parents[2] / "pipelines" / "extract" / "lexicon"
    for lang in LANGUAGES:
        classes = yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8"))["classes"]
        assert len(used_classes()) >= 20  # every module of the grammar is imported above
        missing = [name for name in used_classes() if name not in classes]
        assert not missing, f"{lang}.yaml lacks {missing}"
