"""content_hash: insensitive to markup leftovers, whitespace, case, quotes and dashes."""

from pipelines.parse import content_hash
from pipelines.parse.hashing import normalize_for_hash


def test_whitespace_case_and_punctuation_do_not_matter():
    a = "Nordlicht Cloud mietet 40.000 GPUs.\nDer Vertrag gilt „ab sofort“ – sagt die Firma."
    b = "  nordlicht cloud mietet 40 000 GPUs\n\n der Vertrag gilt \"ab sofort\" - sagt die Firma  "
    assert content_hash(a) == content_hash(b)


def test_unicode_forms_and_sharp_s_fold_together():
    assert content_hash("Straße ﬁnanziert") == content_hash("STRASSE finanziert")  # ligature fi, ß


def test_different_words_hash_differently():
    assert content_hash("Vertrag über 1,2 Milliarden Euro") != content_hash("Vertrag über 2,1 Milliarden Euro")


def test_is_sha256_hex():
    digest = content_hash("The deal is worth $2.5 billion.")
    assert len(digest) == 64 and int(digest, 16) >= 0


def test_normalised_form():
    assert normalize_for_hash("  Hello,   WORLD!\n„Grüße“ ") == "hello world grüsse"
