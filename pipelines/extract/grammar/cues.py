"""The cue vocabulary the grammar's rules share: deal, compute, acquire, supply, invest and warrant cues.

A cue that is a list of words comes from the lexicon (lexicon/de.yaml, lexicon/en.yaml), compiled once;
what is built around the words here (gaps like `[^.;]{0,90}?`, "for" after "pay") is structure.
"""

from __future__ import annotations

import re

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
ACQUIRE = re.compile(
    r"(?i:purchas\w*|\bbuy\w*|\bbought\b|\brent\w*|\blease\w*|\bleasing\b|obtain\w*|procur\w*|sourc\w*|"
    r"\bspend\w*|bezieh\w*|bezieht|bezog\w*|kauf\w*|Kauf\w*|miete\w*|mietet|anmiet\w*|erwerb\w*|leas\w*|"
    r"\bpa(?:ys?|id|ying)\b(?:[^.;]|\.(?=\d)){0,60}?\bfor\b|\bzahl\w*\b[^.;]{0,80}?\bfür\b|"
    r"\b(?:gibt|geben|gab|gaben|ausgeben)\b[^.;]{0,80}?\bfür\b)"
)
SUPPLY_VERB = re.compile(
    r"(?i:\b(?:will |to |soll |wird )?(?:provide|provides|supply|supplies|deliver|delivers|liefer\w*|"
    r"bereitstell\w*|versorg\w*|stellt\w*)\b)"
)
ACQUIRE_OR_DEPLOY = re.compile(
    r"(?i:\brent\w*|\blease\w*|leas\w*|miete\w*|mietet|anmiet\w*|bezieh\w*|bezieht|purchas\w*|\bbuy\w*|\bbought\b|\border\w*|procur\w*|\bsourc\w*|kauf\w*|Kauf\w*|erwerb\w*|bestell\w*|deploy\w*|"
    r"einsetz\w*|eingesetzt|\bus(?:e|es|ed|ing)\b|utili[sz]\w*|nutz\w*|setz\w* auf|run(?:s|ning)? on|train\w* on|"
    r"aufbau\w*|aufzubauen|\bbuild\w*|install\w*)"
)
# "Der US-Softwarekonzern will …": the subject is a company the sentence does not name
POWER_CUE = re.compile(
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
# using or getting chips: "nutzt", "erhält Zugriff auf", "gets access to", "will deploy"
USE_OR_GET = re.compile(
    r"(?i:\b(?:nutz\w*|einsetz\w*|eingesetzt|setz\w* auf|erh[äa]lt\w*|bekommt|bekommen|Zugriff auf|Zugang zu|"
    r"us(?:e|es|ed|ing)|deploy\w*|get(?:s|ting)?|gain\w* access|access to|receiv\w*|rent\w*|lease\w*|"
    r"purchas\w*|buy\w*|bought|order\w*|bestell\w*|kauf\w*|miete\w*|mietet|bezieh\w*|bezieht|"
    r"run(?:s|ning)? on|train\w* on)\b)"
)
