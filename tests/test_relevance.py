"""The relevance filter: every example text here is written for this test, in German and English."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.relevance import MAX_SCAN_CHARS, Relevance, judge_relevance


# --- kept ---------------------------------------------------------------------------------------

def test_a_german_deal_article_is_kept_and_the_reason_lists_terms_and_companies():
    r = judge_relevance(
        "Anthropic sichert sich Gigawatt an TPU-Kapazität bei Google",
        "Der KI-Entwickler will ab 2026 bis zu einer Million TPUs in den Rechenzentren des Konzerns nutzen. "
        "Der Vertrag hat einen Wert im zweistelligen Milliardenbereich.",
        "de",
    )
    assert r.relevant
    assert r.reason == ("kept: compute terms (Gigawatt, TPU-Kapazität, Rechenzentren) "
                        "and companies (Anthropic, Google)")
    assert r.companies == ("Anthropic", "Google")


def test_an_english_deal_article_is_kept():
    r = judge_relevance(
        "OpenAI signs $38 billion cloud contract with AWS",
        "The ChatGPT maker will run its workloads on hundreds of thousands of Nvidia GPUs in Amazon's data centers.",
        "en",
    )
    assert r.relevant and r.reason.startswith("kept: compute terms (")
    assert {"OpenAI", "Nvidia", "Amazon"} <= set(r.companies)  # AWS is Amazon in the registry
    assert {"cloud contract", "GPUs", "data centers"} <= set(r.terms)


def test_an_investment_in_a_lab_is_kept_in_both_languages():
    de = judge_relevance("Nvidia beteiligt sich an xAI", "Die Finanzierungsrunde bewertet das Start-up mit 200 Mrd. Dollar.", "de")
    en = judge_relevance("Microsoft invests in Mistral AI", "The funding round values the Paris lab at 12 billion euros.", "en")
    assert de.relevant and "Finanzierungsrunde" in de.reason and "xAI" in de.companies
    assert en.relevant and "invests" in en.terms and "Mistral AI" in en.companies


def test_a_data_centre_power_study_is_kept_without_any_deal_or_company():
    de = judge_relevance(
        "Studie: Strombedarf der Rechenzentren verdoppelt sich",
        "Bis 2030 könnten Rechenzentren in Deutschland zusätzlich 4 Gigawatt benötigen, schätzen die Forscher.",
        "de",
    )
    en = judge_relevance(
        "Data centres could use 9 percent of US electricity by 2030",
        "Researchers estimate that new AI campuses will add about 50 GW of load to the grid.",
        "en",
    )
    assert de.relevant and de.reason == "kept: strong compute terms (Rechenzentren, Gigawatt)"
    assert en.relevant and en.reason == "kept: strong compute terms (Data centres, GW)"


def test_a_strong_term_in_the_title_weighs_double():
    r = judge_relevance("Neues KI-Rechenzentrum in Hessen", "Der Bau soll im Frühjahr beginnen.", "de")
    assert r.relevant and r.reason == "kept: strong compute term in title (KI-Rechenzentrum)"
    # the same sentence in the body alone is one strong term: not enough without a company
    body = judge_relevance("Bauprojekt in Hessen", "Ein neues KI-Rechenzentrum soll im Frühjahr entstehen.", "de")
    assert not body.relevant


def test_power_units_in_a_title_get_no_bonus():
    r = judge_relevance("Gigawatt-Windpark vor Sylt genehmigt", "Der Park soll eine Million Haushalte versorgen.", "de")
    assert not r.relevant
    assert r.reason == "dropped: no company and too few strong compute terms (only: Gigawatt-Windpark)"


# --- compounds and word boundaries --------------------------------------------------------------

@pytest.mark.parametrize(("text", "term"), [
    ("Das KI-Rechenzentrum in Hanau geht 2027 ans Netz.", "KI-Rechenzentrum"),
    ("Der Großrechenzentrumsbetreiber meldet Rekordumsatz.", "Großrechenzentrumsbetreiber"),
    ("Die Rechenkapazitäten reichen nicht aus.", "Rechenkapazitäten"),
    ("Es fehlen Grafikprozessoren für das Training.", "Grafikprozessoren"),
    ("Der Konzern bestellt neue KI-Chips.", "KI-Chips"),
    ("Die Nachfrage nach Nvidia-Chips ist groß.", "Nvidia-Chips"),
    ("Ein 1GW-Campus entsteht in Texas.", "1GW-Campus"),
    ("The datacenter in Ohio opens next year.", "datacenter"),
    ("Amazon's Trainium2 chips are now generally available.", "Trainium2"),
    ("The new supercomputer ranks first in the Top500.", "supercomputer"),
])
def test_german_compounds_and_english_variants_match(text, term):
    assert term in judge_relevance("", text, None).terms


@pytest.mark.parametrize("text", [
    "Kartoffelchips selbst machen: dünn schneiden, salzen, bei 200 Grad backen.",  # not "Chips"
    "Die Wahlbeteiligung lag bei 71 Prozent.",                                   # not "Beteiligung"
    "Dunkle clouds hingen über dem Stadion.",                                     # not "Cloud"
    "Fotos landen automatisch in der iCloud.",                                     # not "Cloud"
    "Der neue A19-Chip ist schnell.",                                              # a lone chip is no term
])
def test_look_alikes_are_not_compute_terms(text):
    assert judge_relevance("", text, "de").terms == ()


def test_metaverse_is_not_meta_but_meta_and_its_genitive_are():
    assert judge_relevance("Das Metaverse lebt", "Zuckerberg zeigt eine Metaverse-Brille.", "de").companies == ()
    assert judge_relevance("", "A meta-analysis of forty studies found no effect.", "en").companies == ()
    assert judge_relevance("", "Metas neues Rechenzentrum in Louisiana.", "de").companies == ("Meta",)
    assert judge_relevance("", "META shares rose after the earnings call.", "en").companies == ("Meta",)


@pytest.mark.parametrize("text", [
    "Robinson Crusoe lebte Jahre auf der Insel.",
    "Ein Orakel sagt: the oracle has spoken, and the amazon rainforest burns.",
    "Wir fahren an den Amazonas. Just google it.",
    "Die Telekommunikation bleibt reguliert.",
])
def test_ordinary_words_are_not_companies(text):
    assert judge_relevance("", text, None).companies == ()


def test_companies_come_from_the_extraction_registry_by_canonical_name():
    # companies.yaml is the one registry: aliases fold to canonical names, any registered company counts
    r = judge_relevance("", "Der Google-Mutterkonzern und Amazon Web Services mieten GPUs bei Lambda.", "de")
    assert r.relevant and r.companies == ("Google", "Amazon", "Lambda")
    en = judge_relevance("", "Quokka Compute signed with Fluidstack for GPUs.", "en")
    assert en.companies == ("Fluidstack",)  # a name outside the registry is no company here


# --- dropped ------------------------------------------------------------------------------------

def test_a_football_report_is_dropped_even_with_a_sponsor_contract():
    de = judge_relevance(
        "FC Bayern verlängert Vertrag mit Sponsor Telekom",
        "Im Spitzenspiel gegen Dortmund traf Kane zweimal, der Deal mit dem Trikotsponsor läuft bis 2030.",
        "de",
    )
    en = judge_relevance(
        "Arsenal beat Chelsea 2-0",
        "Saka scored twice under dark clouds at the Emirates as the title race tightened.",
        "en",
    )
    assert not de.relevant and de.reason == "dropped: no compute terms (only: Deutsche Telekom)"
    assert not en.relevant and en.reason == "dropped: no compute terms"


def test_a_smartphone_review_with_apple_and_a_chip_is_dropped():
    # Decision (documented in the module): Apple is a company of the registry, but a lone "chip" is
    # no compute term, so a phone review is off-topic even though it sounds technical.
    de = judge_relevance(
        "iPhone 17 Pro im Test: Apple legt beim Akku nach",
        "Der neue A19-Pro-Chip ist spürbar schneller, die Kamera überzeugt bei Nacht, der Preis bleibt hoch.",
        "de",
    )
    en = judge_relevance(
        "Apple iPhone 17 review",
        "The A19 chip is fast, the display is bright and the battery lasts two days. Apple's processor leads.",
        "en",
    )
    assert not de.relevant and de.reason == "dropped: no compute terms (only: Apple, iPhone, Chip)"
    assert not en.relevant and en.reason == "dropped: no compute terms (only: Apple, iPhone, Chip, Prozessor)"


def test_a_recipe_and_politics_without_compute_are_dropped():
    recipe = judge_relevance("Tortilla-Chips mit Guacamole", "Avocados zerdrücken, Limette dazu, mit Chips servieren.", "de")
    politics = judge_relevance("Bundestag beschließt Haushalt", "Die Opposition kritisiert die Investitionen in Straßen.", "de")
    assert not recipe.relevant
    assert recipe.reason == "dropped: no company and too few strong compute terms (only: Tortilla-Chips)"
    assert not politics.relevant
    assert politics.reason == "dropped: no company and too few strong compute terms (only: Investitionen)"


def test_source_keywords_must_appear_before_anything_else():
    text = "Anthropic nutzt Gigawatt an TPUs in Googles Rechenzentren."
    dropped = judge_relevance("Großauftrag", text, "de", keywords=("Quanten", "Halbleiter"))
    assert not dropped.relevant
    assert dropped.reason == "dropped: source keywords not found (Quanten, Halbleiter)"
    # case-insensitive substring of title + text; blank keywords are ignored
    assert judge_relevance("Großauftrag", text, "de", keywords=("tpu", " ")).relevant
    assert judge_relevance("Großauftrag", text, "de", keywords=("", "  ")).relevant
    # keywords only gate: a found keyword does not make an off-topic article relevant
    assert not judge_relevance("Bayern siegt", "Kane trifft doppelt.", "de", keywords=("Kane",)).relevant


@pytest.mark.parametrize("text", ["", "   \n\t", None, "\u00ad\u200b"])
def test_an_empty_text_is_dropped(text):
    assert judge_relevance("Nvidia baut Rechenzentrum", text, "de") == Relevance(False, "dropped: no text")


def test_the_reason_caps_long_lists():
    text = " ".join(["OpenAI", "Anthropic", "Google", "Microsoft", "Nvidia", "AMD", "Oracle", "CoreWeave",
                     "Nebius", "SoftBank", "kaufen GPUs"])
    r = judge_relevance("", text, "de")
    assert r.relevant and "+2 more" in r.reason and len(r.companies) == 10


def test_typographic_hyphens_and_soft_hyphens_do_not_hide_terms():
    r = judge_relevance("", "Das KI\u2011Rechen\u00adzentrum von Nvidia\u00a0braucht 2\u202fGW.", "de")
    assert r.relevant and r.terms == ("KI-Rechenzentrum", "GW") and r.companies == ("Nvidia",)


# --- robustness and speed -----------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(title=st.text(), text=st.text(), lang=st.one_of(st.none(), st.text(max_size=5)),
       keywords=st.lists(st.text(max_size=10), max_size=4).map(tuple))
def test_random_text_never_raises(title, text, lang, keywords):
    r = judge_relevance(title, text, lang, keywords)
    assert isinstance(r, Relevance) and isinstance(r.relevant, bool)
    assert r.reason.startswith("kept: " if r.relevant else "dropped: ")


_VOCAB = ["Nvidia", "GPU", "Rechenzentrum", "Gigawatt", "Cloud", "Chips", "Meta", "Metaverse", "KI-",
          "Beteiligung", "data", "center", "-", " ", "\n", "ß", "Ä", "1", "s", "A100", "Robinson"]


@settings(max_examples=300, deadline=None)
@given(title=st.lists(st.sampled_from(_VOCAB), max_size=15).map("".join),
       text=st.lists(st.sampled_from(_VOCAB), max_size=60).map("".join))
def test_word_soup_never_raises_and_a_present_keyword_changes_nothing(title, text):
    plain = judge_relevance(title, text, "de")
    if text.strip():
        word = text.strip().split()[0]
        assert judge_relevance(title, text, "de", keywords=("nicht-da", word)) == plain


@pytest.mark.parametrize("odd", [b"bytes", 42, object(), ["list"], "\ud800 lone surrogate", "\x00" * 10])
def test_odd_inputs_do_not_raise(odd):
    assert isinstance(judge_relevance(odd, odd, odd, odd), Relevance)  # type: ignore[arg-type]
    assert isinstance(judge_relevance("t", "Nvidia GPUs", None, odd), Relevance)  # type: ignore[arg-type]


def test_it_is_fast_on_long_and_adversarial_texts():
    article = ("Anthropic mietet Gigawatt an TPUs bei Google. " + "Fülltext ohne Bezug zum Thema. " * 40) * 20
    start = time.perf_counter()
    for _ in range(200):
        judge_relevance("Titel", article, "de")
    per_article = (time.perf_counter() - start) / 200
    assert per_article < 0.04, per_article  # about 8 ms here for 26k characters
    start = time.perf_counter()
    for adversarial in ("a" * MAX_SCAN_CHARS * 3, "Rechen" * 100_000, "- " * 300_000, "KI-" * 200_000):
        judge_relevance(adversarial, adversarial, None, ("zz",))
        judge_relevance(adversarial, adversarial, None)
    assert time.perf_counter() - start < 5
