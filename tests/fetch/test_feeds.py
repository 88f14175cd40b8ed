"""discover_feed on RSS 2.0, Atom and RDF, and on broken or hostile feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import feedparser
import pytest

from pipelines.fetch import DiscoveredLink, discover_feed, parse_feed


def test_rss_items_resolved_absolute_deduplicated_with_dates(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/rss.xml"), max_items=50)

    assert result.ok and result.content_type.startswith("application/rss+xml")
    assert [link.url for link in links] == [
        http_site.url("/articles/de/rechenzentrum-gigawatt.html"),  # relative <link> resolved
        http_site.url("/articles/en/tpu-deal.html"),  # listed twice, kept once
        http_site.url("/articles/de/cloud-vertrag.html"),  # fragment dropped
    ]
    german = links[0]
    assert isinstance(german, DiscoveredLink)
    assert german.title == "Rechenzentrum: 1,5 Gigawatt für KI-Training in Brandenburg"
    assert german.published == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)  # +0100 converted to UTC
    assert german.summary == "Ein Konsortium will bis zu 12 Mrd. Euro investieren."  # HTML stripped
    assert links[2].summary is None


def test_atom_entries_resolve_against_xml_base(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/atom.xml"))

    assert result.ok
    assert [link.url for link in links] == [
        http_site.url("/articles/en/gpu-lease.html"),
        http_site.url("/articles/de/rechenzentrum-gigawatt.html"),
    ]
    assert links[0].title == "Neocloud signs $14bn GPU lease"
    assert links[0].published == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)  # <published>, not <updated>
    assert links[1].published == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)  # only <updated>


def test_rdf_items(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/rdf.xml"))

    assert result.ok
    assert [(link.url, link.published) for link in links] == [
        (http_site.url("/articles/de/cloud-vertrag.html"), datetime(2026, 11, 26, 9, 0, tzinfo=UTC)),
        (http_site.url("/articles/en/tpu-deal.html"), datetime(2026, 11, 22, 14, 0, tzinfo=UTC)),
    ]
    assert links[0].summary == "Rund 38 Milliarden US-Dollar über sieben Jahre."


def test_max_items_caps_the_result(http_site, client):
    links, _ = discover_feed(client, http_site.url("/feeds/rss.xml"), max_items=1)

    assert len(links) == 1


def test_malformed_feed_gives_clear_error(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/malformed.xml"))

    assert links == []
    assert result.error is not None and result.error.startswith("malformed feed: not well-formed XML")
    assert result.status == 200 and [a.status for a in result.attempts] == [200]


@pytest.mark.parametrize("path", ["/feeds/billion-laughs.xml", "/feeds/xxe.xml"])
def test_entity_declarations_are_refused_before_feedparser(http_site, client, monkeypatch, path):
    def feedparser_must_not_run(*args, **kwargs):
        raise AssertionError("feedparser saw a hostile document")

    monkeypatch.setattr(feedparser, "parse", feedparser_must_not_run)

    links, result = discover_feed(client, http_site.url(path))

    assert links == []
    assert result.error == "feed refused: XML declares a DTD or entities, refused as unsafe (EntitiesForbidden)"


def test_old_rss_091_with_plain_doctype_is_accepted(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/rss091-doctype.xml"))

    assert result.ok
    assert [link.title for link in links] == ["Alte Meldung"]


def test_slightly_broken_feed_is_recovered_leniently(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/lenient.xml"))  # bare '&', '&nbsp;'

    assert result.ok
    assert [(link.url, link.title) for link in links] == [
        (http_site.url("/articles/de/cloud-vertrag.html"), "Chips & Strom")
    ]


def test_html_page_is_not_a_feed(http_site, client):
    links, result = discover_feed(client, http_site.url("/articles/en/tpu-deal.html"))

    assert links == []
    assert result.error is not None and result.error.startswith(("not a feed", "malformed feed"))


def test_fetch_errors_pass_through(http_site, client):
    links, result = discover_feed(client, http_site.url("/feeds/missing.xml"))

    assert links == [] and result.error == "HTTP 404"


def test_feedparser_exceptions_do_not_escape(http_site, client, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(feedparser, "parse", explode)

    links, result = discover_feed(client, http_site.url("/feeds/rss.xml"))

    assert links == [] and result.error == "malformed feed: RuntimeError: boom"


def test_parse_feed_on_bytes_never_opens_paths_or_urls():
    # feedparser.parse("/etc/hostname") would read the file; parse_feed hands it a stream
    parsed = parse_feed(b"/etc/hostname", base_url="https://example.org/feed")

    assert parsed.links == []
    assert parsed.problem is not None


def test_unchanged_feed_is_not_downloaded_again(http_site, client):
    links, first = discover_feed(client, http_site.url("/conditional/feed.xml"))
    assert len(links) == 3 and first.etag

    links, second = discover_feed(
        client, http_site.url("/conditional/feed.xml"), etag=first.etag, last_modified=first.last_modified
    )

    assert links == []
    assert second.not_modified and second.error is None


def test_items_without_a_usable_link_are_reported_as_skipped(http_site, client):
    links, result = discover_feed(client, http_site.url("/misbehave/endless-feed?items=3&bad=1"))

    assert [link.url for link in links] == [http_site.url(f"/misbehave/item/{n}?delay=0") for n in range(3)]
    assert result.ok
    assert [(s.link.replace("file:///", "file://"), s.reason) for s in result.skipped] == [  # feedparser's spelling
        ("javascript:alert(1)", "not an http(s) link (javascript:)"),
        ("file://etc/passwd", "not an http(s) link (file:)"),
        ("", "no link"),
        (http_site.url("/misbehave/item/0?delay=0"), "the feed lists this link twice"),
    ]
