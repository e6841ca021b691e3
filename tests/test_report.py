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
    assert page.count('<ul class="findings">') >= 2 and page.count("<li><span class=\"badge") == finding_count
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
    shot = chromium(output, tmp_path, "--window-size=1200,1400", f"--screenshot={shot_path}")
    assert shot.returncode == 0 and shot_path.is_file(), shot.stderr
    assert console_messages(shot.stderr) == []
    image = Image.open(shot_path).convert("RGB")
    assert image.size == (1200, 1400)
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
