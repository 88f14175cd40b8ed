"""The cue vocabulary the grammar's rules share: deal, compute, acquire, supply, invest and warrant cues.

A cue that is a list of words comes from the lexicon (lexicon/de.yaml for German words, lexicon/en.yaml for
English), compiled once, so a word is added in one place; the classes the grammar reads are marked "(grammar)"
in the files. What is built around the words here (gaps like `[^.;]{0,90}?`, what must follow) is structure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import LANGUAGES, lexicon

_USED: set[str] = set()  # the lexicon classes the grammar has asked for


def used_classes() -> list[str]:
    """The lexicon classes the grammar's modules read (a test checks that each is in both language files)."""
    return sorted(_USED)


def _entry(entry: str) -> tuple[str, str]:
    """One lexicon entry as the grammar matches it: (kind, regex), kind "word" (starts at a word), "stem" or "re".

    As in the lexicon, `*` stands for word characters and a phrase's spaces for any white space; but a leading
    `*` (a stem inside a compound: "*liefer*" in "Stromlieferung") starts the match at the stem, where the
    grammar's positions are tuned."""
    if entry.startswith("re:"):
        return "re", entry[3:]
    body = "".join(r"\w*" if piece == "*" else r"\s+" if piece.isspace() else re.escape(piece)
                   for piece in re.split(r"(\*|\s+)", entry.strip()) if piece)
    tail = r"(?!\w)" if re.search(r"\w$", entry) else ""
    if entry.startswith("*"):
        return "stem", body[len(r"\w*"):] + tail
    return ("word" if re.match(r"\w", entry) else "re"), body + tail


@lru_cache(maxsize=None)
def words(*classes: str) -> str:
    """One regular expression (as text) for the words of the given lexicon classes, both languages.

    Entries that start a word share one look-behind and stems one group, longer entries first (a phrase wins over
    its first word): the regex engine then rejects most positions at once."""
    groups: dict[tuple[str, str], set[str]] = {}
    _USED.update(classes)
    for name in classes:
        flag = "i" if lexicon().pattern(name).flags & re.IGNORECASE else "-i"
        for entry in {e for lang in LANGUAGES for e in lexicon().classes[name].words[lang]}:
            kind, regex = _entry(entry)
            groups.setdefault((flag, kind), set()).add(regex)
    parts = []
    for (flag, kind), regexes in sorted(groups.items()):
        alternatives = "|".join(f"(?:{r})" if kind == "re" else r for r in sorted(regexes, key=lambda r: (-len(r), r)))
        parts.append(f"(?{flag}:" + (r"(?<!\w)" if kind == "word" else "") + f"(?:{alternatives}))")
    return "(?:" + "|".join(parts) + ")"


# a deal word, buying, paying, supplying, using, getting access, a customer or provider, ordering, setting up
DEAL_CUE = re.compile(words("deal_word", "buy_verb", "pay_for", "supply_verb", "use_verb", "access_verb",
                            "customer_noun", "provider_noun", "order_verb", "setup_verb"))
COMPUTE_CUE = re.compile(words("compute_cue"))
# the buyer's verb: "mietet … bei Oracle", "buys chips from Nvidia", "pays … for"
ACQUIRE = re.compile(words("buy_verb", "obtain_verb", "pay_for"))
# "X liefert … an Y", "will provide Y with …"; "stellt … bereit / zur Verfügung"
SUPPLY_VERB = re.compile(r"\b(?:(?i:will |to |soll |wird ))?(?:" + words("supply_verb") + r"|(?i:stellt\w*\b))")
ACQUIRE_OR_DEPLOY = re.compile(words("buy_verb", "obtain_verb", "order_verb", "use_verb", "setup_verb", "build_verb"))
# using or getting chips: "nutzt", "erhält Zugriff auf", "gets access to", "will deploy"
USE_OR_GET = re.compile(words("use_verb", "access_verb", "get_verb", "buy_verb", "order_verb"))
POWER_CUE = re.compile(
    r"(?i:\bStrom(?!aufnahme|bedarf)\w*|electricity|power supply|power purchase|Energieversorgung|Windkraft|Solar)"
)

# investing; buying shares is investing when shares or a stake follow ("erwirbt Stammaktien im Wert von …",
# "takes a $1bn stake")
INVEST_VERB = re.compile(
    words("invest_verb") + r"|(?i:\b" + words("buy_shares_verb") + r"(?=\s+(?:[\w$€.,%-]+\s+){0,5}?(?:\w+-)?\w*?"
    + words("shares_noun") + r"))"
)
INVEST_NOUN = re.compile(words("invest_noun"))
INVESTOR_NOUN = re.compile(words("investor_noun"))
WARRANT = re.compile(words("warrant_word") + r"|(?i:options? (?:on|for|to buy) (?:up to )?[\w.,\s]*shares)")
RECEIVE_VERB = re.compile(words("receive_verb"))
SALE_VERB = words("sale_verb")
ROUND_NOUN = re.compile(words("round_noun"))
RAISE_VERB = re.compile(words("raise_verb"))
# the investors of a round follow; "zogen auch bisherige Geldgeber mit, darunter …", "existing investors also took
# part, including …"
INVESTORS_FOLLOW = re.compile(
    words("investors_follow") + r"|(?i:(?:Geldgeber\w*|Investoren|Kapitalgeber\w*|investors|backers)\b[^.;]{0,40}?"
    r"\b(?:darunter|including|such as|unter anderem|among them))"
)
