"""The same release syndicated by two outlets: stored once per outlet, recognised as one text."""

from bs4 import BeautifulSoup

from conftest import SAMPLE_SOURCES, run_daily_job
from pipelines import warehouse


def test_a_syndicated_release_is_one_text_in_two_outlets(tmp_path):
    original = next((SAMPLE_SOURCES.parent / "press").glob("*de-rechenwerk-anthropic-google-tpu.html"))
    article = BeautifulSoup(original.read_text(encoding="utf-8"), "html.parser").find("article")
    # The release's paragraphs, without the first outlet's kicker and byline.
    body = [p for p in article.find_all("p") if not {"kicker", "byline"} & set(p.get("class") or [])]
    paragraphs = "\n".join(f"<p>{p.get_text(' ', strip=True)}</p>" for p in body)
    title = article.find("h1").get_text(strip=True)
    for outlet in ("outlet-a", "outlet-b"):
        (tmp_path / outlet).mkdir()
    (tmp_path / "outlet-a" / "release.html").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "outlet-b" / "copy.html").write_text(
        f"""<html lang="de"><head><meta charset="utf-8"><title>{title} | Zweitblatt</title>
        <link rel="canonical" href="https://www.zweitblatt.example/wirtschaft/anthropic-google.html?utm_source=rss"></head>
        <body><header><a href="/">Zweitblatt</a> <a href="/abo">Abo</a></header>
        <main><div class="story"><h1>{title}</h1><div class="byline">Von der Redaktion</div>{paragraphs}</div></main>
        <aside><h3>Meistgelesen</h3><ul><li><a href="/x">Etwas anderes</a></li></ul></aside>
        <footer>Impressum · Datenschutz</footer></body></html>""",
        encoding="utf-8",
    )
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources:\n  - {name: outlet-a, kind: directory, path: outlet-a}\n"
                       "  - {name: outlet-b, kind: directory, path: outlet-b}\n", encoding="utf-8")
    database = tmp_path / "w.duckdb"
    assert run_daily_job(database, sources=sources).success
    with warehouse.connect(database, read_only=True) as con:
        stored = warehouse.query_frame(con, "select source, canonical_url, content_hash, text from articles order by source").to_dicts()
        (deal,) = warehouse.query_frame(con, "select * from deals where buyer = 'Anthropic' and providers = ['Google']").to_dicts()
    assert [row["source"] for row in stored] == ["outlet-a", "outlet-b"]
    assert stored[0]["content_hash"] == stored[1]["content_hash"]
    assert stored[1]["canonical_url"] == "https://www.zweitblatt.example/wirtschaft/anthropic-google.html"
    assert (deal["n_sources"], deal["n_articles"]) == (2, 1)  # two outlets, one text
