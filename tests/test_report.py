"""The HTML report: one valid, self-contained page; what is new since the previous export; companies
seen for the first time, from `company_candidates` when the table exists and from the facts otherwise."""

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipelines import warehouse
from pipelines.report import current_facts, render_report, safe_url

DAY = dt.date(2026, 12, 4)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TagBalance(HTMLParser):
    """Every element closed in order; collects tags with their attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tags, self.doctype = [], [], [], None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def parse(html: str) -> TagBalance:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    return parser


def render(database: Path, previous=None) -> str:
    with warehouse.connect(database, read_only=True) as con:
        return render_report(con, day=DAY, database=database, previous=previous)


@pytest.fixture(scope="module")
def sample_html(sample_warehouse) -> str:
    return render(sample_warehouse)


def test_the_report_is_valid_html(sample_html):
    parsed = parse(sample_html)
    assert parsed.doctype.lower() == "doctype html"
    assert parsed.problems == [] and parsed.stack == []
    assert ("meta", {"charset": "utf-8"}) in parsed.tags and ("html", {"lang": "en"}) in parsed.tags


def test_the_report_loads_nothing_from_outside(sample_html):
    parsed = parse(sample_html)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, (tag, attrs)  # every script is inline
        assert tag not in ("link", "iframe", "img", "object", "embed"), tag
        if tag == "a":
            assert safe_url(attrs["href"]) == attrs["href"]  # links to articles are plain web links
    styles = re.findall(r"<style>(.*?)</style>", sample_html, flags=re.S)
    assert styles and not any("url(" in style or "@import" in style for style in styles)
    assert "Plotly" in sample_html and "cdn.plot.ly/plotly" not in sample_html


def test_the_report_has_every_section_with_real_content(sample_html, sample_warehouse):
    for section in ("headline", "new", "gigawatts", "loops", "timeline", "deals", "first-seen"):
        assert f'<section id="{section}">' in sample_html
    for chart in ("chart-buyers", "chart-providers", "chart-loops", "chart-timeline"):
        assert f'id="{chart}"' in sample_html
    with warehouse.connect(sample_warehouse, read_only=True) as con:
        evidence, url = con.execute(
            "select m.evidence, coalesce(a.canonical_url, a.url) from deals d join deal_mentions m "
            "on list_contains(d.mention_ids, m.mention_id) join articles a using (article_id) "
            "where d.buyer = 'Anthropic' and d.providers = ['Google'] and m.lang = 'de' limit 1").fetchall()[0]
        n_deals = warehouse.scalar(con, "select count(*) from deals")
    from html import escape

    assert escape(evidence.split("\n")[0], quote=False) in sample_html  # the German evidence sentence
    assert f'href="{escape(url)}"' in sample_html  # with a link to its article
    assert "First export of this database" in sample_html
    assert sample_html.count('<li class="new">Deal:') == n_deals
    assert "pays for compute" in sample_html and "invests (cash)" in sample_html and "grants shares" in sample_html


def test_new_since_the_previous_export_lists_only_what_is_new(sample_warehouse):
    with warehouse.connect(sample_warehouse, read_only=True) as con:
        facts = current_facts(con)
        newest = con.execute("select deal_id, buyer from deals where buyer = 'Deutsche Telekom'").fetchall()[0]
    previous_facts = {**facts, "deal_ids": [d for d in facts["deal_ids"] if d != newest[0]],
                      "companies": [c for c in facts["companies"] if c != "Deutsche Telekom"]}
    html = render(sample_warehouse, previous={"day": "2026-12-03", "facts": previous_facts})
    new_items = re.findall(r'<li class="new">(.*?)</li>', html, flags=re.S)
    assert len(new_items) == 1 and "Deutsche Telekom" in new_items[0]
    assert "Compared with the previous export of 2026-12-03" in html
    first_seen = html.split('<section id="first-seen">')[1]
    assert "<td>Deutsche Telekom</td>" in first_seen and "<td>OpenAI</td>" not in first_seen

    unchanged = render(sample_warehouse, previous={"day": "2026-12-03", "facts": facts})
    assert '<li class="new">' not in unchanged and "No new deals, investments or loops since 2026-12-03" in unchanged


def test_first_seen_organisations_come_from_company_candidates(sample_warehouse, tmp_path):
    database = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, database)
    with warehouse.connect(database) as con:
        article_id, url = con.execute("select article_id, canonical_url from articles where canonical_url is not null "
                                      "order by article_id limit 1").fetchall()[0]
        con.execute("delete from company_candidates")
        con.execute("insert into company_candidates values "
                    "('Lambda Labs', 'company', 3, 4, date '2025-11-05', date '2025-11-05', ['a'], "
                    "'Lambda Labs mietet GPUs.', ?), "
                    "('Crusoe', 'company', 1, 1, date '2025-11-01', date '2025-11-02', ['b'], 'Crusoe builds a campus.', "
                    "'b')", [article_id])
        facts = current_facts(con)
    assert facts["candidates"] == ["Crusoe", "Lambda Labs"]

    first = render(database)
    section = first.split('<section id="first-seen">')[1]
    assert "<h3>Not in the company registry</h3>" in section
    assert "<td>Lambda Labs</td>" in section and "<td>Crusoe</td>" in section and "Lambda Labs mietet GPUs." in section
    assert url in section

    # The previous export already knew Crusoe: only Lambda Labs is new.
    later = render(database, previous={"day": "2026-12-03", "facts": {**facts, "candidates": ["Crusoe"]}})
    section = later.split('<section id="first-seen">')[1]
    assert "<td>Lambda Labs</td>" in section and "<td>Crusoe</td>" not in section

    # A previous export made before the table existed: fall back on first_seen after its day.
    older = render(database, previous={"day": "2025-11-03", "facts": {k: v for k, v in facts.items() if k != "candidates"}})
    section = older.split('<section id="first-seen">')[1]
    assert "<td>Lambda Labs</td>" in section and "<td>Crusoe</td>" not in section


def test_hostile_text_is_escaped_and_only_web_links_become_links(sample_warehouse, tmp_path):
    database = tmp_path / "w.duckdb"
    shutil.copy(sample_warehouse, database)
    with warehouse.connect(database) as con:
        con.execute("update articles set title = '<script>alert(1)</script>', canonical_url = 'javascript:alert(2)', "
                    "url = 'javascript:alert(2)'")
    html = render(database)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:alert" not in html
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("file:///etc/passwd") is None and safe_url("javascript:alert(1)") is None and safe_url(None) is None


def test_an_empty_database_gives_a_report_without_charts(tmp_path):
    database = tmp_path / "empty.duckdb"
    with warehouse.connect(database) as con:
        warehouse.ensure_schema(con)
    html = render(database)
    assert parse(html).problems == []
    assert "No deal with a gigawatt figure yet." in html and "No loop" in html and 'id="chart-' not in html
