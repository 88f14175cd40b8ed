"""Sentences that refer back: a sentence without facts of its own that adds figures to the facts just stated
("Der Vertrag hat ein Volumen von …", "The deal is worth …", "Dadurch …")."""

from __future__ import annotations

import re

from ..companies import Role, company_info
from ..modality import capacity_year
from .context import COMPANY_CONTINUATION, CONTINUATION, DEFINITE_REFERENCE
from .cues import COMPUTE_CUE, DEAL_CUE
from .deal_sentence import TENANT_AFTER
from .figure_choice import OWN_PROJECT
from .sentence import SentenceFacts

_MONEY_SUBJECT_START = 12  # money this close to the start of a sentence is its subject ("Rund 1 Mrd. Euro …")


def continues(text: str, previous: SentenceFacts, current: SentenceFacts) -> bool:
    """Whether `current` refers back to the facts of `previous` instead of stating new ones."""
    if current.deals or current.investments:
        return False
    if not current.free_amounts and capacity_year(text[current.start : current.end]) is None:
        return False
    if any(company_info(name).role != Role.CHIP for name in current.names - previous.parties()):
        return False  # a new company: a new subject, not more on the same deal (chip makes aside)
    opening = text[current.start : current.start + 100]
    sentence = text[current.start : current.end]
    money_first = [a for a in current.free_amounts if a.kind in ("usd", "eur") and a.start <= _MONEY_SUBJECT_START]
    return bool(CONTINUATION.search(opening) or COMPANY_CONTINUATION.search(opening) and DEAL_CUE.search(sentence)
                or money_first and not current.names and DEFINITE_REFERENCE.search(sentence, money_first[0].end)
                or refers_back(sentence, current, previous.parties()))


# "Schon im kommenden Jahr soll dadurch mehr als ein Gigawatt bereitstehen", "Under the deal, …": a reference to
# the deal just stated anywhere in the sentence
_ANAPHORA = re.compile(
    r"(?i:\b(?:dadurch|hierdurch|dafür|hierfür|thereby|through it|under it|as part of it|"
    r"in return|im Gegenzug|(?:es geht|geht es) um)\b)|"
    r"\b(?i:the|these|those|die|diese|den|dieser)\s+(?:[\w-]+\s+){0,2}?"
    r"(?i:chips|GPUs|TPUs|accelerators|processors|Beschleuniger\w*|Grafikprozessoren|Prozessoren|Systeme|systems|"
    r"servers|Server)\b"
)


def refers_back(sentence: str, current: SentenceFacts, parties: set[str]) -> bool:
    """Whether a sentence with figures and no fact of its own speaks of the deal just stated: by a reference
    anywhere in it ("der Auftrag", "dadurch", "the chips"), or by naming or describing one of its parties
    ("Das Start-up", "Google's TPUs") in a sentence on a deal or compute. No company outside the deal (checked by
    the caller), no spending on its own sites."""
    if OWN_PROJECT.search(sentence):
        return False
    if DEFINITE_REFERENCE.search(sentence) or _ANAPHORA.search(sentence):
        return True
    if not current.names and _PRONOUN_SUBJECT.match(sentence) and (DEAL_CUE.search(sentence)
                                                                    or _PAYMENT.search(sentence)):
        return True  # "It will pay $300bn for the capacity": the buyer just named
    # "CoreWeave will serve as anchor tenant": the party named in another role, not more on this deal
    if not current.names or not current.names <= parties or TENANT_AFTER.search(sentence):
        return False
    # "Der Facebook-Konzern zahlt dem Suchmaschinenkonzern 10 Mrd. Dollar": both parties and a payment say enough
    both = len(current.names) >= 2
    return bool((DEAL_CUE.search(sentence) or _PAYMENT.search(sentence)) and (COMPUTE_CUE.search(sentence) or both))


_PRONOUN_SUBJECT = re.compile(r"\W*(?:It|They|Sie)\s+(?:will|would|is|are|has|have|plans?|wants?|expects?|"
                             r"agreed|wird|werden|soll|sollen|will|wollen|hat|haben|zahl\w*|pay\w*)\b")
_PAYMENT = re.compile(r"(?i:\b(?:zahl\w*|bezahl\w*|pay(?:s|ing)?|paid)\b)")

