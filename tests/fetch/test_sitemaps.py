"""discover_sitemap: index recursion, news sitemaps, date filters, hostile XML."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

from pipelines.fetch import discover_sitemap
from pipelines.fetch.sitemaps import _maybe_gunzip


def test_index_with_news_sitemap_and_since_filter(http_site, client):
    links, results = discover_sitemap(client, http_site.url("/sitemap_index.xml"), since=date(2026, 11, 1))

    by_url = {link.url: link for link in links}
    assert list(by_url) == [
        http_site.url("/articles/de/rechenzentrum-gigawatt.html"),
        http_site.url("/articles/en/tpu-deal.html"),  # news:publication_date wins over an old <lastmod>
        http_site.url("/articles/de/cloud-vertrag.html"),
        http_site.url("/articles/en/gpu-lease.html"),
        http_site.url("/impressum.html"),  # undated: kept, we cannot tell it is old
    ]
    german = by_url[http_site.url("/articles/de/rechenzentrum-gigawatt.html")]
    assert german.title == "Rechenzentrum: 1,5 Gigawatt für KI-Training in Brandenburg"
    assert german.published == datetime(2026, 11, 20, 7, 15, tzinfo=UTC)
    assert by_url[http_site.url("/articles/en/gpu-lease.html")].published == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    assert all(r.ok for r in results)
    # a child sitemap whose <lastmod> predates `since` is not even fetched
    assert "/sitemaps/archive-2020.xml" not in http_site.paths()


def test_without_since_everything_is_kept_once(http_site, client):
    links, _ = discover_sitemap(client, http_site.url("/sitemap_index.xml"))

    urls = [link.url for link in links]
    assert http_site.url("/articles/en/old-news.html") in urls
    assert len(urls) == len(set(urls)) == 6
    assert "/sitemaps/archive-2020.xml" in http_site.paths()


def test_recursion_is_bounded_and_never_revisits(http_site, client):
    discover_sitemap(client, http_site.url("/sitemap_index.xml"), max_depth=3)

    assert http_site.count("/sitemap_index.xml") == 1  # nested-index lists it again
    assert http_site.count("/sitemaps/nested-index.xml") == 1  # and itself
    assert "/sitemaps/deep-index-2.xml" in http_site.paths()  # depth 3
    assert "/sitemaps/deep-index-3.xml" not in http_site.paths()  # would be depth 4


def test_max_sitemaps_bounds_the_number_of_fetches(http_site, client):
    _, results = discover_sitemap(client, http_site.url("/sitemap_index.xml"), max_sitemaps=2)

    assert len(results) == 2


def test_max_items(http_site, client):
    links, _ = discover_sitemap(client, http_site.url("/sitemaps/pages.xml"), max_items=2)

    assert [link.url for link in links] == [
        http_site.url("/articles/de/cloud-vertrag.html"),
        http_site.url("/articles/en/gpu-lease.html"),
    ]


def test_entity_expansion_is_refused(http_site, client):
    links, [result] = discover_sitemap(client, http_site.url("/sitemaps/billion-laughs.xml"))

    assert links == []
    assert result.error == "sitemap refused: XML declares a DTD or entities, refused as unsafe (DTDForbidden)"


def test_non_sitemap_documents_are_reported(http_site, client):
    links, [result] = discover_sitemap(client, http_site.url("/feeds/rss.xml"))
    assert links == [] and result.error == "not a sitemap: root element <rss>"

    links, [result] = discover_sitemap(client, http_site.url("/feeds/malformed.xml"))
    assert links == [] and result.error.startswith("malformed sitemap: not well-formed XML")


def test_failed_child_sitemap_does_not_stop_the_others(http_site, client):
    _, results = discover_sitemap(client, http_site.url("/sitemap_index.xml"), max_depth=10)

    errors = [r.error for r in results if r.error]
    assert errors == ["HTTP 404"]  # deep-index-6.xml does not exist
    assert results[-1].url.endswith("/sitemaps/deep-index-6.xml")


def test_gzipped_sitemaps_are_unpacked_with_a_bound():
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    assert _maybe_gunzip(gzip.compress(xml), 1000) == xml
    assert _maybe_gunzip(xml, 1000) == xml
    bomb = gzip.compress(b"\0" * 100_000)
    try:
        _maybe_gunzip(bomb, 1000)
    except ValueError as exc:
        assert "more than 1000 bytes" in str(exc)
    else:
        raise AssertionError("gzip bomb was unpacked")
