"""discover_listing: CSS selectors, absolute and unique links, pagination."""

from __future__ import annotations

from pipelines.fetch import discover_listing

SELECTOR = "article.teaser h2 a"


def test_pagination_collects_unique_absolute_links(http_site, client):
    links, results = discover_listing(
        client, http_site.url("/news/index.html"), link_selector=SELECTOR, next_selector="a.next", max_pages=10
    )

    assert [link.url for link in links] == [
        http_site.url("/articles/de/rechenzentrum-gigawatt.html"),
        http_site.url("/articles/en/tpu-deal.html"),  # "../" resolved; "#comments" twin dropped
        http_site.url("/articles/de/cloud-vertrag.html"),  # page 2 resolves against <base href>
        http_site.url("/articles/en/gpu-lease.html"),
        http_site.url("/articles/en/old-news.html"),
    ]
    assert links[0].title == "Rechenzentrum: 1,5 Gigawatt für KI-Training"
    assert links[1].title == "AI lab expands TPU deal"  # whitespace collapsed
    # page 3 links back to page 1: the walk stops instead of going round
    assert [r.url for r in results] == [http_site.url(f"/news/{p}") for p in ("index.html", "page-2.html", "page-3.html")]
    assert all(r.ok for r in results)
    assert http_site.count("/news/index.html") == 1


def test_max_pages_bounds_the_walk(http_site, client):
    links, results = discover_listing(
        client, http_site.url("/news/index.html"), link_selector=SELECTOR, next_selector="a.next", max_pages=1
    )

    assert len(results) == 1 and len(links) == 2
    assert "/news/page-2.html" not in http_site.paths()


def test_max_items_stops_early(http_site, client):
    links, results = discover_listing(
        client, http_site.url("/news/index.html"), link_selector=SELECTOR, next_selector="a.next", max_pages=10, max_items=3
    )

    assert len(links) == 3
    assert len(results) == 2
    assert "/news/page-3.html" not in http_site.paths()


def test_selector_on_containers_finds_the_anchor_inside(http_site, client):
    links, _ = discover_listing(client, http_site.url("/news/index.html"), link_selector="article.teaser")

    assert links[0].url == http_site.url("/articles/de/rechenzentrum-gigawatt.html")


def test_failed_page_ends_the_walk_with_its_result(http_site, client):
    links, results = discover_listing(
        client, http_site.url("/news/missing.html"), link_selector=SELECTOR, next_selector="a.next", max_pages=3
    )

    assert links == []
    assert [r.error for r in results] == ["HTTP 404"]


def test_invalid_selector_is_reported_not_raised(http_site, client):
    links, results = discover_listing(client, http_site.url("/news/index.html"), link_selector="a[[[")

    assert links == []
    assert results[0].error.startswith("listing not parsed: ")


def test_links_that_are_no_articles_are_reported_as_skipped(http_site, client):
    links, [page] = discover_listing(client, http_site.url("/news/bad-links.html"), link_selector=SELECTOR)

    assert [link.url for link in links] == [http_site.url("/articles/en/tpu-deal.html")]
    assert page.ok and [(s.link, s.reason) for s in page.skipped] == [
        ("javascript:openShareDialog()", "not an http(s) link (javascript:)"),
        ("mailto:press@example.org", "not an http(s) link (mailto:)"),
        ("file:///etc/passwd", "not an http(s) link (file:)"),
    ]
