"""The cue vocabulary: one file per language, compiled once, matched the same way by pattern and by matches()."""

import re

import pytest
import yaml

from pipelines.extract.lexicon import LANGUAGES, entry_regex, lexicon
from pipelines.extract.lexicon import _FOLDER as LEXICON_FOLDER


def _classes(lang: str) -> dict:
    return yaml.safe_load((LEXICON_FOLDER / f"{lang}.yaml").read_text(encoding="utf-8"))["classes"]


def test_every_class_is_in_both_language_files():
    assert set(_classes("de")) == set(_classes("en"))


def test_every_class_has_a_doc_and_words_in_some_language():
    """A class may be empty in one language (English has no separable verbs), never in both."""
    for name in _classes("en"):
        for lang in LANGUAGES:
            spec = _classes(lang)[name]
            assert spec.get("doc"), f"{lang}.yaml: class {name} has no doc"
            assert isinstance(spec.get("words"), list), f"{lang}.yaml: class {name} has no word list"
        assert any(_classes(lang)[name]["words"] for lang in LANGUAGES), f"class {name} has no words at all"


def test_entry_regex_stems_and_phrases():
    assert re.fullmatch(entry_regex("purchas*"), "purchases")
    assert not re.search(entry_regex("purchas*"), "repurchases")
    assert re.fullmatch(entry_regex("led by"), "led  by")
    assert re.search(entry_regex("*rechenzentr*"), "KI-Rechenzentren", re.IGNORECASE)


@pytest.mark.parametrize("text, lang, cls", [
    ("OpenAI mietet Rechenleistung bei Oracle", "de", "acquire"),
    ("OpenAI rents compute from Oracle", "en", "acquire"),
    ("Die Stadtwerke liefern Strom an das Rechenzentrum", "de", "supply"),
    ("The utility supplies power to the data center", "en", "supply"),
    ("Angeführt wurde die Runde von Brightwater Capital", "de", "lead"),
    ("The round was led by Brightwater Capital", "en", "lead"),
    ("AMD gewährt Optionsscheine auf 160 Millionen Aktien", "de", "warrant"),
    ("AMD granted a warrant for 160 million shares", "en", "warrant"),
    ("Microsoft ist in Gesprächen mit Nebius", "de", "hedge"),
    ("Microsoft is in talks with Nebius", "en", "hedge"),
])
def test_cue_classes_in_both_languages(text, lang, cls):
    assert cls in lexicon().classes_in(text)
    assert cls in lexicon().classes_in(text, lang)


def test_separable_german_verbs():
    assert "acquire" in lexicon().classes_in("OpenAI nimmt die Kapazität über fünf Jahre ab", "de")
    assert "invest" in lexicon().classes_in("Nvidia steigt bei dem Start-up mit 2 Milliarden ein", "de")


@pytest.mark.parametrize("text", [
    "Quokka Compute hat einen Vertrag über GPU-Kapazität bei Oracle unterzeichnet, der bis 2030 läuft.",
    "Brightwater Capital led the $300 million Series B, with participation from Harbor Peak Ventures.",
])
def test_token_matcher_finds_what_the_patterns_find(text):
    by_pattern = {(name, m.start(), m.end()) for name in lexicon().names for m in lexicon().pattern(name).finditer(text)}
    by_tokens = set(lexicon().matches(text))
    assert by_pattern <= by_tokens | {m for m in by_pattern if any(
        t[0] == m[0] and t[1] <= m[1] and m[2] <= t[2] for t in by_tokens)}
    assert by_tokens


def test_case_sensitive_classes_keep_case():
    assert "legal_form" in lexicon().classes_in("Stadtwerke Musterstadt AG", "de")
    assert "legal_form" not in lexicon().classes_in("die ag war da", "de")
