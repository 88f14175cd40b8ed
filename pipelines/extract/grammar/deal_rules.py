"""Who buys compute from whom within one sentence: the ordered deal rules.

A deal needs three things in the sentence: two companies, a deal cue (agreement, supply, rent, "setzt auf",
"Vereinbarung mit" …) and a compute cue (chips, cloud, data centres, gigawatts …). Naming two companies is not
enough. Roles come from the sentence where it says so ("from X", "bei X", "X liefert an Y") and otherwise
from what the companies are (an AI lab buys from a cloud, a cloud buys from a chip maker: companies.yaml).

`DEAL_RULES` is applied in order; the first rule that decides wins, and every deal names its rule. To add a
rule: write a function `rule(d: DealSentence) -> list[DealDraft] | None` with a docstring giving a German and
an English example, put it in the list where it should take precedence, and add a test named after it.
"""

from __future__ import annotations

import re

from ..companies import CAPACITY_ROLES, CompanyMention, Role, company_info, role_rank
from ..numbers import Amount
from .deal_phrases import (
    build_for,
    from_x,
    lease_to,
    owned_supplier,
    passive_build_for,
    passive_supply,
    supplier_list,
    supply_verb,
    tenant,
)
from .deal_sentence import DealSentence, is_joint
from .drafts import DealDraft, apply_rules
from .party_filter import is_chip_modifier

# Companies that found a joint venture together are no buyer and seller of compute in that sentence.
_JOINT_VENTURE_FOUNDED = re.compile(
    r"(?i:\b(?:plan\w*|gründ\w*|form\w*|creat\w*|set(?:s|ting)? up|establish\w*|launch\w*|bilde?n?|bildet)\b"
    r"[^.;]{0,50}?(?:joint[ -]venture|Gemeinschaftsunternehmen)|"
    r"(?:joint[ -]venture|Gemeinschaftsunternehmen)[^.;]{0,40}?\b(?:gegründet|gründen|formed|created|established|set up))"
)
# A takeover offer or merger is no purchase of compute.
_TAKEOVER = re.compile(
    r"(?i:takeover|all-stock|all-cash|\bmerger\b|\bmerge with|buyout|\boffer for|\bbid for|Übernahme(?:angebot|versuch|pläne)?\b|"
    r"Kaufangebot|Fusion mit)"
)
# A guarantee for someone else's lease is no purchase of compute (nor an investment).
_BACKSTOP = re.compile(
    r"(?i:backstop\w*|Bürgschaft\w*|\bbürg(?:t|en)\b|(?:guarantee\w*|garantier\w*|Garantie\w*|absicher\w*|Absicherung)\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?(?:obligations|lease|payments|[\w-]*[Vv]erpflichtung\w*|[\w-]*[Ll]easing\w*|Miet\w*|Zahlung\w*))"
)
_TOGETHER = re.compile(r"(?i:\btogether\b|\bjointly\b|\bgemeinsam\b|\bzusammen\b)")
_UNDER_THE_DEAL = re.compile(
    r"(?i:\b(?:under|as part of|through)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?(?:deal|agreement|contract)|"
    r"\b(?:im Rahmen|unter)\s+(?:des|der|dieses|dieser)\s+(?:[\w-]+\s+)?(?:Vertrag\w*|Vereinbarung|Abkommen\w*|Deals?)\b)"
)


def no_deal_cue(d: DealSentence) -> list[DealDraft] | None:
    """No deal without a deal cue and compute: naming two companies is not enough.

    de: "Microsoft und OpenAI stellten auf der Konferenz neue Modelle vor." (no deal)
    en: "Nvidia and AMD both reported results on Tuesday." (no deal)
    """
    return [] if not d.cue or not d.has_compute else None


def joint_venture_takeover_backstop(d: DealSentence) -> list[DealDraft] | None:
    """Founding a joint venture, a takeover or merger, and a guarantee for someone else's lease are no purchase
    of compute.

    de: "SoftBank und OpenAI gründen ein Joint Venture für Rechenzentren in Japan." (no deal)
    en: "Google will backstop $3bn of Fluidstack's lease obligations to TeraWulf." (no deal)
    """
    sentence = d.sentence
    if _JOINT_VENTURE_FOUNDED.search(sentence) or _TAKEOVER.search(sentence) or _BACKSTOP.search(sentence):
        return []
    return None


def joint_supply(d: DealSentence) -> list[DealDraft] | None:
    """The two companies just named supply together to a third that ranks above both.

    de: "Oracle und CoreWeave bauen Rechenzentren. Gemeinsam wollen sie OpenAI mit 230 MW Rechenleistung versorgen."
    en: "Oracle and CoreWeave are building data centres. Together they will supply OpenAI with 230 MW of capacity."
    """
    referenced = d.referenced
    if len(referenced) != 2 or not _TOGETHER.search(d.sentence):
        return None
    others = [p for p in d.parties if p.name not in referenced and p.start != p.end]
    buyers = [p for p in others if all(role_rank(p.name) < role_rank(r) for r in referenced)]
    if not buyers:
        return None
    buyer = min(buyers, key=lambda p: (role_rank(p.name), p.start))
    return [DealDraft(buyer.name, tuple(sorted(referenced)), d.cue.start())]


def no_party(d: DealSentence) -> list[DealDraft] | None:
    """No company that can be a party is left (investors, component makers and rivals are none).

    de: "Der Fonds investiert in Rechenzentren." (no deal)
    en: "The fund buys data centres." (no deal)
    """
    return [] if not d.parties else None


def lone_tenant(d: DealSentence) -> list[DealDraft] | None:
    """A sentence naming one company as anchor tenant or customer: it is the customer, not a supplier of the
    lab just named.

    de: "OpenAI braucht mehr Rechenzentren. CoreWeave wird als Ankermieter des 2-GW-Campus dienen." (no deal)
    en: "OpenAI needs more compute. CoreWeave will serve as anchor tenant of the 2 GW campus." (no deal)
    """
    return [] if d.role_buyer[0] is None else None


def context_supplier(d: DealSentence) -> list[DealDraft] | None:
    """A priced sentence naming only the lab: the supplier just named provides.

    de: "Anthropic nutzt die TPUs von Google. Insgesamt erhält Anthropic mehr als ein Gigawatt."
    en: "Anthropic expands its use of Google Cloud. In total Anthropic will access over a gigawatt."
    """
    buyer = d.role_buyer[0]
    if (not d.role_providers and len(d.parties) == 1 and d.priced and d.context_provider
            and d.context_provider != buyer and company_info(buyer).role in (Role.LAB, Role.BUYER)):
        return [DealDraft(buyer, (d.context_provider,), d.cue.start())]
    return None


def referenced_deal_supplier(d: DealSentence) -> list[DealDraft] | None:
    """Under a deal just stated, chip makers named as the make of the chips are no suppliers: the supplier is
    the one of the deal referred to.

    de: "Nebius eröffnet eine GPU-Cloud-Region in Finnland. Im Rahmen des Vertrags nutzt Meta dort Nvidia-GPUs vom Typ B300."
    en: "Nebius opened a GPU cloud region in Finland. Under the contract Meta will use Nvidia B300 GPUs there."
    """
    buyer, providers, provider = d.role_buyer[0], d.role_providers, d.context_provider
    if (providers and provider and _UNDER_THE_DEAL.search(d.sentence)
            and company_info(provider).role in (Role.CLOUD, *CAPACITY_ROLES)
            and all(company_info(p.name).role == Role.CHIP and is_chip_modifier(d.sentence, p) for p in providers)):
        return [DealDraft(buyer, (provider,), d.cue.start())] if provider != buyer else []
    return None


def context_buyer(d: DealSentence) -> list[DealDraft] | None:
    """A sentence naming only suppliers (one with figures, or a list): the lab just named buys.

    de: "OpenAI plant riesige Rechenzentren. Dafür wurde mit Oracle ein Vertrag über 300 Mrd. Dollar geschlossen."
    en: "OpenAI is short of compute. It signed a $300 billion cloud contract with Oracle."
    """
    return _deals_by_role(d) if d.role_buyer[1] else None


def role_order(d: DealSentence) -> list[DealDraft] | None:
    """No phrase says who buys: the companies' roles do (a lab buys from a cloud, a cloud from a chip maker);
    coordinated suppliers with one figure or "gemeinsam mit" supply jointly.

    de: "OpenAI und Oracle haben eine Vereinbarung über 4,5 Gigawatt Rechenleistung unterzeichnet."
    en: "Microsoft signed a $9.7bn agreement with IREN for GPU cloud capacity."
    """
    return _deals_by_role(d)


def _deals_by_role(d: DealSentence) -> list[DealDraft]:
    buyer, providers = d.role_buyer[0], d.role_providers
    joint = is_joint(d.sentence, providers, d.priced)
    if not joint and any(company_info(p.name).role in (Role.CLOUD, *CAPACITY_ROLES) for p in providers):
        # the make of the chips inside a cloud deal is not a party to it
        providers = [p for p in providers if company_info(p.name).role != Role.CHIP
                     or not is_chip_modifier(d.sentence, p)]
    if not providers:
        return []
    if joint:
        return [DealDraft(buyer, tuple(sorted(p.name for p in providers)), d.cue.start())]
    return [DealDraft(buyer, (p.name,), p.start) for p in providers]


# The order is the precedence: a phrase that says who buys beats the companies' roles.
DEAL_RULES = (
    owned_supplier,
    supplier_list,
    no_deal_cue,
    joint_venture_takeover_backstop,
    joint_supply,
    passive_supply,
    passive_build_for,
    lease_to,
    tenant,
    from_x,
    build_for,
    supply_verb,
    no_party,
    lone_tenant,
    context_supplier,
    referenced_deal_supplier,
    context_buyer,
    role_order,
)


def find_deals(
    sentence: str,
    mentions: list[CompanyMention],
    amounts: list[Amount],
    context_buyer: str | None = None,
    context_provider: str | None = None,
    context_compute: bool = False,
    assume_compute: bool = False,
) -> list[DealDraft]:
    """Compute deals stated in one sentence (mentions and amounts relative to the sentence); see DealSentence."""
    return apply_rules(DEAL_RULES, DealSentence(sentence, mentions, amounts, context_buyer, context_provider,
                                                context_compute, assume_compute))
