"""German or English? A stopword vote, which is all a de/en pipeline needs.

Function words make up a third to a half of running text in both languages, so even a
headline-plus-teaser has enough of them. Words both languages share ("in", "so", "also",
"was", "will", "man") are left out of both lists. Anything else (French, code, a list of
names) gets too few hits and comes back as None rather than a guess.
"""

from __future__ import annotations

import re

_GERMAN = frozenset("""
der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind
war waren wird werden wurde wurden hat haben hatte sich mit von zu zum zur auf für bei
aus nach über unter auch noch nur schon sehr mehr wie wenn dass daß sie er es wir ihr
ich ihre ihren sein seine seinen im am vom beim durch gegen ohne um bis kann können
soll sollen muss müssen diese dieser dieses diesem einem jetzt heute laut sowie rund
etwa bereits damit dabei denn doch als wo weil keine kein nun hier dort
""".split())

_ENGLISH = frozenset("""
the a of and or but not is are was were be been being has have had it its this that
these those with from to for on at by as which who whom what when where while would
should could can may might must shall they their them he she his her we our you your
i there than then into over about after before because more most also just only said
says will new such any all some each other
""".split()) - {"was", "will", "also"}

_WORD = re.compile(r"[a-zäöüß]+")
_MIN_HITS = 3  # fewer stopwords than this: too little text to call
_MIN_SHARE = 0.75  # the winner must hold this share of all stopword hits
_MIN_DENSITY = 0.12
_STRICT_MIN_HITS = 25
_STRICT_MIN_SHARE = 0.9  # stopwords per word; real de/en prose is well above this


def language_scores(text: str) -> tuple[int, int, int]:
    """(German hits, English hits, words) over at most the first 20,000 characters."""
    words = _WORD.findall((text or "")[:20_000].lower())
    german = sum(1 for word in words if word in _GERMAN)
    english = sum(1 for word in words if word in _ENGLISH)
    return german, english, len(words)


def detect_language(text: str) -> str | None:
    """'de', 'en', or None when the text is too short, mixed or another language."""
    return _classify(text, _MIN_HITS, _MIN_SHARE)


def detect_language_strictly(text: str) -> str | None:
    """Like detect_language, but only for long, unmixed text: strong enough evidence to
    overrule a page's declared language."""
    return _classify(text, _STRICT_MIN_HITS, _STRICT_MIN_SHARE)


def _classify(text: str, min_hits: int, min_share: float) -> str | None:
    german, english, words = language_scores(text)
    hits = german + english
    if hits < min_hits or hits < _MIN_DENSITY * words:
        return None
    if german >= min_share * hits:
        return "de"
    if english >= min_share * hits:
        return "en"
    return None


def normalize_language_tag(tag: str | None) -> str | None:
    """'de-DE', 'de_AT', 'EN-us' → 'de' / 'en'; other languages keep their primary subtag."""
    if not tag:
        return None
    primary = re.split(r"[-_,;\s]", tag.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
