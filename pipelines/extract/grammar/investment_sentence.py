"""One sentence as the investment rules read it: the companies that can be parties, the investment verbs that
state an investment, and where an investee stands."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..companies import CompanyMention, Role, company_info
from .clauses import coordinated
from .cues import INVEST_VERB, INVESTOR_NOUN, SALE_VERB
from .drafts import InvestmentDraft

INVESTEE_BEFORE = re.compile(
    r"(?i:\b(?:in|into|an|on|bei|beim|backing|backs|backed|of|für|for)\s+(?:[\w’'-]+\s+){0,6}$|"
    r"\b(?:Stammaktien|Aktien|Anteile?|shares|stock)\s+(?:von|der|des|of)\s+(?:[\w’'-]+\s+){0,3}$)"
)
# "invest in data centres built with X": X is no investee
_COMPUTE_OBJECT = re.compile(
    r"(?i:data ?cent|Rechenzentr|infrastructure|Infrastruktur|capacity|Kapazit|compute\b|Rechenleistung)"
)
ELLIPTICAL_INVESTOR_AFTER = re.compile(
    # "…, while Nvidia is committing up to $10bn": the verb of the second investor may be a commitment
    r"\s+(?:(?:is |will be |has )?(?:committing|commits|committed|adding|adds|contributing|contributes|"
    r"steuert|schießt|legt)\s+)?(?:(?:up to|bis zu|about|rund|etwa|another|weitere)\s+)?(?:[$€]?\d|[a-zäöü]+\s+(?:Milliard\w*|Million\w*|Mrd|billion|million)\b)"
)
SHARES_AFTER = re.compile(r"(?:-(?:Stamm)?[Aa]ktien|(?:['’]s?)?\s+(?:common\s+|new\s+)?(?:shares|stock))\b")
_DIRECT_OBJECT_BEFORE = re.compile(r"(?i:\b(?:in|into|an|in die|in den|in das)\s+$)")
# "bei Intel und beim Netzwerkausrüster Nokia eingestiegen", "an dem Hersteller … Synopsys": an object, not a subject
OBJECT_BEFORE = re.compile(
    r"(?:\b(?i:in|into|an|bei|beim)\s+$|\b(?:in|into|an|bei|beim)\s+(?:(?:de[mnrs]|die|das|the)\s+)?"
    r"(?:[^\W\d][\w-]*\s+){0,4}$)"
)
# Selling a stake is no investment: "sold its entire stake in", "verkauft seine Anteile an"
SALE_BEFORE = re.compile(r"(?i:" + SALE_VERB + r"[^.;]{0,40}$)")
_NOT_EQUITY_AFTER = re.compile(
    r"(?i:['’]?s?\s+(?:[\w-]+\s+){0,2}[\w-]*?(?:infrastructure|Infrastruktur|data ?cent|Rechenzentr|compute|capacity|cloud|"
    r"chips|GPUs)|-(?:Infrastruktur|Rechenzentr|Cloud|Chips))"
)
# ", and …", "; …", ", während …": a new clause with a subject and verb of its own
_NEW_CLAUSE = re.compile(r"[;]|,\s*(?:and|but|while|whereas|und|aber|doch|während|wobei)\s+(?!(?:in|into|an)\b)")
# "backer with $8bn invested", "mit 8 Mrd. Dollar investiert": a participle on the noun before, not a verb of its own
_WITH_INVESTED = re.compile(r"(?i:\b(?:with|mit)\s+(?:[^\s,;]+\s+){1,5}?$)")


WITH_INVESTED_AFTER = re.compile(r"(?i:\s+(?:with|mit)\s+[^,;]{0,40}?\b(?:invested|investiert)\b)")


_RELATIVE_INVESTEE = re.compile(
    r"(?i:,\s*(?:in which|in whom|into which|an (?:dem|der|denen)|in (?:das|die|den))\s+(?:it|they|es|sie|er)\s+"
    r"(?:[^\s,;]+\s+){0,6}?$)"
)



@dataclass
class InvestmentSentence:
    """The input of the investment rules.

    `last_investee` is the company the sentences before said raised money or was invested in; `pair` the two
    companies a "the two companies" in the sentence refers to; `context_lab` the lab an unnamed investee ("in the
    startup", "an dem Start-up") stands for.
    """

    sentence: str
    mentions: list[CompanyMention]
    last_investee: str | None = None
    pair: tuple[str, str] | None = None
    context_lab: str | None = None

    @cached_property
    def parties(self) -> list[CompanyMention]:
        """Companies that can be parties; of products, only a lab's ("ChatGPT") stands for its company."""
        return [m for m in self.mentions if not m.via_product or company_info(m.name).role == Role.LAB]

    @cached_property
    def verbs(self) -> list[re.Match]:
        """The investment verbs that state an investment: not a sale ("sold its stake in"), not a participle on a
        noun ("Anthropic's largest backer with $8bn invested")."""
        sentence, verbs = self.sentence, []
        for verb in INVEST_VERB.finditer(sentence):
            if SALE_BEFORE.search(sentence[max(0, verb.start() - 30) : verb.start()]):
                continue
            if _WITH_INVESTED.search(sentence[max(0, verb.start() - 50) : verb.start()]) and INVESTOR_NOUN.search(
                    sentence, 0, verb.start()):
                continue
            verbs.append(verb)
        return verbs

    def relative_investee(self, verb: re.Match) -> tuple[CompanyMention, CompanyMention] | None:
        """(investor, investee) when `verb` stands in a relative clause on the investee ("Anthropic, in which it
        has invested $8bn"): the company before the pronoun is the investee, the one named before it invests."""
        sentence, parties = self.sentence, self.parties
        relative = _RELATIVE_INVESTEE.search(sentence, max(0, verb.start() - 60), verb.start())
        if not relative:
            return None
        head = [m for m in parties if m.end <= relative.start() and not sentence[m.end : relative.start()].strip("’'s ")]
        others = [m for m in parties if head and m.end <= head[-1].start and m.name != head[-1].name]
        return (others[-1], head[-1]) if head and others else None

    def investee_after(self, pos: int, investor: str) -> list[CompanyMention]:
        """The company invested in: after the cue, behind "in"/"an"/"backing"; with any companies coordinated to it."""
        sentence, parties = self.sentence, self.parties
        for i, m in enumerate(parties):
            if m.start < pos or m.name == investor:
                continue
            if _NEW_CLAUSE.search(sentence, pos, m.start):
                break  # "…invested, and Anthropic also runs workloads on AWS": a clause of its own
            before = sentence[max(pos, m.start - 50) : m.start]
            between = sentence[pos : m.start][-50:] if m.start - pos > 0 else ""
            if not (INVESTEE_BEFORE.search(between) or SHARES_AFTER.match(sentence, m.end)):
                continue
            if _COMPUTE_OBJECT.search(between):
                continue
            if _DIRECT_OBJECT_BEFORE.search(before) and _NOT_EQUITY_AFTER.match(sentence[m.end : m.end + 40]):
                return []  # "investment in Amazon's AI infrastructure" buys compute, not equity
            found = [m]
            for nxt in parties[i + 1 :]:
                if ELLIPTICAL_INVESTOR_AFTER.match(sentence[nxt.end : nxt.end + 40]):
                    break  # "…in das Start-up, der Chipkonzern Nvidia bis zu zehn Milliarden": the next investor
                if coordinated(sentence, found[-1], nxt):
                    found.append(nxt)
            return found
        return []


def dedupe(drafts: list[InvestmentDraft]) -> list[InvestmentDraft]:
    """One draft per investor and investee (the first), none investing in itself."""
    seen, result = set(), []
    for d in drafts:
        if (d.investor, d.investee) not in seen and d.investor != d.investee:
            seen.add((d.investor, d.investee))
            result.append(d)
    return result
