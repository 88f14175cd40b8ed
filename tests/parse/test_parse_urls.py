"""canonicalize_url: tracking parameters, AMP variants, case, ports, fragments."""

import pytest

from pipelines.parse import canonicalize_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # tracking parameters, German outlets' analytics included
        ("https://www.heise.de/news/OpenAI-Oracle-123.html?wt_mc=rss.red.ho.ho.atom.beitrag.beitrag",
         "https://www.heise.de/news/OpenAI-Oracle-123.html"),
        ("https://t3n.de/news/ki-deal/?utm_source=rss&utm_medium=feed&utm_campaign=news",
         "https://t3n.de/news/ki-deal/"),
        ("https://example.com/a?fbclid=IwAR0abc&id=7&gclid=xyz&mc_cid=1&mc_eid=2&ref=twitter",
         "https://example.com/a?id=7"),
        ("https://www.spiegel.de/wirtschaft/x-a-123?at_medium=RSS&at_campaign=RSS",
         "https://www.spiegel.de/wirtschaft/x-a-123"),
        # remaining parameters sorted, blank values kept
        ("https://example.com/search?q=gpu&page=2&lang=", "https://example.com/search?lang=&page=2&q=gpu"),
        # case, default ports, fragments
        ("HTTPS://WWW.Example.COM:443/Path/Case?b=2&a=1#comments", "https://www.example.com/Path/Case?a=1&b=2"),
        ("http://example.com:80/x", "http://example.com/x"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com", "https://example.com/"),
        # AMP variants
        ("https://www.golem.de/news/ki-rechenzentrum-2510-1.html?amp=1", "https://www.golem.de/news/ki-rechenzentrum-2510-1.html"),
        ("https://example.com/news/story?amp", "https://example.com/news/story"),
        ("https://www.example.com/amp/news/story-1", "https://www.example.com/news/story-1"),
        ("https://www.example.com/news/story-1/amp/", "https://www.example.com/news/story-1/"),
        ("https://www.example.com/news/story-1.amp.html", "https://www.example.com/news/story-1.html"),
        ("https://www.example.com/news/story-1.amp", "https://www.example.com/news/story-1"),
        ("https://amp.theguardian.com/technology/2025/oct/23/ai", "https://theguardian.com/technology/2025/oct/23/ai"),
        ("https://example.com/x?outputType=amp", "https://example.com/x"),
        ("https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story/amp/",
         "https://www.example.com/news/story/"),
        # index pages
        ("https://example.com/news/index.html", "https://example.com/news/"),
    ],
)
def test_canonicalize(url, expected):
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/news/story",  # no trailing slash added
        "https://example.com/news/story/",  # none removed either
        "https://example.com/index.php?id=5",  # dynamic index pages are not the same as /
        "https://example.com/amplifier-review",  # "amp" only as a whole segment
        "https://example.com/news/champions.html",
    ],
)
def test_conservative_cases_are_unchanged(url):
    assert canonicalize_url(url) == url


def test_idempotent():
    once = canonicalize_url("HTTPS://Example.com/amp/a/?utm_source=x&b=1#top")
    assert canonicalize_url(once) == once == "https://example.com/a/?b=1"


@pytest.mark.parametrize("url", ["", "not a url", "mailto:redaktion@example.de", "http://[::1", "https://exa mple.com:99999/"])
def test_non_web_urls_do_not_raise(url):
    assert isinstance(canonicalize_url(url), str)
