"""The report in a real browser: headless Chromium opens report.html from disk with the network
unused, the charts render as SVG of real size, and the console shows no error."""

import shutil

CHARTS = ("chart-buyers", "chart-providers", "chart-loops", "chart-timeline")
CHART_SIZES = """Array.from(document.querySelectorAll('.js-plotly-plot')).map(div => {
    const svg = div.querySelector('svg.main-svg'); const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
    return [div.id, box.width, box.height]; })"""


def test_the_report_renders_offline_in_chromium(browser, sample_warehouse, tmp_path):
    report = sample_warehouse.parent / "exports" / "2025-11-05" / "report.html"
    copy = tmp_path / "report.html"  # alone in a folder: nothing beside it to load
    shutil.copy(report, copy)
    browser.open(copy.as_uri())
    browser.wait_until(f"document.querySelectorAll('.js-plotly-plot svg.main-svg').length >= {len(CHARTS)}")
    sizes = {name: (width, height) for name, width, height in browser.evaluate(CHART_SIZES)}
    assert set(sizes) == set(CHARTS)
    for name, (width, height) in sizes.items():
        assert width > 600 and height > 150, (name, width, height)
    marks = browser.evaluate("""({
        bars: document.querySelectorAll('#chart-buyers g.point path, #chart-providers g.point path').length,
        arrows: document.querySelectorAll('#chart-loops g.annotation').length,
        deals: document.querySelectorAll('#chart-timeline .scatterlayer path.point').length,
        rows: document.querySelectorAll('#deals tbody tr').length })""")
    assert marks["bars"] >= 5 and marks["arrows"] >= 10 and marks["deals"] >= 5 and marks["rows"] >= 5
    screenshot = browser.screenshot(tmp_path / "report.png")
    assert screenshot.stat().st_size > 50_000
    assert browser.console_errors() == []
    assert {url.split(":", 1)[0] for url in browser.requested_urls()} <= {"file", "data", "blob"}
