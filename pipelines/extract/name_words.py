"""Words of organisation names: runs of capitalised words, and which words can be part of a name.

A German text capitalises every noun, so "a capitalised word" is no name by itself: a word common in
either language ("Rechenzentren", "However") or a German compound ending in one ("Netzwerktechnik")
is no name; frequencies come from model/vocabulary.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document
from .lexicon import lexicon
from .model.vocabulary import zipf


MAX_NAME_WORDS = 6
_HYPHEN_ADJECTIVE = re.compile(r"\w+-[a-zäöüß]")  # "Tokyo-based", "US-amerikanische"


def trim_leading_words(words: list[str]) -> list[str]:
    """A run of capitalised words without the descriptions before the name: function words ("Die"), common
    words ("Start-up", "Chipkonzern"), hyphenated adjectives ("Tokyo-based")."""
    function = lexicon().pattern("function_word")
    company_noun = lexicon().pattern("company_noun")
    while len(words) > 2 and (function.fullmatch(words[0]) or common_word(words[0]) or company_noun.fullmatch(words[0])
                              or _HYPHEN_ADJECTIVE.match(words[0])):
        words = words[1:]
    return words


CONNECTOR_WORDS = {"&", "of", "de", "for", "für"}


def name_runs(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words in text[start:end] ("Nexus Venture Partners", "Alice & Bob"); every rule
    of open_names.py reads them, so they are found once per span."""
    cache = doc.derived.setdefault("name_runs", {})
    if (start, end) not in cache:
        cache[start, end] = _find_name_runs(doc, start, end)
    return cache[start, end]


def _find_name_runs(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    runs: list[list[int]] = []
    previous_end = None
    for token in doc.tokens_between(start, end):
        word = token.text
        capital = bool(re.match(r"[A-ZÄÖÜ]", word) or word.isdigit() and len(word) <= 4)
        joins = runs and previous_end is not None and doc.text[previous_end : token.start] in (" ", "")
        if capital and joins and runs[-1][1] == previous_end:
            runs[-1][1] = token.end
        elif word in CONNECTOR_WORDS and runs and runs[-1][1] == previous_end and doc.text[previous_end : token.start] == " ":
            runs[-1].append(-1)  # provisional: kept only if a capitalised word follows
            runs[-1][1] = token.end
        elif capital:
            runs.append([token.start, token.end])
        previous_end = token.end
    cleaned = []
    for run in runs:
        s, e = run[0], run[1]
        text = doc.text[s:e]
        while text.split() and text.split()[-1] in CONNECTOR_WORDS:  # "Alice &" without "Bob"
            text = text.rsplit(" ", 1)[0] if " " in text else ""
        if re.search(r"[^\W\d_]", text) and not text.split()[-1].isdigit():
            cleaned.append((s, s + len(text)))
    return cleaned


_COMPOUND_TAIL = 5  # letters: the shortest common German noun that ends a compound ("-werke", "-technik")


@lru_cache(maxsize=100_000)
def common_word(name: str) -> bool:
    """A single common word of either language ("Rechenzentren", "Cloud", "However") is no name, nor a German
    compound ending in one ("Netzwerktechnik")."""
    words = name.split()
    if len(words) != 1:
        return False
    word = words[0].split("-")[-1]
    de, en = zipf(word)
    if de >= 2.5 and en < 1.5 or en >= 3.5 and de < 1.5 or min(de, en) >= 4.0:
        return True
    return any(zipf(word[i:])[0] >= 3.0 and zipf(word[i:])[0] - zipf(word[i:])[1] >= 1.5
               for i in range(3, len(word) - _COMPOUND_TAIL + 1))


@lru_cache(maxsize=100_000)
def proper_word(word: str) -> bool:
    """A word that names something: an abbreviation in capitals ("US", "JSC"), or not a function word, a number or a
    common word of either language ("Michigan", "Jülich"; not "Research", "Strategie")."""
    if word.isdigit() or word in CONNECTOR_WORDS or lexicon().pattern("function_word").fullmatch(word):
        return False
    return word.isupper() and len(word) > 1 and word.isalpha() or not common_word(word)


def names_something(words: list[str]) -> bool:
    """Whether an abbreviated phrase is a name: a rare or capitals-only word ("Los Alamos", "UFJ") or a word of
    organisation names ("Oak Ridge National Laboratory"); "Graphics Processing Unit" and "Small Modular Reactors"
    are things."""
    lex = lexicon()
    if any(lex.search(cls, " ".join(words)) for cls in ("org_research_name", "org_investor_name", "legal_form")):
        return True
    return any(w.isupper() and len(w) > 1 or max(zipf(w.split("-")[0])) < 3.0 for w in words if w not in CONNECTOR_WORDS)


def plausible_open_name(name: str) -> bool:
    """A recognised name worth a party: starts with a capital or digit, has a letter, is not a lone function word,
    a month, a plural of a chip ("GPUs") or a title (lexicon class not_a_name), nor a number of things
    ("24 Rechenzentren"), and has no more than six words."""
    if not name or not re.match(r"[A-ZÄÖÜ0-9]", name) or not re.search(r"[^\W\d_]", name):
        return False
    words = name.split()
    if len(name) < 2 or len(words) > MAX_NAME_WORDS:
        return False
    if words[0].isdigit() and len(words) == 2 and common_word(words[1]):
        return False
    lex = lexicon()
    if lex.pattern("function_word").fullmatch(name) or lex.pattern("not_a_name").fullmatch(words[0]):
        return False
    return not (len(words) == 1 and lex.pattern("not_a_name").fullmatch(name))
