"""Test pages for the parse tests, written for this project (no real outlet's text).

Two deliberately different templates carry the same article, so tests can check that
boilerplate goes and that the body (and its hash) does not depend on the template.
"""

from __future__ import annotations

GERMAN_TITLE = "Rechenzentrum in Brandenburg: Nordlicht Cloud mietet 40.000 GPUs"
GERMAN_PARAGRAPHS = [
    "Der Cloud-Anbieter Nordlicht Cloud hat mit dem Chiphersteller Vektor Semiconductor einen "
    "Liefervertrag über 40.000 Grafikprozessoren geschlossen. Das Volumen beläuft sich nach "
    "Angaben beider Unternehmen auf rund 1,2 Milliarden Euro.",
    "Die Rechner sollen ab dem Frühjahr in einem neuen Rechenzentrum bei Cottbus in Betrieb gehen, "
    "das eine Anschlussleistung von 300 Megawatt erhält. Für die Kühlung wird Wasser aus einem "
    "stillgelegten Tagebausee genutzt, was der Betreiber als besonders effizient bezeichnet.",
    "Größter Kunde wird laut Mitteilung ein Münchner KI-Start-up, das seine Sprachmodelle künftig "
    "vollständig in Deutschland trainieren möchte. Über die Laufzeit des Vertrags äußerten sich "
    "die Beteiligten nicht; Branchenkenner gehen von fünf Jahren aus.",
    "Die Landesregierung begrüßte die Investition und stellte Fördermittel für den Ausbau der "
    "Stromleitungen in Aussicht. Kritiker bemängeln dagegen den hohen Wasserverbrauch der Anlage.",
]

ENGLISH_TITLE = "Harbor Compute signs $2.5 billion deal for 1.5 gigawatts of AI capacity"
ENGLISH_PARAGRAPHS = [
    "Harbor Compute, a startup that rents out clusters of accelerators, said on Tuesday that it had "
    "agreed to buy capacity worth up to $2.5 billion from the data center operator Granite Power "
    "over the next six years.",
    "The agreement covers 1.5 gigawatts of power across three sites in Texas and Ohio, the first of "
    "which is expected to come online in the second half of next year. Granite Power will build the "
    "facilities and lease them to Harbor Compute under long-term contracts.",
    "Analysts said the deal shows how quickly smaller cloud providers are locking in electricity, "
    "which has become a tighter constraint than the chips themselves. Neither company disclosed "
    "which chip supplier would provide the hardware.",
]


def portal_page(title: str, paragraphs: list[str], *, lang: str = "de", site: str = "Techportal",
                published: str = "2025-10-23T08:15:00+02:00", canonical: str | None = "/news/artikel-4711.html",
                charset_meta: str | None = "utf-8") -> str:
    """A news-portal template: nav, cookie banner, related list, comments, footer."""
    related_heading = "Mehr zum Thema" if lang == "de" else "Read more"
    comments_heading = "Kommentare" if lang == "de" else "Comments"
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>{meta}
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}">
{link}
</head>
<body>
<div id="cookie-banner" class="cookie-consent">Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.
 <button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<header><nav><ul><li><a href="/">Startseite</a></li><li><a href="/news">Newsticker</a></li>
<li><a href="/ki">Künstliche Intelligenz</a></li><li><a href="/abo">Abonnieren</a></li></ul></nav></header>
<main>
<article>
<h1>{title}</h1>
<div class="byline">Von Erika Beispiel</div>
{body}
<section class="related"><h2>{related_heading}</h2>
<ul><li><a href="/a">Chipmangel bremst Ausbau der Cloud-Kapazitäten</a></li>
<li><a href="/b">Strompreise treiben Kosten für Rechenzentren</a></li>
<li><a href="/c">Neue Förderrunde für KI-Start-ups angekündigt</a></li></ul></section>
</article>
<section id="comments" class="comments"><h2>{comments_heading}</h2>
<div class="comment"><p>Leserkommentar: Das wird den Strompreis in der Region noch weiter nach oben treiben, fürchte ich.</p></div>
<div class="comment"><p>Leserkommentar: Endlich passiert mal etwas in Sachen Infrastruktur hier im Osten.</p></div>
</section>
</main>
<footer><p>Impressum · Datenschutz · Kontakt · © 2025 {site}</p></footer>
</body></html>"""


def blog_page(title: str, paragraphs: list[str], *, lang: str = "de", site: str = "Wirtschaftsblog") -> str:
    """A different template for the same text: divs, sidebar, share buttons, inline teaser."""
    read_more = "Lesen Sie auch: Wie viel Strom braucht KI wirklich?" if lang == "de" \
        else "Read more: How much power does AI really need?"
    body = "\n".join(f'<div class="para"><p>  {p.replace(" ", "  ")}  </p></div>' for p in paragraphs)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{title} - {site}</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{title}","datePublished":"2025-10-23"}}</script>
</head><body>
<div class="topbar"><a href="/">{site}</a> | <a href="/login">Login</a></div>
<div class="layout"><div class="sidebar"><h3>Beliebt</h3><ul><li><a href="/x">Zehn Tipps für den Börsenstart</a></li>
<li><a href="/y">Was Anleger jetzt wissen müssen</a></li></ul></div>
<div class="post-content entry-content">
<h2 class="entry-title">{title}</h2>
{body[:len(body)//2]}{body[len(body)//2:]}
<p class="teaser"><a href="/strom">{read_more}</a></p>
<div class="share-buttons"><a href="#">Teilen</a> <a href="#">Twittern</a> <a href="#">E-Mail</a></div>
</div></div>
<div class="footer">Alle Rechte vorbehalten.</div>
</body></html>"""
