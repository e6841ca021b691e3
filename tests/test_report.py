"""`yusuan report`: the HTML file's content, its escaping, and how headless Chromium renders it offline.

Values checked against the documents: 表四 of the 2016 Guangzhou department budget prints the 功能分类 classes
201 一般公共服务支出 5,478.02, 206 科学技术支出 501.50, 210 医疗卫生与计划生育支出 22.84 and 221 住房保障支出
148.28 (万元); the Baiyun evaluation reports print execution rates 100% (2022) and 99.93% (2023); line 830 of the
budget (表九, 基本支出 0.87 4.40 1.33 1.33 6.10) fits no column formula and is reported as a finding.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from loaders.cli import app
from loaders.report import esc

from conftest import DOCUMENTS

runner = CliRunner()
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"]
BAR_BLUE = (0x2F, 0x6D, 0xB5)  # PALETTE[0]: the first department's / document's bars


@pytest.fixture(scope="module")
def report(built, tmp_path_factory) -> tuple[Path, str]:
    _, warehouse = built
    output = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--output", str(output)])
    assert result.exit_code == 0, result.output
    return output, output.read_text(encoding="utf-8")


def chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    assert CHROMIUM.exists(), "chromium is installed by `make test` (Makefile: chromium)"
    profile = tmp_path / f"chromium-profile-{len(list(tmp_path.glob('chromium-profile-*')))}"
    return subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=180)


def console_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_report_is_self_contained(report):
    _, page = report
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"https?:|//[a-z]", page, re.IGNORECASE)  # no URL to anywhere
    assert not re.search(r"<script|<link|<img|<iframe|<object|\bsrc=|url\(|@import", page, re.IGNORECASE)


def test_report_shows_function_classes_and_execution_rates(report):
    _, page = report
    chart = page[page.index('id="chart-function-classes"'):]
    chart = chart[:chart.index("</svg>")]
    labels = re.findall(r'class="label">([^<]*)</text>.*?class="value">([^<]*)</text>', chart)
    assert labels == [("201 一般公共服务支出", "5,478.02 万元"), ("206 科学技术支出", "501.50 万元"),
                      ("210 医疗卫生与计划生育支出", "22.84 万元"), ("221 住房保障支出", "148.28 万元")]
    assert "201 一般公共服务支出: 54,780,200.00 元" in chart  # exact yuan in the tooltip
    assert "表四 一般公共预算支出预算表" in chart
    chart = page[page.index('id="chart-execution"'):]
    chart = chart[:chart.index("</svg>")]
    assert "中共广州市白云区委政法委员会" in chart
    # 白云 2022 and 2023 evaluated projects; then the 来穗局's 2015 合计 line of the 2016 budget's 表四 (line 448:
    # 4,439.22 executed of 4,736.11 万元 = 93.73%, printed rounded as 94%). Its 科目 lines are not department rates.
    assert re.findall(r'class="value">([^<]*)</text>', chart) == ["100.00%", "99.93%", "93.73%"]
    assert re.findall(r'class="label">(\d{4})', chart) == ["2022", "2023", "2015"]


def test_report_lists_every_document_with_figures_and_quoted_findings(report, built):
    _, page = report
    _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        documents = con.execute(
            "select file_name, document_kind, department_name, (select count(*) from raw.figures f "
            "where f.document_sha256 = d.document_sha256) from dim_documents d").fetchall()
        quoted = [q for (q,) in con.execute(
            "select quoted_source from fct_findings where quoted_source is not null").fetchall()]
        finding_count = con.execute("select count(*) from fct_findings").fetchone()[0]
    finally:
        con.close()
    table = page[page.index('<table id="documents">'):]
    table = table[:table.index("</table>")]
    assert len(documents) == 5 and table.count("<tr>") == 1 + 5
    for file_name, kind, department, figures in documents:
        assert re.search(rf"<td>{re.escape(file_name)}</td><td>{kind}</td><td>[^<]*</td><td>{esc(department)}</td>"
                         rf"<td class=num>{figures}</td>", table), file_name
    assert page.count('<table class="findings">') >= 2 and page.count('<tr class="finding ') == finding_count
    for text in quoted:
        assert f'<pre class="quote">{esc(text)}</pre>' in page
    line_830 = (DOCUMENTS / "gz-laisui-bureau-2016-department-budget.txt").read_text(encoding="utf-8").splitlines()[829]
    assert "基本支出 0.87 4.40 1.33 1.33 6.10" in line_830
    assert esc(line_830.strip()) in page


def test_report_shows_the_gate_and_links_the_data_docs(report, built):
    output, page = report
    _, warehouse = built
    assert "Publication gate (dbt tests and Great Expectations suites): " in page
    assert '<span class="badge passed">passed</span>' in page
    href = re.search(r'<a id="data-docs" href="([^"]+)">', page).group(1)
    assert (output.parent / href).resolve() == (warehouse.parent / "yusuan.gate-docs" / "index.html").resolve()


def test_report_escapes_warehouse_text(built, tmp_path):
    _, warehouse = built
    copy = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, copy)
    con = duckdb.connect(str(copy))
    con.execute("update dim_documents set document_title = '<script>alert(\"x\")</script> & 「标题」' "
                "where file_name = 'baiyun-zfw-2023-laisui-evaluation.txt'")
    con.execute("update fct_findings set quoted_source = '<b>1 < 2 & 3 > 2</b>' where finding_id = "
                "(select min(finding_id) from fct_findings)")
    con.close()
    output = tmp_path / "r.html"
    assert runner.invoke(app, ["report", "--warehouse", str(copy), "--output", str(output)]).exit_code == 0
    page = output.read_text(encoding="utf-8")
    assert "<script" not in page and "<b>1" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 「标题」" in page
    assert '<pre class="quote">&lt;b&gt;1 &lt; 2 &amp; 3 &gt; 2&lt;/b&gt;</pre>' in page


def test_report_usage_errors(tmp_path):
    result = runner.invoke(app, ["report", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse" in result.output


def test_chromium_renders_the_charts_offline_without_console_messages(report, tmp_path):
    from PIL import Image

    output, _ = report
    dom = chromium(output, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr
    assert console_messages(dom.stderr) == []
    ids = re.findall(r'<svg class="chart" id="([^"]+)"', dom.stdout)
    assert ids == ["chart-execution", "chart-function-classes"]
    assert len(re.findall(r'<rect class="bar"', dom.stdout)) == 3 + 4
    shot_path = tmp_path / "report.png"
    # the whole page (the findings come first, the charts below them)
    shot = chromium(output, tmp_path, "--window-size=1200,20000", f"--screenshot={shot_path}")
    assert shot.returncode == 0 and shot_path.is_file(), shot.stderr
    assert console_messages(shot.stderr) == []
    image = Image.open(shot_path).convert("RGB")
    assert image.size == (1200, 20000)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, tables and charts, not a blank page
    bar_pixels = sum(count for count, rgb in colours if rgb == BAR_BLUE)
    assert bar_pixels > 5000  # the bars of both charts are drawn


def test_console_check_sees_script_errors(tmp_path):
    """The console check above can fail: a page with a script error is caught."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><p>x</p><script>console.error("boom"); missing();</script>', encoding="utf-8")
    result = chromium(page, tmp_path, "--dump-dom")
    messages = console_messages(result.stderr)
    assert any('"boom"' in m for m in messages) and any("missing is not defined" in m for m in messages)


def test_help_of_report_and_export_states_exit_codes():
    for command in ("report", "export", "check"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Exit codes" in result.output, command


# --- what blocks, what to fix, where ------------------------------------------------------------------------------

def test_report_opens_with_what_blocks_what_to_fix_and_where(report, built):
    _, page = report
    _, warehouse = built
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        counts = dict(con.execute("select publication_category, count(*) from fct_findings group by 1").fetchall())
    finally:
        con.close()
    body = page[page.index("<body>"):]
    first_heading = re.search(r"<h2[^>]*>([^<]*)</h2>", body).group(1)
    assert first_heading == "What blocks, what to fix, where"
    # before the publication details and before the charts
    assert page.index('id="what-to-fix"') < page.index("<h2>Publication</h2>") < page.index('id="chart-execution"')
    # publisher errors first, then data not read, then the notices, collapsed
    section = page[page.index('id="what-to-fix"'):page.index("</section>")]
    assert section.index('id="publisher_error"') < section.index('id="data_not_read"') < section.index(
        '<details id="notice">')
    categories = re.findall(r'<tr class="finding ([a-z_]+)">', section)
    assert categories == sorted(categories, key=["publisher_error", "data_not_read", "notice"].index)
    assert {c: categories.count(c) for c in set(categories)} == counts
    # the bundled documents print rows the loaders could not place: the warehouse says it is incomplete
    assert counts["data_not_read"] > 0
    verdict = re.search(r'<p id="publication-verdict">(.*?)</p>', section).group(1)
    assert '<span class="badge incomplete">incomplete</span>' in verdict
    assert f"{counts['data_not_read']} figure(s), row(s) or sentence(s) in 2 document(s)" in verdict


def test_a_finding_shows_where_the_quote_and_both_numbers_in_the_documents_unit(report):
    """番禺区委政法委 部门整体预算绩效目标申报表, lines 9-11 (万元): 收入来源 财政拨款 3,400.36 + 其他资金 1.00 =
    3,401.36 万元 against 部门预算支出 3,400.36 万元, a difference of 1.00 万元."""
    _, page = report
    section = page[page.index('id="publisher_error"'):page.index('id="data_not_read"')]
    document = section[section.index("<h4>panyu-zfw-department-targets.txt"):]
    document = document[:document.index("</div>")]
    assert "中国共产党广州市番禺区委员会政法委员会" in document and "department_targets" in document
    assert "<code>TBL-BAL-001</code> × 1: 收入总计 = 支出总计" in document
    row = re.search(r'<tr class="finding publisher_error">(.*?)</tr>', document, re.S).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert cells[0] == "lines 9–11"
    assert "基本支出 2,234.47 财政拨款 3,400.36" in cells[1] and "项目支出 874.39 其他资金 1.00" in cells[1]
    assert cells[2:5] == ["3,401.36 万元", "3,400.36 万元", "1.00 万元 (rounding allows 0.03 万元)"]
    assert "34013600.000000" not in page


def test_numbers_in_the_documents_unit():
    from decimal import Decimal

    from loaders.report import in_unit

    assert in_unit(Decimal("3401.3600000000"), "万元", 2) == "3,401.36 万元"
    assert in_unit(Decimal("0.3000000000"), "万元", 2) == "0.30 万元"  # printed 0.3万元 in a table of two decimals
    assert in_unit(Decimal("-1.5"), "万元", 2) == "-1.50 万元"
    assert in_unit(Decimal("6964796.0000000000"), "元", 0) == "6,964,796 元"
    # more digits than the document prints: every digit is shown, none rounded away
    assert in_unit(Decimal("350.3512000000"), "万元", 2) == "350.3512 万元"
    assert in_unit(Decimal("71.6538830000"), "%", None) == "71.653883%"
    assert in_unit(Decimal("100.000000"), "%", None) == "100%"
    assert in_unit(Decimal("95"), "分", None) == "95 分"
    assert in_unit(None, "万元", 2) == ""
    assert in_unit(Decimal("12.50"), None, None) == "12.5"


SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "report-screenshot.png"
INCOMPLETE_RED = (0xB8, 0x46, 0x4B)  # the "incomplete" badge


def cjk_fonts() -> list[str]:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=60)
    return [line for line in listed.stdout.splitlines() if line.strip()]


def test_screenshot_shows_the_blocking_findings_first(report, tmp_path):
    """Headless Chromium with Debian's fonts-noto-cjk (installed by `make test`, Makefile: CJK_FONT): the first
    screen is the publication verdict and the publisher errors, not the charts. With YUSUAN_WRITE_SCREENSHOT=1 the
    PNG is also written to docs/report-screenshot.png (the one the README shows)."""
    import os

    from PIL import Image

    assert any("Noto Sans CJK" in family for family in cjk_fonts()), \
        "CJK fonts are installed by `make test` (Makefile: fonts-noto-cjk)"
    output, _ = report
    dom = chromium(output, tmp_path, "--dump-dom")
    assert dom.returncode == 0, dom.stderr
    assert re.search(r"<(?:section|h2)\b[^>]*>", dom.stdout).group(0) == '<section id="what-to-fix">'
    assert dom.stdout.index('id="publisher_error"') < dom.stdout.index('id="chart-execution"')
    shot_path = tmp_path / "report-screenshot.png"
    shot = chromium(output, tmp_path, "--window-size=1200,1600", "--hide-scrollbars", f"--screenshot={shot_path}")
    assert shot.returncode == 0 and shot_path.is_file(), shot.stderr
    image = Image.open(shot_path).convert("RGB")
    assert image.size == (1200, 1600)
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text and tables, not a blank page
    top = image.crop((0, 0, 1200, 400)).getcolors(maxcolors=1 << 20)
    assert sum(count for count, rgb in top if rgb == INCOMPLETE_RED) > 100  # the verdict's badge, on top
    assert not any(rgb == BAR_BLUE for _, rgb in colours)  # the charts come after the findings, off this screen
    if os.environ.get("YUSUAN_WRITE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot_path, SCREENSHOT)
