"""Which company mentions can be parties of a fact: not a rival or a point of comparison, not an example, not
the speaker of a quote, not a deal referred to by name, not merely the make of the chips."""

from __future__ import annotations

import re

from ..companies import CompanyMention, Role, company_info
from .clauses import coordinated
from .cues import ACQUIRE_OR_DEPLOY, COMPUTE_CUE, SUPPLY_VERB, USE_OR_GET

_EXAMPLE_BEFORE = re.compile(r"(?i:(?:e\.\s?g\.|z\.\s?B\.|zum Beispiel|for example|for instance|beispielsweise)[\s,:]*(?:[\w-]+[\s,]+){0,6}$)")
# A company named as a rival, an alternative, a point of comparison, or in a joint venture is no party.
NON_PARTY_BEFORE = re.compile(
    r"(?i:(?<!-)(?:Konkurrent\w*|Rival\w*|rival\w*|competitor\w*|Wettbewerber\w*)\s+"
    r"(?:des|der|von|vom|seines|seiner|ihres|ihrer|of|to)\s+(?:[\w-]+\s+){0,3}$"
    r"|(?:beyond|jenseits|than|alternatives? to|Alternativen zu|dependence (?:of [\w'’-]+(?:\s[\w-]+){0,2} )?on|"
    r"Abhängigkeit (?:(?:des|der|vom)\s+(?:[\w-]+\s+){1,3})?von|instead of|statt|"
    r"compet\w* with|konkurrier\w* mit|joint venture with|Joint Venture mit|"
    # "mehr Rechenleistung als Googles TPUs", "more than Amazon's Trainium fleet": a point of comparison
    r"(?:mehr|weniger|besser|schneller|günstiger|billiger|stärker|größer|effizienter|leistungsfähiger)"
    r"(?:\s+[\w-]+){0,3}\s+als)\s+(?:[\w'’-]+\s+){0,3}$)"
)
_NON_PARTY_AFTER = re.compile(
    r"(?i:-?(?:Konkurrent\w*|Rivale\w*|rival\b|competitor\b)|\s+hinaus\b|-(?:Chef|CEO|Aktie\w*)\b|"
    r"(?:[–-]\w+)?(?:['’]s)?\s+joint venture|(?:[–-]\w+)?[\s-]+Joint[\s-]Venture)"
)
_ATTRIBUTION_BEFORE = re.compile(r"[”\"“»«]\s*,?\s*(?:(?:said|says|sagte|sagt|erklärte|so|according to|laut)\s+)?$")
# "The AWS deal follows …", "der Amazon-Deal": a deal referred to by name, not a party of this sentence
_DEAL_REFERENCE = re.compile(r"(?:the|The|der|Der|den|dem|this|This|dieser|Dieser)\s+$")
_DEAL_REFERENCE_AFTER = re.compile(r"(?:[\s-](?:deal|Deal|agreement|contract|partnership|Vertrag|Vereinbarung|Partnerschaft))\b")
# A chip maker named only as the make of the chips ("Nvidia GPUs", "NVIDIA GB300 systems")
_CHIP_MODIFIER_AFTER = re.compile(
    r"(?:['’]s)?[\s-]*(?:(?:most|recent|latest|newest|new|neueste\w*|next-generation|line|of|AI|KI|graphics|"
    r"[\"“„]?[A-Z0-9(][\w().:-]*[\"”“]?)[\s-]+){0,5}?(?:GPUs?|[Cc]hips?|Grafikprozessor\w*|Blackwell|GB\d+|[HB]\d00|DGX|systems|"
    r"Systeme\w*|Superchips?|hardware|Hardware|processors|Prozessoren|accelerators|servers|Server|platform|"
    r"(?:graphics )?processing units|capacity|powered|based|basiert\w*)\b"
)
_CHIP_MODIFIER_BEFORE = re.compile(
    r"(?i:(?:chip\w*|GPUs?|Grafikprozessor\w*|accelerators|Beschleuniger\w*)[\"“”]?\s+(?:des|der|von|vom|from|by|of)\s+"
    r"(?:[\w-]+\s+){0,2}$)"
)
_RELATIVE_AFTER = re.compile(r"(?:['’]s)?\s*,\s*(?:which|who|that|das|die|der|welche[rsm]?)\s+(?P<clause>[^,;:–—]{0,120})")


def states_own_deal(sentence: str, m: CompanyMention) -> bool:
    """"…, which rents GPU capacity from …" / "…, das dort Rechenleistung mietet": a relative clause on the
    company itself that buys, rents or supplies compute."""
    relative = _RELATIVE_AFTER.match(sentence, m.end)
    if not relative:
        return False
    clause = relative.group("clause")
    return bool((ACQUIRE_OR_DEPLOY.search(clause) or SUPPLY_VERB.search(clause)) and COMPUTE_CUE.search(clause))


def is_rival(sentence: str, m: CompanyMention) -> bool:
    """A company named only as a rival or point of comparison ("einem der Rivalen von OpenAI", "OpenAI's rival"):
    no company a later "das Start-up" / "the startup" can mean."""
    before, after = sentence[max(0, m.start - 60) : m.start], sentence[m.end : m.end + 25]
    return bool((NON_PARTY_BEFORE.search(before) or _NON_PARTY_AFTER.match(after)) and not states_own_deal(sentence, m))


def party_mentions(sentence: str, mentions: list[CompanyMention]) -> list[CompanyMention]:
    """Mentions that can be parties: not a rival named for comparison, not an example, not a CEO title."""
    kept: list[CompanyMention] = []
    dropped: list[CompanyMention] = []
    for m in mentions:
        before, after = sentence[max(0, m.start - 60) : m.start], sentence[m.end : m.end + 25]
        excluded = NON_PARTY_BEFORE.search(before) or _NON_PARTY_AFTER.match(after) or _EXAMPLE_BEFORE.search(before)
        if not excluded and _ATTRIBUTION_BEFORE.search(before):
            excluded = True  # '“…,” OpenAI said': the speaker of a quote, not a party of what it says
        if not excluded and _DEAL_REFERENCE.search(before) and _DEAL_REFERENCE_AFTER.match(after):
            excluded = True
        if not excluded and dropped and coordinated(sentence, dropped[-1], m):
            excluded = True  # "rivals like Amazon and Google": the whole coordination
        if excluded and NON_PARTY_BEFORE.search(before) and states_own_deal(sentence, m):
            excluded = False  # "its dependence on Microsoft, which rents GPUs from it": a party of its own clause
        (dropped if excluded else kept).append(m)
    return kept


def is_chip_modifier(sentence: str, m: CompanyMention) -> bool:
    """"Nvidia GPUs", "NVIDIA GB300 systems", "Chipsystemen des Chipkonzerns Nvidia": the chips' make."""
    return (m.via_product or bool(_CHIP_MODIFIER_AFTER.match(sentence[m.end : m.end + 70]))
            or bool(_CHIP_MODIFIER_BEFORE.search(sentence[max(0, m.start - 60) : m.start])))


def product_maker(sentence: str, mentions: list[CompanyMention]) -> str | None:
    """The chip maker whose product a company in the sentence uses or gets, when no supplier is named: the
    product implies who sells it. None for a mere comparison (the mention is then no party) or several makers."""
    products = [m for m in mentions if m.via_product and company_info(m.name).role == Role.CHIP]
    if not products or not USE_OR_GET.search(sentence):
        return None
    makers = {m.name for m in products}
    suppliers = {m.name for m in mentions if not m.via_product
                 and company_info(m.name).role not in (Role.LAB, Role.BUYER, Role.INVESTOR, Role.COMPONENT)}
    customers = [m for m in mentions if company_info(m.name).role in (Role.LAB, Role.BUYER, Role.CLOUD, Role.NEOCLOUD)
                 and m.name not in makers]
    if len(makers) != 1 or suppliers - makers or not customers:
        return None
    return next(iter(makers))
