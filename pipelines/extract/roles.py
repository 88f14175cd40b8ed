"""Who buys compute from whom, and who invests in whom, within one sentence.

A deal needs three things in the sentence: two companies, a deal cue (agreement, supply,
rent, "setzt auf", "Vereinbarung mit" …) and a compute cue (chips, cloud, data centres,
gigawatts …). Naming two companies is not enough. Roles come from the sentence where it
says so ("from X", "bei X", "X liefert an Y") and otherwise from what the companies are
(an AI lab buys from a cloud, a cloud buys from a chip maker: see companies.yaml roles).

An investment needs an investment cue (investiert in, Beteiligung an, stake in, backed by,
warrant …); the investor stands before an active cue and the investee after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .companies import CAPACITY_ROLES, CompanyMention, company_info, find_companies, role_rank
from .numbers import Amount

# --- cues --------------------------------------------------------------------------------

DEAL_CUE = re.compile(
    r"(?i:\bdeals?\b|agreements?|\bcontract(?:s|ed)?\b|partnership|partnered|\bpartners? with|\bpact\b|tie-up|"
    r"commitments?|committing|committed to spend|\bspend\w*\b|purchas\w*|\bbuy\w*|\bbought\b|\brent\w*|\blease\w*|"
    r"\bleasing\b|suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)\b|providers?\b(?!\s+(?:(?-i:[A-Z])|of\b))|deliver\w*|\bpa(?:ys?|id|ying)\b(?:[^.;]|\.(?=\d)){0,60}?\bfor\b|\bsourc(?:e|es|ed|ing)\b|deploy\w*|\bcustomers?\b|tenant|"
    r"access to|\buses?\b|\busing\b|\bused\b|utili[sz]\w*|run(?:s|ning)? on|train(?:s|ing)? on|\bhost\w*|"
    r"collaborat\w*|rel(?:y|ies|iance) on|(?:train|run|serve)(?:s|ing)?\b(?:\s+(?:and|or)\s+\w+)?(?:\s+(?:its|their|the)\s+(?:\w+\s+)?models?)?\s+on\b|\bcom(?:e|es|ing) from|tap(?:s|ping)? into|secur(?:es?|ed|ing)|together with|jointly with|co-develop\w*|"
    r"\bDeals?\b|Vereinbarung\w*|Vertr(?:ag|äge)\w*|Partnerschaft\w*|Kooperation\w*|Zusammenarbeit|Abkommen|"
    r"Auftrag|liefer\w*|\babzunehmen\b|\bab(?:nimmt|nehmen)\b|\bAbnahme\w*|\bstell\w*\b[^.;]{0,80}?\bbereit\b|bestell\w*|Bestellung|\border(?:s|ed|ing)?\b|bezieh\w*|bezieht|bezog\w*|kauf\w*|Kauf\w*|miete\w*|mietet|anmiet\w*|erwerb\w*|"
    r"nutz\w*|Nutzung|setz\w* auf|lauf\w* (?:\w+\s+)?auf|trainier\w*|\bzahl\w*\b[^.;]{0,80}?\bfür\b|\b(?:gibt|geben|gab|gaben|ausgeben)\b[^.;]{0,80}?\bfür\b|\bkommen\b|\bstammen\b|Zugang|Zugriff|Kunden?\b|versorg\w*|bereitstell\w*|bereitgestellt|Bereitstellung|"
    r"[Pp]artner\b|zapft|einsetz\w*|eingesetzt|aufbau\w*|aufzubauen|in Betrieb (?:nehm|genomm)\w*|installier\w*|sicher\w* sich|\bsich\b[^.;]{0,80}?\bgesichert\b|geeinigt|Anbieter|gemeinsam\w*|zusammen mit|erh[äa]lt\w*|bekommt|\bgets?\b|"
    r"receiv\w*|\baccess(?:es|ing)?\b)"
)
COMPUTE_CUE = re.compile(
    r"(?i:GPU|TPU|tensor processing units?|graphics processing units?|chips?\b(?!-)|Trainium|accelerator|Beschleuniger|cloud|compute\b|computing|"
    r"Rechenleistung|Rechenkapazit\w*|Rechenzentr\w*|Rechenpower|Computerleistung|data ?cent(?:er|re)s?|"
    r"datacenter\w*|capacity|Kapazit\w*|infrastructure|Infrastruktur|supercomputer|Supercomputer|cluster|"
    r"Server|servers|AI factor\w*|KI-Fabrik\w*|Grafikprozessor\w*|Instinct|Blackwell|Rubin|gigawatt|"
    r"megawatt|\bGW\b|\bMW\b|Strom|electricity|power purchase|systems\b|Systeme\b|"
    # the name of a cloud unit says the deal is on compute: "a $38bn agreement with Amazon Web Services"
    r"\bAWS\b|Amazon Web Services|\bAzure\b|\bEC2\b)"
)
_ACQUIRE = re.compile(
    r"(?i:purchas\w*|\bbuy\w*|\bbought\b|\brent\w*|\blease\w*|\bleasing\b|obtain\w*|procur\w*|sourc\w*|"
    r"\bspend\w*|bezieh\w*|bezieht|bezog\w*|kauf\w*|Kauf\w*|miete\w*|mietet|anmiet\w*|erwerb\w*|leas\w*|"
    r"\bpa(?:ys?|id|ying)\b(?:[^.;]|\.(?=\d)){0,60}?\bfor\b|\bzahl\w*\b[^.;]{0,80}?\bfür\b|"
    r"\b(?:gibt|geben|gab|gaben|ausgeben)\b[^.;]{0,80}?\bfür\b)"
)
_FROM_BEFORE = re.compile(r"(?i:\b(?:from|von|bei|beim|aus|vom)\s+(?:(?:de[mnrs]|the|its|seine[nm]?)\s+)?(?:[\w-]+\s+){0,3}?)$")
_SUPPLY_VERB = re.compile(
    r"(?i:\b(?:will |to |soll |wird )?(?:provide|provides|supply|supplies|deliver|delivers|liefer\w*|"
    r"bereitstell\w*|versorg\w*|stellt\w*)\b)"
)
_JOINT = re.compile(r"(?i:gemeinsam mit|zusammen mit|in Kooperation mit|in Partnerschaft mit|together with|"
                    r"jointly with|in cooperation with|in collaboration with|in partnership with)\s*$")
_LIST_MARKER = re.compile(r"(?i:including|darunter|such as|wie etwa|unter anderem|among them|both|sowohl|\bdeals\b|"
                          r"agreements|Verträge|Vereinbarungen|Deals\b|each|jeweils|separate)")
_EXAMPLE_BEFORE = re.compile(r"(?i:(?:e\.\s?g\.|z\.\s?B\.|zum Beispiel|for example|for instance|beispielsweise)[\s,:]*(?:[\w-]+[\s,]+){0,6}$)")
# A company named as a rival, an alternative, a point of comparison, or in a joint venture is no party.
_NON_PARTY_BEFORE = re.compile(
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
_POSSESSIVE_CAPACITY = re.compile(
    r"['’]s?\s+(?:\w+\s+){0,2}(?:compute|capacity|cloud|GPUs|TPUs|chips|accelerators|servers|data ?cent\w*|"
    r"Rechenzentr\w*|Kapazit\w*)"
)
_ACQUIRE_OR_DEPLOY = re.compile(
    r"(?i:\brent\w*|\blease\w*|leas\w*|miete\w*|mietet|anmiet\w*|bezieh\w*|bezieht|purchas\w*|\bbuy\w*|\bbought\b|\border\w*|procur\w*|\bsourc\w*|kauf\w*|Kauf\w*|erwerb\w*|bestell\w*|deploy\w*|"
    r"einsetz\w*|eingesetzt|\bus(?:e|es|ed|ing)\b|utili[sz]\w*|nutz\w*|setz\w* auf|run(?:s|ning)? on|train\w* on|"
    r"aufbau\w*|aufzubauen|\bbuild\w*|install\w*)"
)
# "Der US-Softwarekonzern will …": the subject is a company the sentence does not name
_DESCRIBED_SUBJECT = re.compile(
    r"\W*(?:Der|Die|Das|The)\s+(?:[\w-]+\s+)?(?:[\w-]*[Kk]onzern|Unternehmen|company|firm|[\w-]*giant|[\w-]*[Rr]iese|"
    r"[\w-]*[Hh]ersteller|maker|[\w-]*[Aa]nbieter|provider|Start-up|startup)\b"
)
# "plant mit AMD und Nvidia 16 Gigawatt": "with" right before a company is a deal cue of its own
_WITH_PARTY = re.compile(r"\b(?:[Mm]it|[Ww]ith)\s+(?:(?:de[mnr]|the|dessen|deren|its|seine[mnr]?|ihre[mnr]?)\s+)?(?:[\w-]+\s+)?$")
_BUILD_FOR = re.compile(
    r"(?i:\b(?:build\w*|built|construct\w*|develop\w*|bau\w*|errichte\w*|entwickel\w*)\b[^;]{0,60}?\b(?:for|für)\s+)"
)
TENANT_AFTER = _TENANT_AFTER = re.compile(r"(?i:\s+(?:will |wird )?(?:serve[sd]? |act\w* |dien\w* )?(?:as|als) (?:the |an? |der |die )?(?:anchor |Anker)?[- ]?(?:tenant|Mieter|customer|Kunde))")
# "Oracle wird von AMD mit 50.000 GPUs beliefert", "Anthropic is supplied by Microsoft": the subject receives
_PASSIVE_AUX = re.compile(r"\b(?:wird|werden|wurde|wurden|is|are|was|were|will be|being)\b")
_PASSIVE_PARTICIPLE = re.compile(
    r"\b(?:beliefert|versorgt|ausgestattet|bedient|supplied|provided|served|equipped|hosted)\b"
)
_AGENT_BEFORE = re.compile(r"(?i:\b(?:von|vom|by)\s+(?:(?:de[mnr]|the)\s+)?(?:[\w-]+\s+){0,3}?)$")
# "lease 168MW … to Fluidstack", "vermietet Rechenleistung an Microsoft": whoever it is leased to buys
_LEASE_TO = re.compile(
    r"(?i:\b(?:lease[sd]?|leasing|(?:sub)?let(?:s|ting)?|rent(?:s|ed|ing)?(?= out)|vermiet\w*)\b[^.;]{0,90}?"
    r"\b(?:to|an)\s+(?:(?:the|de[mnr]|die)\s+)?(?:[\w-]+\s+){0,2}?)$"
)
_LEASE_VERB = re.compile(r"(?i:\b(?:lease[sd]?|leasing|(?:sub)?let(?:s|ting)?|rent(?:s|ed|ing)?|vermiet\w*)\b)")
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
# "its stake in Nvidia", "Aktien von Intel": a company named as an equity holding is no party to a compute deal
_EQUITY_OBJECT_BEFORE = re.compile(
    r"(?i:\b(?:stakes?|holdings?|shares|stock|Anteil\w*|Beteiligung\w*|Aktien\w*|Aktienpaket\w*)\s+"
    r"(?:in|of|an|von|at|bei)\s+(?:(?:de[mnr]|the)\s+)?(?:[\w-]+\s+){0,2}$)"
)
# A guarantee for someone else's lease is no purchase of compute (nor an investment).
_BACKSTOP = re.compile(
    r"(?i:backstop\w*|Bürgschaft\w*|\bbürg(?:t|en)\b|(?:guarantee\w*|garantier\w*|Garantie\w*|absicher\w*|Absicherung)\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?(?:obligations|lease|payments|[\w-]*[Vv]erpflichtung\w*|[\w-]*[Ll]easing\w*|Miet\w*|Zahlung\w*))"
)
_TOGETHER = re.compile(r"(?i:\btogether\b|\bjointly\b|\bgemeinsam\b|\bzusammen\b)")
_POWER_CUE = re.compile(
    r"(?i:\bStrom(?!aufnahme|bedarf)\w*|electricity|power supply|power purchase|Energieversorgung|Windkraft|Solar)"
)

INVEST_VERB = re.compile(
    r"(?i:\binvest(?:s|ed|ing)?\b|investiert\w*|investier\w*|\binject\w*|\bpour\w*|\bpump\w*|\bput(?:s|ting)?\b(?=(?:[^.]|\.(?=\d)){0,50}\binto\b)|\bsteck(?:t\w*|en)\b|gesteckt|"
    r"\bsteig\w*(?=(?:[^.]|\.(?=\d)){0,60}\bein\b|(?:[^.;]|\.(?=\d)){0,140}?\bein\b\s*(?:[,.;:]|$|\b(?:und|sowie|wie)\b))|eingestiegen|\bbacking\b|\bis backing\b|"
    # buying shares: "erwirbt Stammaktien im Wert von …", "takes a $1bn stake", "übernimmt einen Anteil"
    r"\b(?:erwirbt|erwarb|erwerben|kauft|kaufte|kaufen|zeichnet|zeichnete|zeichnen|übernimmt|übernahm|buys|bought|"
    r"buy|buying|acquire|acquires|acquired|take|takes|took|taking|purchase|purchases|purchased)\b"
    r"(?=\s+(?:[\w$€.,%-]+\s+){0,5}?(?:(?:[\w]+-)?(?:Stamm)?[Aa]ktien|Anteile?|Aktienpaket|shares|stock|stakes?)\b)|"
    r"beteiligt sich|beteiligte sich|beteiligen sich|\bbeteiligt\b|\bbets?\b|\bbacks\b|\bbacked\b(?! by))"
)
INVEST_NOUN = re.compile(
    r"(?i:investment|Investition|Beteiligung|\bstakes?\b|Anteil\w*|equity|Einstieg|funding|Finanzierung)"
)
INVESTOR_NOUN = re.compile(r"(?i:\binvestors?\b|Investor(?:en)?\b|Geldgeber\w*|backers?\b|shareholders?\b|"
                           r"Anteilseigner\w*|Aktionär\w*|Kapitalgeber\w*)")
INVESTORS_FOLLOW = re.compile(
    r"(?i:participation from|participation of|backed by|funded by|financed by|led by|co-led by|angeführt von|"
    r"(?:angeführt|geführt|angeführt) (?:wird|wurde|werden) (?:die|diese|der)\s+(?:[\w-]+\s+)?(?:[\w-]*[Rr]unde|"
    r"Finanzierung)\s+von|unter (?:der )?Führung von|(?:mit|unter) Beteiligung (?:von|der|des)|"
    r"Konsortium,?\s+(?:zu dem|dem|aus|um)|consortium (?:of|including|that includes|comprising)|finanziert von|"
    r"Geldgebern zählen|Investoren zählen|investors include|backers include|Investoren gehören|zu den\s+(?:\w+\s+)?"
    r"(?:Geldgebern|Investoren)|"
    # "Angeführt wurde sie vom Industriekonzern Aker; außerdem beteiligten sich …", "It was led by …"
    r"(?:angeführt|geführt) (?:wurde|wird) sie (?:von|vom)|(?:was|is) led by|"
    # "zogen auch bisherige Geldgeber mit, darunter …", "existing investors also took part, including …"
    r"(?:Geldgeber\w*|Investoren|Kapitalgeber\w*|investors|backers)\b[^.;]{0,40}?\b(?:darunter|including|such as|"
    r"unter anderem|among them))"
)
WARRANT = re.compile(r"(?i:warrants?|Optionsschein\w*|Aktienoption\w*|Optionsrecht\w*|Bezugsrecht\w*|option rights|share options (?:on|for)|options? (?:on|for|to buy) (?:up to )?[\w.,\s]*shares)")
_INVESTEE_BEFORE = re.compile(
    r"(?i:\b(?:in|into|an|on|bei|beim|backing|backs|backed|of|für|for)\s+(?:[\w’'-]+\s+){0,6}$|"
    r"\b(?:Stammaktien|Aktien|Anteile?|shares|stock)\s+(?:von|der|des|of)\s+(?:[\w’'-]+\s+){0,3}$)"
)
# "invest in data centres built with X": X is no investee
_COMPUTE_OBJECT = re.compile(
    r"(?i:data ?cent|Rechenzentr|infrastructure|Infrastruktur|capacity|Kapazit|compute\b|Rechenleistung)"
)
_ELLIPTICAL_INVESTOR_AFTER = ELLIPTICAL_INVESTOR_AFTER = re.compile(
    # "…, while Nvidia is committing up to $10bn": the verb of the second investor may be a commitment
    r"\s+(?:(?:is |will be |has )?(?:committing|commits|committed|adding|adds|contributing|contributes|"
    r"steuert|schießt|legt)\s+)?(?:(?:up to|bis zu|about|rund|etwa|another|weitere)\s+)?(?:[$€]?\d|[a-zäöü]+\s+(?:Milliard\w*|Million\w*|Mrd|billion|million)\b)"
)
_FUNDING_ROUND = re.compile(
    r"(?i:(?:(?:funding|financing|investment|Finanzierungs|Investitions)[ -]?(?:round|runde)|"
    r"Seri(?:es|e)[ -][A-H]\d?(?:[ -](?:round|Runde|funding|Finanzierungsrunde))?)\s+(?:\S+\s+){0,4}?"
    r"(?:for|of|in|von|für|bei|des|der)\s+(?:(?:de[mnrs]|the)\s+)?(?:[\w-]+\s+){0,3}?)"
)
_UNNAMED_INVESTEE = re.compile(
    r"(?i:\b(?:in|into|an|bei)\s+(?:the|de[mnr]|das|die)\s+(?:[\w-]+\s+)?(?:start-?up|company|firm|lab|Start-up|"
    r"Unternehmen|KI-Entwickler|KI-Firma|KI-Labor|AI developer|AI lab)\b)"
)
_RECEIVE_BEFORE = re.compile(r"(?i:\b(?:erhält|erhielt|erhalten|bekommt|bekam|receives|received|gets|got)\s+$)")
_SHARES_AFTER = re.compile(r"(?:-(?:Stamm)?[Aa]ktien|(?:['’]s?)?\s+(?:common\s+|new\s+)?(?:shares|stock))\b")
_STAKE_IN_BEFORE = re.compile(
    r"(?i:\b(?:stake|Beteiligung|Anteil|shares|Aktien)\b(?:[^.;]|\.(?=\d)){0,40}?\b(?:in|an|of|von|at)\s+"
    r"(?:(?:de[mnr]|the)\s+)?$)"
)
_RECEIVE = re.compile(r"(?i:receiv\w*|erhält|erhalten|bekommt|holds|hält|gets)")
_DIRECT_OBJECT_BEFORE = re.compile(r"(?i:\b(?:in|into|an|in die|in den|in das)\s+$)")
# "bei Intel und beim Netzwerkausrüster Nokia eingestiegen", "an dem Hersteller … Synopsys": an object, not a subject
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?i:in|into|an|bei|beim)\s+$|\b(?:in|into|an|bei|beim)\s+(?:(?:de[mnrs]|die|das|the)\s+)?"
    r"(?:[^\W\d][\w-]*\s+){0,4}$)"
)
# Selling a stake is no investment: "sold its entire stake in", "verkauft seine Anteile an"
_SALE_BEFORE = re.compile(
    r"(?i:\b(?:sold|sells?|selling|offload\w*|divest\w*|unload\w*|dump\w*|verkauf\w*|veräußer\w*|abgestoßen|"
    r"stößt|reduc\w*|trims?|trimmed|cut\w*|exit\w*)\b[^.;]{0,40}$)"
)
# verbs that say money was raised even without a round: "raised $1bn", "sammelt 1 Mrd. Dollar ein"
_FUNDRAISING_VERB = re.compile(
    r"(?i:\brais(?:es|ed|ing)\b(?:[^.;]|\.(?=\d)){0,40}?(?:[$€]|\d)|sammel\w*\b[^.;]{0,60}?\bein\b|eingesammelt)"
)
_SALE_AFTER = re.compile(r"[^,;.]{0,80}?\b(?:verkauft|veräußert|abgestoßen|abgegeben|zu Geld gemacht)\b")
# "raised a $1.1bn Series B", "hat eine Finanzierungsrunde über 40 Mrd. abgeschlossen": the company raising money
_ROUND_NOUN = re.compile(
    r"(?i:(?:funding|financing|investment|equity|venture)[ -]round|Seri(?:es|e)[ -][A-H]\d?\b|"
    r"[Ff]inanzierungsrunde|Kapitalrunde|Investitionsrunde|Finanzierung\b|\bround\b|\bRunde\b)"
)
_RAISE_VERB = re.compile(
    r"(?i:\brais\w*|\bclos(?:es|ed|ing)\b|\bsecur\w*|\bcomplet\w*|\blands?\b|\blanded\b|\bnets?\b|\bnetted\b|"
    r"sammel\w*|sammelt|eingesammelt|abgeschlossen|schließt|\bholt\b|geholt|erhält|erhielt)"
)
_NOT_EQUITY_AFTER = re.compile(
    r"(?i:['’]?s?\s+(?:[\w-]+\s+){0,2}[\w-]*?(?:infrastructure|Infrastruktur|data ?cent|Rechenzentr|compute|capacity|cloud|"
    r"chips|GPUs)|-(?:Infrastruktur|Rechenzentr|Cloud|Chips))"
)


@dataclass
class DealDraft:
    buyer: str
    providers: tuple[str, ...]
    anchor: int  # position of the cue; money closest to it belongs to this fact
    amounts: list[Amount] = field(default_factory=list)


@dataclass
class InvestmentDraft:
    investor: str
    investee: str
    instrument: str
    anchor: int
    amounts: list[Amount] = field(default_factory=list)


def is_rival(sentence: str, m: CompanyMention) -> bool:
    """A company named only as a rival or point of comparison ("einem der Rivalen von OpenAI", "OpenAI's rival"):
    no company a later "das Start-up" / "the startup" can mean."""
    before, after = sentence[max(0, m.start - 60) : m.start], sentence[m.end : m.end + 25]
    return bool((_NON_PARTY_BEFORE.search(before) or _NON_PARTY_AFTER.match(after)) and not _states_own_deal(sentence, m))


def party_mentions(sentence: str, mentions: list[CompanyMention]) -> list[CompanyMention]:
    """Mentions that can be parties: not a rival named for comparison, not an example, not a CEO title."""
    kept: list[CompanyMention] = []
    dropped: list[CompanyMention] = []
    for m in mentions:
        before, after = sentence[max(0, m.start - 60) : m.start], sentence[m.end : m.end + 25]
        excluded = _NON_PARTY_BEFORE.search(before) or _NON_PARTY_AFTER.match(after) or _EXAMPLE_BEFORE.search(before)
        if not excluded and _ATTRIBUTION_BEFORE.search(before):
            excluded = True  # '“…,” OpenAI said': the speaker of a quote, not a party of what it says
        if not excluded and _DEAL_REFERENCE.search(before) and _DEAL_REFERENCE_AFTER.match(after):
            excluded = True
        if not excluded and dropped and _coordinated(sentence, dropped[-1], m):
            excluded = True  # "rivals like Amazon and Google": the whole coordination
        if excluded and _NON_PARTY_BEFORE.search(before) and _states_own_deal(sentence, m):
            excluded = False  # "its dependence on Microsoft, which rents GPUs from it": a party of its own clause
        (dropped if excluded else kept).append(m)
    return kept


_OWN_SHARE_AFTER = re.compile(
    r"(?:['’]s)?\s*,\s*(?P<clause>(?:die|der|das|which|who|that)\s+[^,;]{0,50}?"
    r"(?:[$€]\s?\d|\d[\d.,]*\s*(?:Mrd|Milliard|Mio|Million|bn|billion|million)))"
)
_RELATIVE_AFTER = re.compile(r"(?:['’]s)?\s*,\s*(?:which|who|that|das|die|der|welche[rsm]?)\s+(?P<clause>[^,;:–—]{0,120})")


def _states_own_deal(sentence: str, m: CompanyMention) -> bool:
    """"…, which rents GPU capacity from …" / "…, das dort Rechenleistung mietet": a relative clause on the
    company itself that buys, rents or supplies compute."""
    relative = _RELATIVE_AFTER.match(sentence, m.end)
    if not relative:
        return False
    clause = relative.group("clause")
    return bool((_ACQUIRE_OR_DEPLOY.search(clause) or _SUPPLY_VERB.search(clause)) and COMPUTE_CUE.search(clause))


def _unique(mentions: list[CompanyMention]) -> list[CompanyMention]:
    seen, result = set(), []
    for m in mentions:
        if m.name not in seen:
            seen.add(m.name)
            result.append(m)
    return result


_COORDINATION = re.compile(
    r"(?:['’]?s)?(?:\s*,\s*(?:(?:and|und|sowie|or|oder)\s+)?|\s+(?:und|and|sowie|&|or|oder|as well as|ebenso wie|"
    r"wie auch|sowie auch|along with)\s+)"
    r"(?:(?:beim|vom|am|im|zum|zur)\s+(?:[\w-]+\s+){0,2}|(?:bei|an|in|von|mit|from|with|to|into|at|on)\s+)?"
    r"(?:(?:der|die|das|dem|den|the|its|seine[mnr]?|ihre[mnr]?)\s+(?:[\w-]+\s+){0,2})?"
)


# "Google hält ebenso wie Amazon Anteile an …", "Google, like Amazon, holds …": both do what the sentence says
_LIKEWISE = re.compile(
    r"(?:['’]?s)?(?:\s+[a-zäöüß]\w*)?,?\s+(?:(?:eben|genau)so wie|wie auch|just like|much like|like|as well as)\s+"
    r"(?:(?:der|die|das|the)\s+(?:[\w-]+\s+){0,2})?"
)


def _likewise(sentence: str, a: CompanyMention, b: CompanyMention) -> bool:
    return 0 < b.start - a.end < 40 and bool(_LIKEWISE.fullmatch(sentence, a.end, b.start))


def _coordinated(sentence: str, a: CompanyMention, b: CompanyMention) -> bool:
    """Whether the sentence joins two mentions as "A, B und C" / "A and the chip maker B"."""
    return b.start - a.end < 60 and bool(_COORDINATION.fullmatch(sentence, a.end, b.start))


# "Verträge über zusammen mehr als 60 Mrd. Dollar", "contracts worth a combined $60bn": one total for the whole list
_COMBINED_TOTAL = re.compile(
    r"(?i:\b(?:zusammen(?!\s+mit\b)|insgesamt|zusammengenommen|combined|collectively|in total|a total of|in aggregate)\b)"
)
_OPEN_LIST = re.compile(r"(?i:\b(?:darunter|including|such as|wie etwa|unter anderem|among them|among others|etwa)\b)")
_EACH = re.compile(r"(?i:\b(?:each|jeweils|je\b|respectively|beziehungsweise|bzw\.))")


def _is_joint(sentence: str, providers: list[CompanyMention], figures: bool) -> bool:
    if len(providers) < 2 or len(providers) > 6:
        return False
    if not all(_coordinated(sentence, a, b) for a, b in zip(providers, providers[1:])):
        return False
    if figures and _COMBINED_TOTAL.search(sentence) and not _EACH.search(sentence) and not _OPEN_LIST.search(sentence):
        return True
    if len(providers) > 3:
        return False
    before = sentence[max(0, providers[0].start - 40) : providers[0].start]
    if _JOINT.search(before):
        return True
    return figures and bool(re.search(r"(?i:\b(?:mit|with)\s+(?:de[mnr]\s+|the\s+)?(?:[\w-]+\s+){0,2}$)", before)) and not (
        _LIST_MARKER.search(sentence)
    )


def is_chip_modifier(sentence: str, m: CompanyMention) -> bool:
    """"Nvidia GPUs", "NVIDIA GB300 systems", "Chipsystemen des Chipkonzerns Nvidia": the chips' make."""
    return (m.via_product or bool(_CHIP_MODIFIER_AFTER.match(sentence[m.end : m.end + 70]))
            or bool(_CHIP_MODIFIER_BEFORE.search(sentence[max(0, m.start - 60) : m.start])))


# using or getting chips: "nutzt", "erhält Zugriff auf", "gets access to", "will deploy"
_USE_OR_GET = re.compile(
    r"(?i:\b(?:nutz\w*|einsetz\w*|eingesetzt|setz\w* auf|erh[äa]lt\w*|bekommt|bekommen|Zugriff auf|Zugang zu|"
    r"us(?:e|es|ed|ing)|deploy\w*|get(?:s|ting)?|gain\w* access|access to|receiv\w*|rent\w*|lease\w*|"
    r"purchas\w*|buy\w*|bought|order\w*|bestell\w*|kauf\w*|miete\w*|mietet|bezieh\w*|bezieht|"
    r"run(?:s|ning)? on|train\w* on)\b)"
)


def _product_maker(sentence: str, mentions: list[CompanyMention]) -> str | None:
    """The chip maker whose product a company in the sentence uses or gets, when no supplier is named: the
    product implies who sells it. None for a mere comparison (the mention is then no party) or several makers."""
    products = [m for m in mentions if m.via_product and company_info(m.name).role == "chip"]
    if not products or not _USE_OR_GET.search(sentence):
        return None
    makers = {m.name for m in products}
    suppliers = {m.name for m in mentions if not m.via_product
                 and company_info(m.name).role not in ("lab", "buyer", "investor", "component")}
    customers = [m for m in mentions if company_info(m.name).role in ("lab", "buyer", "cloud", "neocloud")
                 and m.name not in makers]
    if len(makers) != 1 or suppliers - makers or not customers:
        return None
    return next(iter(makers))


def find_deals(
    sentence: str,
    mentions: list[CompanyMention],
    amounts: list[Amount],
    context_buyer: str | None = None,
    context_provider: str | None = None,
    context_compute: bool = False,
    assume_compute: bool = False,
) -> list[DealDraft]:
    """Compute deals stated in one sentence (mentions and amounts relative to the sentence).

    `context_buyer` / `context_provider` are the AI lab / supplier named in the sentences just
    before: the other side when a sentence with figures names only one ("Dafür wurde mit Oracle
    eine Vereinbarung über 300 Mrd. Dollar geschlossen").
    `context_compute`: the sentence before spoke of compute ("Dafür wurde … eine Vereinbarung über
    300 Mrd. geschlossen" after a sentence on data centres). `assume_compute` finds the deal a
    sentence announces when the compute comes only in the next sentence.
    """
    cue = DEAL_CUE.search(sentence) or _BUILD_FOR.search(sentence) or (
        _FOR_THEN_BUILT.search(sentence)) or next(
        (_WITH_PARTY.search(sentence, max(0, m.start - 30), m.start) for m in mentions
         if _WITH_PARTY.search(sentence, max(0, m.start - 30), m.start)), None
    )
    figures = any(a.is_contract_value and (a.kind != "chips" or not a.vague) for a in amounts)
    # a GPU cloud or a chip maker in a priced deal sells compute, whatever the sentence calls it
    compute_seller = figures and any(company_info(m.name).role in (*CAPACITY_ROLES, "chip") for m in mentions)
    has_compute = (assume_compute or COMPUTE_CUE.search(sentence) or context_compute and figures
                   or compute_seller or any(a.kind in ("gw", "chips") for a in amounts))
    supplier_list = _supplier_list(sentence, mentions)
    if supplier_list and (has_compute or context_compute):
        return supplier_list
    if not cue or not has_compute:
        return []
    if _JOINT_VENTURE_FOUNDED.search(sentence) or _TAKEOVER.search(sentence) or _BACKSTOP.search(sentence):
        return []
    # chip products ("GB300", "Blackwell") say which chips, not who sells them, unless the sentence names no
    # supplier but says a company uses or gets them ("Anthropic erhält Zugriff auf 500.000 Instinct-GPUs")
    maker = _product_maker(sentence, mentions)
    parties = [
        m for m in mentions
        if company_info(m.name).role not in ("investor", "component")
        and not (m.via_product and company_info(m.name).role == "chip" and m.name != maker)
        and not _EQUITY_OBJECT_BEFORE.search(sentence[max(0, m.start - 50) : m.start])
    ]
    referenced = {m.name for m in parties if m.start == m.end}  # "the two companies", "together they"
    if not _POWER_CUE.search(sentence):
        parties = [m for m in parties if company_info(m.name).role != "energy" or m.name in referenced]
    if not _ACQUIRE_OR_DEPLOY.search(sentence):
        # "the deal provides Meta with Nvidia's GPUs", "deliver NVIDIA AI capacity to Microsoft":
        # the make of the chips, not a seller
        parties = [m for m in parties if company_info(m.name).role != "chip" or m.name == maker
                   or not is_chip_modifier(sentence, m)]
    parties = _unique(parties)

    # "Together they will supply OpenAI with 230 MW": the two just named supply jointly
    if len(referenced) == 2 and _TOGETHER.search(sentence):
        others = [p for p in parties if p.name not in referenced and p.start != p.end]
        buyers = [p for p in others if all(role_rank(p.name) < role_rank(r) for r in referenced)]
        if buyers:
            buyer = min(buyers, key=lambda p: (role_rank(p.name), p.start))
            return [DealDraft(buyer.name, tuple(sorted(referenced)), cue.start())]

    passive = _passive_deal(sentence, parties) or _passive_build_for(sentence, parties)
    if passive:
        return [passive]

    # "lease 168 MW … to Fluidstack": the one it is leased to buys from the subject (or the landlord just named)
    lease = _lease_deal(sentence, parties, context_provider, figures)
    if lease:
        return [lease]

    # "Lambda hat einen prominenten Mieter: Nvidia", "CoreWeave's largest customer is Microsoft": the tenant buys
    tenant = _tenant_deal(sentence, parties)
    if tenant:
        return [tenant]

    # "… from X" / "bei X" / "X's capacity" with a buying verb: X provides, the other party buys
    if _ACQUIRE.search(sentence) and len(parties) >= 2:
        for m in parties:
            # "from X", not "Abhängigkeit von X" / "dependence on X"
            from_x = (_FROM_BEFORE.search(sentence[max(0, m.start - 40) : m.start])
                      and not _NON_PARTY_BEFORE.search(sentence[max(0, m.start - 60) : m.start]))
            their_capacity = m.start > _ACQUIRE.search(sentence).start() and _POSSESSIVE_CAPACITY.match(
                sentence[m.end : m.end + 50]
            )
            if from_x or their_capacity:
                others = [p for p in parties if p.name != m.name]
                earlier = [p for p in others if p.start < m.start]
                # "Oracle is not the only supplier; OpenAI also rents from CoreWeave": the subject of its own clause
                cut = max((b.end() for b in re.finditer(r"[;:]", sentence, 0) if b.end() <= m.start), default=0)
                in_clause = [p for p in earlier if p.start >= cut]
                if cut and earlier and not in_clause:  # the subject is a description resolved to a name before
                    in_clause = [min(earlier, key=lambda p: (role_rank(p.name), p.start))]
                earlier = in_clause or earlier
                buyer = earlier[0] if earlier else min(others, key=lambda p: (role_rank(p.name), p.start))
                # "rents capacity from Microsoft, …, and from CoreWeave": every "from" names a supplier;
                # "bezieht Chips von Nvidia, AMD und Qualcomm": so does every company coordinated with it
                listed = [m]
                for p in parties:
                    if p.start > listed[-1].start and p.name != buyer.name and _coordinated(sentence, listed[-1], p):
                        listed.append(p)
                if len(listed) > 1 and _is_joint(sentence, listed, figures):
                    return [DealDraft(buyer.name, tuple(sorted(p.name for p in listed)), m.start)]
                more = [p for p in parties if p.start > m.start and p.name != buyer.name
                        and (_FROM_BEFORE.search(sentence[max(0, p.start - 40) : p.start])
                             or _POSSESSIVE_CAPACITY.match(sentence[p.end : p.end + 50]))]
                return [DealDraft(buyer.name, (p.name,), p.start) for p in _unique(listed + more)]

    # "Crusoe baut für Oracle einen Campus": whoever it is built for buys
    build = _BUILD_FOR.search(sentence)
    if build:
        builders = [p for p in parties if p.end <= build.start()]
        customer = next((p for p in parties if p.start >= build.end() - 1 and
                         re.fullmatch(r"(?:[\w-]+\s+){0,2}", sentence[build.end() : p.start])), None)
        if builders and customer and builders[-1].name != customer.name:
            return [DealDraft(customer.name, (builders[-1].name,), build.start())]

    # "X liefert … an Y" / "X will provide Y with …": the subject supplies
    supply = _SUPPLY_VERB.search(sentence)
    if supply:
        before = [p for p in parties if p.end <= supply.start()]
        after = [p for p in parties if p.start >= supply.end()]
        if before and after and role_rank(before[-1].name) > role_rank(after[0].name):
            return [DealDraft(after[0].name, (before[-1].name,), supply.start())]

    if not parties:
        return []
    buyers = [p for p in parties if company_info(p.name).role in ("lab", "buyer")]
    single = len(parties) == 1
    if buyers:
        # of several labs, the one nearest before the first supplier ("Anders als OpenAI, das mit AMD …")
        suppliers = [p for p in parties if company_info(p.name).role not in ("lab", "buyer")]
        first_supplier = suppliers[0].start if suppliers else len(sentence)
        buyer_name = min(buyers, key=lambda p: (role_rank(p.name), p.start > first_supplier,
                                                abs(first_supplier - p.start))).name
    elif context_buyer and (single and figures or _LIST_MARKER.search(sentence)) and not _DESCRIBED_SUBJECT.match(sentence):
        if single and _TENANT_AFTER.match(sentence[parties[0].end : parties[0].end + 40]):
            return []  # "CoreWeave will serve as anchor tenant": the one named is the customer
        buyer_name = context_buyer  # the sentence names only suppliers; the customer just named buys
    else:
        buyer_name = min(parties, key=lambda p: (role_rank(p.name), p.start)).name
    providers = [p for p in parties if role_rank(p.name) > role_rank(buyer_name) and p.name != buyer_name]
    if (not providers and single and figures and context_provider and context_provider != buyer_name
            and company_info(buyer_name).role in ("lab", "buyer")):
        return [DealDraft(buyer_name, (context_provider,), cue.start())]
    if (providers and context_provider and _UNDER_THE_DEAL.search(sentence)
            and company_info(context_provider).role in ("cloud", *CAPACITY_ROLES)
            and all(company_info(p.name).role == "chip" and is_chip_modifier(sentence, p) for p in providers)):
        # "Under the contract we will give Microsoft access to Nvidia GB300 GPUs": the make of the chips; the
        # supplier is the one of the deal referred to
        return [DealDraft(buyer_name, (context_provider,), cue.start())] if context_provider != buyer_name else []
    joint = _is_joint(sentence, providers, figures)
    if not joint and any(company_info(p.name).role in ("cloud", *CAPACITY_ROLES) for p in providers):
        # the make of the chips inside a cloud deal is not a party to it
        providers = [p for p in providers if company_info(p.name).role != "chip" or not is_chip_modifier(sentence, p)]
    if not providers:
        return []
    if joint:
        return [DealDraft(buyer_name, tuple(sorted(p.name for p in providers)), cue.start())]
    return [DealDraft(buyer_name, (p.name,), p.start) for p in providers]


_TENANT_NOUN_BETWEEN = re.compile(
    r"(?i:^(?:['’]s?|\s+(?:hat|has|have|had|gewinnt|gewann|won|wins|signed|landed)\b)[^.;,:]{0,40}?"
    r"\b(?:Mieter|Kunden?|Ankerkunden?|Ankermieter|Großkunden?|tenants?|customers?|clients?)\b"
    r"\s*(?:(?:is|are|was|were|ist|sind|war|waren|gewonnen)\b\s*)?[:–—]?\s*$)"
)


def _tenant_deal(sentence: str, parties: list[CompanyMention]) -> DealDraft | None:
    """"X hat (…) einen Mieter: Y", "X's biggest customer is Y", "X has landed a new tenant, Y": Y buys from X."""
    named = [p for p in parties if p.start != p.end]
    for a, b in zip(named, named[1:]):
        if a.name != b.name and _TENANT_NOUN_BETWEEN.search(sentence[a.end : b.start]):
            return DealDraft(b.name, (a.name,), b.start)
    return None


# "OpenAI's suppliers include …", "OpenAI's web of suppliers, which includes …", "Zu den Lieferanten von OpenAI
# gehören …", "Die Anbieter von OpenAI sind unter anderem …": every company listed supplies the owner
_SUPPLIER_NOUN = re.compile(
    r"(?i:\b(?:suppliers|providers|compute providers|cloud providers|Lieferanten|Zulieferern?|Anbietern?|"
    r"Rechenzentrumspartnern?|Cloud-Anbietern?)\b)"
)
_LIST_VERB_AFTER = re.compile(
    r"(?i:,?\s*(?:(?:which|that)\s+)?(?:includes?|including|such as|gehören|zählen|sind unter anderem|darunter|"
    r"are|sind)\b\s*:?\s*$)"
)
_OWNER_AFTER_NOUN = re.compile(r"(?i:\s+(?:von|des|of)\s+$)")


_SUPPLIER_ROLE_NOUN = re.compile(
    r"(?i:\s+(?:is|remains|was|ist|bleibt|war|wird)\s+(?:(?:also|auch|weiterhin|still|nach wie vor)\s+)?(?:(?:trotz|despite)"
    r"[^,;]{0,40}?\s+)?$)"
)
_OWNED_SUPPLIER_AFTER = re.compile(
    r"(?:['’]s?|s)\s+(?:(?:main|primary|largest|biggest|most important|key|wichtigste\w*|größte\w*|"
    r"bevorzugte\w*)\s+)?(?:cloud provider|cloud partner|training partner|compute provider|chip supplier|"
    r"Cloud-Anbieter|Cloudanbieter|Cloud-Partner|Trainingspartner|Chiplieferant)\b"
)


def _owned_supplier(sentence: str, named: list[CompanyMention]) -> list[DealDraft]:
    """"Amazon bleibt Anthropics wichtigster Cloud-Anbieter", "Google is Meta's main cloud provider": the first
    supplies the second."""
    for a, owner in zip(named, named[1:]):
        if (a.name != owner.name and _SUPPLIER_ROLE_NOUN.search(sentence[a.end : owner.start])
                and _OWNED_SUPPLIER_AFTER.match(sentence, owner.end)
                and company_info(owner.name).role in ("lab", "buyer")):
            return [DealDraft(owner.name, (a.name,), a.start)]
    return []


def _supplier_list(sentence: str, mentions: list[CompanyMention]) -> list[DealDraft]:
    named = [m for m in mentions if m.start != m.end and not m.via_product]
    owned = _owned_supplier(sentence, named)
    if owned:
        return owned
    noun = _SUPPLIER_NOUN.search(sentence)
    if not noun:
        return []
    # the owner: "OpenAI's (existing web of) suppliers" or "Lieferanten von OpenAI"
    owner = next((m for m in reversed(named) if m.end <= noun.start() and
                  re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,4}", sentence[m.end : noun.start()])), None)
    rest = noun.end()
    if owner is None:
        owner = next((m for m in named if m.start >= noun.end() and _OWNER_AFTER_NOUN.fullmatch(
            sentence[noun.end() : m.start].rstrip() + " ")), None)
        rest = owner.end if owner else rest
    if owner is None or company_info(owner.name).role not in ("lab", "buyer"):
        return []
    listed = [m for m in named if m.start >= rest and m.name != owner.name]
    if not listed or not _LIST_VERB_AFTER.search(sentence[rest : listed[0].start]):
        return []
    chain = [listed[0]]
    for m in listed[1:]:
        if not _coordinated(sentence, chain[-1], m):
            break
        chain.append(m)
    return [DealDraft(owner.name, (m.name,), m.start) for m in _unique(chain)]


_UNDER_THE_DEAL = re.compile(
    r"(?i:\b(?:under|as part of|through)\s+(?:the|this|that)\s+(?:[\w-]+\s+)?(?:deal|agreement|contract)|"
    r"\b(?:im Rahmen|unter)\s+(?:des|der|dieses|dieser)\s+(?:[\w-]+\s+)?(?:Vertrag\w*|Vereinbarung|Abkommen\w*|Deals?)\b)"
)


_FOR_THEN_BUILT = re.compile(r"(?i:\bfür\s+(?:[\w-]+\s+){1,3}?(?:errichtet|gebaut|erbaut)\b)")
_BUILT_PARTICIPLE = re.compile(r"\b(?:errichtet|gebaut|erbaut|built|constructed|developed)\b")
_FOR_BEFORE = re.compile(r"(?i:\b(?:für|for)\s+(?:(?:de[mnr]|die|das|the)\s+)?(?:[\w-]+\s+){0,2}?)$")


def _passive_build_for(sentence: str, parties: list[CompanyMention]) -> DealDraft | None:
    """"Der Campus wird vom Entwickler Crusoe für Oracle errichtet", "The campus is being built by Crusoe for
    Oracle": whoever it is built for buys from the builder."""
    for aux in _PASSIVE_AUX.finditer(sentence):
        participle = _BUILT_PARTICIPLE.search(sentence, aux.end(), aux.end() + 120)
        if not participle:
            continue
        window = [p for p in parties if aux.end() <= p.start <= participle.end() + 60 and p.start != p.end
                  and not (p.start > participle.end() and re.search(r"[,;:–—]", sentence[participle.end() : p.start]))]
        agents = [p for p in window if _AGENT_BEFORE.search(sentence[max(0, p.start - 40) : p.start])]
        customers = [p for p in window if _FOR_BEFORE.search(sentence[max(0, p.start - 30) : p.start])]
        if agents and customers and agents[0].name != customers[0].name:
            return DealDraft(customers[0].name, (agents[0].name,), participle.start())
    return None


def _passive_deal(sentence: str, parties: list[CompanyMention]) -> DealDraft | None:
    """"X wird (…) von Y (mit …) beliefert", "X is (being) supplied by Y": X buys from Y."""
    for aux in _PASSIVE_AUX.finditer(sentence):
        participle = _PASSIVE_PARTICIPLE.search(sentence, aux.end(), aux.end() + 140)
        if not participle:
            continue
        subject = [p for p in parties if p.end <= aux.start() and p.start != p.end]
        if not subject or _NAME_BREAK.search(sentence, subject[-1].end, aux.start()):
            continue
        # the agent: "von AMD" between auxiliary and German participle, or "by Microsoft" after the English one
        agents = [p for p in parties if p.name != subject[-1].name and aux.end() <= p.start <= participle.end() + 60
                  and _AGENT_BEFORE.search(sentence[max(0, p.start - 40) : p.start])]
        if agents:
            return DealDraft(subject[-1].name, (agents[0].name,), participle.start())
    return None


_NAME_BETWEEN = re.compile(r"[,;–—]")  # a clause break between a name and a verb
_NAME_BREAK = re.compile(r"[,;:–—]|\b(?:und|and|dass|that|which|die|der|das)\b")


def _lease_deal(sentence: str, parties: list[CompanyMention], context_provider: str | None,
                figures: bool) -> DealDraft | None:
    for m in parties:
        if m.start == m.end or not _LEASE_TO.search(sentence[max(0, m.start - 130) : m.start]):
            continue
        verbs = [v for v in _LEASE_VERB.finditer(sentence, 0, m.start)]
        if not verbs:
            continue
        landlords = [p for p in parties if p.end <= verbs[-1].start() and p.name != m.name and p.start != p.end]
        if landlords:
            return DealDraft(m.name, (landlords[-1].name,), verbs[-1].start())
        if (context_provider and context_provider != m.name and figures
                and role_rank(context_provider) > role_rank(m.name)):
            return DealDraft(m.name, (context_provider,), verbs[-1].start())
    return None


# ", and …", "; …", ", während …": a new clause with a subject and verb of its own
_NEW_CLAUSE = re.compile(r"[;]|,\s*(?:and|but|while|whereas|und|aber|doch|während|wobei)\s+(?!(?:in|into|an)\b)")
# "backer with $8bn invested", "mit 8 Mrd. Dollar investiert": a participle on the noun before, not a verb of its own
_WITH_INVESTED = re.compile(r"(?i:\b(?:with|mit)\s+(?:[^\s,;]+\s+){1,5}?$)")


_WITH_INVESTED_AFTER = re.compile(r"(?i:\s+(?:with|mit)\s+[^,;]{0,40}?\b(?:invested|investiert)\b)")


_RELATIVE_INVESTEE = re.compile(
    r"(?i:,\s*(?:in which|in whom|into which|an (?:dem|der|denen)|in (?:das|die|den))\s+(?:it|they|es|sie|er)\s+"
    r"(?:[^\s,;]+\s+){0,6}?$)"
)


_RECEIVE_VERB = re.compile(r"(?i:\b(?:erhält|erhielt|erhalten|bekommt|bekam|receives?|received|gets|got)\b)")


def _investee_after(sentence: str, parties: list[CompanyMention], pos: int, investor: str) -> list[CompanyMention]:
    """The company invested in: after the cue, behind "in"/"an"/"backing"; with any companies coordinated to it."""
    for i, m in enumerate(parties):
        if m.start < pos or m.name == investor:
            continue
        if _NEW_CLAUSE.search(sentence, pos, m.start):
            break  # "…invested, and Anthropic also runs workloads on AWS": a clause of its own
        before = sentence[max(pos, m.start - 50) : m.start]
        between = sentence[pos : m.start][-50:] if m.start - pos > 0 else ""
        if not (_INVESTEE_BEFORE.search(between) or _SHARES_AFTER.match(sentence, m.end)):
            continue
        if _COMPUTE_OBJECT.search(between):
            continue
        if _DIRECT_OBJECT_BEFORE.search(before) and _NOT_EQUITY_AFTER.match(sentence[m.end : m.end + 40]):
            return []  # "investment in Amazon's AI infrastructure" buys compute, not equity
        found = [m]
        for nxt in parties[i + 1 :]:
            if _ELLIPTICAL_INVESTOR_AFTER.match(sentence[nxt.end : nxt.end + 40]):
                break  # "…in das Start-up, der Chipkonzern Nvidia bis zu zehn Milliarden": the next investor
            if _coordinated(sentence, found[-1], nxt):
                found.append(nxt)
        return found
    return []


def find_investments(
    sentence: str,
    mentions: list[CompanyMention],
    last_investee: str | None,
    pair: tuple[str, str] | None = None,
    context_lab: str | None = None,
) -> list[InvestmentDraft]:
    """Investments and warrants stated in one sentence.

    `pair` are the two companies a "the two companies" in the sentence refers to; `context_lab` the
    lab an unnamed investee ("in the startup", "an dem Start-up") stands for.
    """
    parties = [m for m in mentions if not m.via_product or company_info(m.name).role == "lab"]
    if not parties:
        return []
    drafts: list[InvestmentDraft] = []
    warrant = WARRANT.search(sentence)
    if warrant:
        named = _unique(parties)
        if len(named) == 1:  # "erhält Microsoft Optionsscheine auf … Hut 8-Aktien": the issuer named by its shares
            named += [m for m in find_companies(sentence) if m.start > warrant.start() and m.name != named[0].name
                      and _SHARES_AFTER.match(sentence, m.end)][:1]
        if len(named) >= 2:
            issuer, holder = named[0], named[1]
            if (_RECEIVE.search(sentence[issuer.end : warrant.start()])
                    or _RECEIVE_BEFORE.search(sentence[max(0, issuer.start - 25) : issuer.start])):
                issuer, holder = holder, issuer  # "Google received warrants", "erhält Google Optionsscheine"
            # the company whose shares the warrants are on: "auf … TeraWulf-Aktien", "a stake of 5% in Cipher"
            on_shares = [m for m in find_companies(sentence) if m.start > warrant.start() and m.name != holder.name
                         and (_SHARES_AFTER.match(sentence, m.end)
                              or _STAKE_IN_BEFORE.search(sentence[max(0, m.start - 60) : m.start]))]
            if on_shares:
                issuer = on_shares[0]
            return [InvestmentDraft(holder.name, issuer.name, "warrant", -1)]
        return []

    follow = INVESTORS_FOLLOW.search(sentence)
    if follow:
        investors = _unique([m for m in parties if m.start >= follow.end()])
        # "Neben ASML zogen auch bisherige Geldgeber mit": a fellow investor, not the investee
        before = [m for m in parties if m.end <= follow.start()
                  and not _ALONGSIDE_BEFORE.search(sentence[max(0, m.start - 25) : m.start])]
        investee = before[-1].name if before else last_investee
        if investee:
            # a round's investors share its total: an amount only where a clause on the investor gives its own
            # ("angeführt von SoftBank, die bis zu 30 Mrd. Dollar beisteuern soll")
            drafts += [
                InvestmentDraft(m.name, investee, "equity", own.start("clause") if own else -1)
                for m in investors if m.name != investee
                for own in [_OWN_SHARE_AFTER.match(sentence, m.end)]
            ]
        return drafts

    round_ = _FUNDING_ROUND.search(sentence)
    if round_:
        # "SoftBank led a $40bn round for OpenAI, with Microsoft also participating": everyone else invests;
        # the round's total is no single investor's amount
        investee = next((m for m in parties if m.start >= round_.end() - 1 and
                         re.match(r"\s*$", sentence[round_.end() : m.start])), None)
        if investee:
            investors = _unique([m for m in parties if m.name != investee.name and company_info(m.name).role != "lab"])
            return _dedupe([InvestmentDraft(m.name, investee.name, "equity", -1) for m in investors])

    # "erhält OpenAI CoreWeave-Aktien im Wert von 350 Mio. Dollar", "OpenAI receives CoreWeave shares worth $350m"
    for issuer in find_companies(sentence):  # "CoreWeave-Aktien" is no party of a deal, but the issuer here
        if not _SHARES_AFTER.match(sentence, issuer.end):
            continue
        receive = list(_RECEIVE_VERB.finditer(sentence, max(0, issuer.start - 60), issuer.start))
        if not receive or _NAME_BETWEEN.search(sentence, receive[-1].end(), issuer.start):
            continue
        verb = receive[-1]
        inverted = [m for m in parties if verb.end() <= m.start < issuer.start and m.name != issuer.name]
        subject = [m for m in parties if m.end <= verb.start() and m.name != issuer.name
                   and not _NAME_BETWEEN.search(sentence, m.end, verb.start())]
        holder = (inverted or subject[-1:] or [None])[0]
        if holder is not None:
            drafts.append(InvestmentDraft(holder.name, issuer.name, "equity", issuer.start))
    verbs = list(INVEST_VERB.finditer(sentence))
    investees: list[str] = []
    pending: list[tuple[CompanyMention, int]] = []  # investors whose investee the sentence names elsewhere
    for verb in verbs:
        # the subject; in German verb-final clauses the investee ("in Anthropic") also precedes the verb
        if _SALE_BEFORE.search(sentence[max(0, verb.start() - 30) : verb.start()]):
            continue
        if _WITH_INVESTED.search(sentence[max(0, verb.start() - 50) : verb.start()]) and INVESTOR_NOUN.search(
                sentence, 0, verb.start()):
            continue  # "Amazon is Anthropic's largest backer with $8bn invested": the noun says who invests
        relative = _RELATIVE_INVESTEE.search(sentence, max(0, verb.start() - 60), verb.start())
        if relative:
            # "… Anthropic, in which it has invested $8bn", "Anthropic, an dem er mit 8 Mrd. beteiligt ist": the
            # company before the relative pronoun is the investee, the other company named before it invests
            head = [m for m in parties if m.end <= relative.start() and not sentence[m.end : relative.start()].strip("’'s ")]
            others = [m for m in parties if head and m.end <= head[-1].start and m.name != head[-1].name]
            if head and others:
                drafts.append(InvestmentDraft(others[-1].name, head[-1].name, "equity", verb.start()))
                investees.append(head[-1].name)
                continue
        before = [m for m in parties if m.end <= verb.start()
                  and not (_OBJECT_BEFORE.search(sentence[max(0, m.start - 60) : m.start])
                           and not _NAME_BETWEEN.search(sentence, m.end, verb.start()))]
        if not before:
            # "Beide Partner beteiligen sich an Anthropic: …": the investee, for the investors named later
            investees += [m.name for m in _investee_after(sentence, parties, verb.end(), "")]
            continue
        investor = before[-1]
        found = _investee_after(sentence, parties, verb.end(), investor.name)
        if not found:  # German verb-final: "Google hat 3 Mrd. Dollar in Anthropic gesteckt"
            found = [m for m in _investee_after(sentence, parties, investor.end, investor.name) if m.end <= verb.start()]
        if not found:  # fronted object: "An Lambda ist Nvidia beteiligt", "In Anthropic hat Google 2 Mrd. gesteckt"
            fronted = [m for m in parties if m.end <= investor.start and m.name != investor.name
                       and re.search(r"(?:^|[.;:]\s*)\W*(?i:in|an|bei|beim)\s+$", sentence[max(0, m.start - 12) : m.start])
                       and not _NAME_BETWEEN.search(sentence, m.end, verb.start())]
            found = fronted[-1:]
        if found:
            investees += [m.name for m in found]
            alike = [p for p in parties if p.name not in {investor.name, *(m.name for m in found)}
                     and (_likewise(sentence, investor, p) or _likewise(sentence, p, investor))]
            # "Google und Amazon sind beide an Anthropic beteiligt": every subject coordinated before the investor
            nearest = investor
            for m in reversed([m for m in parties if m.end <= investor.start]):
                if m.name in {a.name for a in alike} | {investor.name} or not _coordinated(sentence, m, nearest):
                    break
                alike.append(m)
                nearest = m
            drafts += [InvestmentDraft(i.name, m.name, "equity", verb.start()) for i in [investor] + alike for m in found]
        else:
            pending.append((investor, verb.start()))
        # "Nvidia will invest up to $10bn and Microsoft up to $5bn": the elliptical second investor
        for m in parties:
            if m.start > verb.end() and _ELLIPTICAL_INVESTOR_AFTER.match(sentence[m.end : m.end + 40]):
                pending.append((m, m.start))
    if pending:
        target = investees[0] if investees else None
        if target is None:
            backing = [m for m in parties if _INVESTEE_BEFORE.search(sentence[max(0, m.start - 12) : m.start])
                       and re.search(r"(?i:back\w*)\s+$", sentence[max(0, m.start - 12) : m.start])]
            target = backing[0].name if backing else None
        if target is None and pair and len(pending) == 1 and pending[0][0].name in pair:
            target = pair[1] if pending[0][0].name == pair[0] else pair[0]  # "the two … and X invested"
        if target is None and _UNNAMED_INVESTEE.search(sentence):
            # "Microsoft, which has invested $13bn in the startup": the lab of the sentence or the one just named
            labs = [m.name for m in parties if company_info(m.name).role == "lab" and m.name not in
                    {p.name for p, _ in pending}]
            subject = parties[0]
            if not labs and len(pending) == 1 and company_info(pending[0][0].name).role == "lab" and (
                    company_info(subject.name).role != "lab" and subject.start < pending[0][0].start):
                # "Nvidia kündigte an, OpenAI Systeme zu liefern und 100 Mrd. Dollar in das Unternehmen zu
                # investieren", "Amazon is Anthropic's biggest backer and has put $8bn into the company": the lab
                # nearest the verb is the company referred to; the subject of the sentence invests
                target, pending = pending[0][0].name, [(subject, pending[0][1])]
            else:
                target = labs[0] if labs else context_lab
        if target:
            drafts += [InvestmentDraft(m.name, target, "equity", pos) for m, pos in pending if m.name != target]
    for noun in INVEST_NOUN.finditer(sentence):  # "a 14% stake in Anthropic", "Beteiligung an Intel"
        before = [m for m in parties if m.end <= noun.start()]
        tail = sentence[noun.end() : noun.end() + 80]
        if _SALE_BEFORE.search(sentence[max(0, noun.start() - 50) : noun.start()]) or _SALE_AFTER.match(
                sentence, noun.end()):
            continue  # "sold its stake in Nvidia", "seine Beteiligung an Arm verkauft"
        if not before or not re.match(r"(?i:\s*(?:(?:von|of)\s+[^.]{0,40}?\s+)?(?:in|an|into|at)\b)", tail):
            continue
        investors = [before[-1]]  # "Google hält ebenso wie Amazon Anteile an Anthropic": both
        while len(investors) < len(before) and (_coordinated(sentence, before[-len(investors) - 1], investors[0])
                                                or _likewise(sentence, before[-len(investors) - 1], investors[0])):
            investors.insert(0, before[-len(investors) - 1])
        for investee in _investee_after(sentence, parties, noun.end(), before[-1].name):
            drafts += [InvestmentDraft(m.name, investee.name, "equity", noun.start()) for m in investors]
    if drafts:
        return _dedupe(drafts)

    noun = INVESTOR_NOUN.search(sentence)
    if noun:
        # "a Lambda shareholder", "Lambda-Aktionär", "Anthropic's biggest backer"
        compound = [m for m in parties if m.end <= noun.start() and
                    re.fullmatch(r"[\s-]|['’]?s\s+(?:[\w-]+\s+){0,2}", sentence[m.end : noun.start()])]
        subject = [m for m in parties if m.end <= noun.start() and (not compound or m.name != compound[0].name)]
        if compound and subject:  # "Nvidia is a buyer, supplier and a Lambda shareholder"
            # "… Anthropic's largest backer with $8bn invested": the amount belongs to the backer
            with_money = _WITH_INVESTED_AFTER.match(sentence, noun.end())
            return [InvestmentDraft(subject[0].name, compound[0].name, "equity", noun.end() if with_money else -1)]
        before = _unique([m for m in parties if m.end <= noun.start()])
        after = [m for m in parties if m.start >= noun.end()]
        tail = sentence[noun.end() : noun.end() + 30]
        if before and after and re.match(r"(?i:\s*(?:in|of|von|bei|des|der|at)\b)", tail):
            investee = after[0].name
            drafts += [InvestmentDraft(m.name, investee, "unspecified", -1) for m in before if m.name != investee]
        elif after and re.match(r"\s*$", sentence[noun.end() : after[0].start]):
            # appositive "beim Investor Microsoft will OpenAI …": the lab in the sentence is the investee
            investor = after[0]
            labs = [m for m in parties if m.name != investor.name and company_info(m.name).role == "lab"]
            # "von OpenAI, SoftBank, Oracle und dem Investor MGX": named in one list with the lab, not its investor
            labs = [m for m in labs if not (m.end <= noun.start() and _NAME_LIST_GAP.fullmatch(
                _strip_names(sentence[m.end : noun.start()], [p for p in parties if m.end <= p.start < noun.start()],
                             m.end)))]
            if labs:
                drafts.append(InvestmentDraft(investor.name, labs[0].name, "unspecified", -1))
    return _dedupe(drafts)


_ALONGSIDE_BEFORE = re.compile(r"(?i:\b(?:neben|außer|besides|alongside|apart from|next to|like|wie)\s+(?:de[mnr]\s+|the\s+)?$)")


_NAME_LIST_GAP = re.compile(r"(?:\s|,|\bund\b|\band\b|\bsowie\b|\bde[mnr]\b|\bthe\b)*")


def _strip_names(text: str, names: list[CompanyMention], offset: int) -> str:
    """`text` without the company names in it (positions relative to `offset`)."""
    for m in sorted(names, key=lambda m: m.start, reverse=True):
        text = text[: m.start - offset] + " " + text[m.end - offset :]
    return text


def fundraiser(sentence: str, mentions: list[CompanyMention]) -> str | None:
    """The company a sentence says raised a funding round ("Nscale has closed a $1.1bn Series B round"): the investee
    of investors the next sentences list ("The round was led by …")."""
    round_ = _ROUND_NOUN.search(sentence)
    verb = _RAISE_VERB.search(sentence)
    if not verb or not round_ and not _FUNDRAISING_VERB.search(sentence):
        return None
    limit = min(verb.start(), round_.start()) if round_ else verb.start()
    subjects = [m for m in mentions if m.end <= limit and not m.via_product
                and company_info(m.name).role != "investor"]
    if not subjects and round_:
        # "eine Series-B-Runde über 1,1 Mrd. Dollar, die Nscale im September abgeschlossen hatte", "a round, which
        # Nscale closed in September": the subject of the relative clause on the round
        subjects = [m for m in mentions if round_.end() <= m.start and m.end <= verb.start() and not m.via_product
                    and re.search(r",\s*(?:die|der|das|which|that)\s+$", sentence[max(0, m.start - 12) : m.start])]
    return subjects[0].name if subjects else None


def _dedupe(drafts: list[InvestmentDraft]) -> list[InvestmentDraft]:
    seen, result = set(), []
    for d in drafts:
        if (d.investor, d.investee) not in seen and d.investor != d.investee:
            seen.add((d.investor, d.investee))
            result.append(d)
    return result
