"""A small generated corpus through the real pipeline: every generated figure lands exactly, clean documents
raise no error finding, injected faults are where the ledger says, and parallel loading lands the same rows."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from loaders.build import run_dbt
from loaders.load import load_directory
from loaders.synthetic.compare import compare
from loaders.synthetic.corpus import (FAMILIES, faults_path, generate_document, read_csv, statements_path, truth_path,
                                      write_corpus)
from loaders.synthetic.faults import PROSE_FAULT_KINDS, TABLE_FAULT_KINDS

SEED = 20240601


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("synthetic")
    docs = base / "docs"
    write_corpus(docs, 10, seed=SEED)  # two documents of each family
    warehouse = base / "yusuan.duckdb"
    # load + dbt build (the publication gate is tested in test_gate.py; skipping it keeps this test short)
    con = duckdb.connect(str(warehouse))
    summary = load_directory(con, docs, workers=1)
    con.close()
    outcome = run_dbt(warehouse)
    assert outcome.success, outcome.failed_nodes() or outcome.error
    return docs, warehouse, summary


def test_every_family_is_generated_and_loaded(clean_build):
    docs, _warehouse, summary = clean_build
    assert [o.status for o in summary.outcomes] == ["completed"] * 10
    assert sorted({o.kind for o in summary.outcomes}) == sorted(FAMILIES)


def test_every_generated_figure_lands_exactly(clean_build):
    docs, warehouse, _ = clean_build
    truth = read_csv(truth_path(docs))
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        landed = [dict(zip(("file_name", "measure", "line_start", "line_end", "row_label", "value"), row))
                  for row in con.execute("select file_name, measure, line_start, line_end, row_label, value "
                                         "from raw.figures").fetchall()]
    finally:
        con.close()
    result = compare(truth, landed)
    assert len(truth) > 500
    assert (result.exact, result.wrong, result.missing, result.unexpected) == (len(truth), 0, 0, 0), \
        dict(result.examples)


def test_clean_documents_raise_no_finding(clean_build):
    """A clean generated document is a false alarm for every finding it raises, of any severity."""
    _docs, warehouse, _ = clean_build
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        errors = con.execute("select rule_id, file_name, line_start, message from main.fct_findings").fetchall()
        loader = con.execute("select rule_id, file_name, line_start, message from raw.load_findings").fetchall()
    finally:
        con.close()
    assert errors == []
    assert loader == []


def test_budget_figures_carry_the_year_of_their_column(clean_build):
    """Generated 部门预算 are of varied years; last year's columns of 表四 (年初预算, 调整后预算, 预算执行) are
    about fiscal_year - 1, every other table figure about the fiscal year."""
    _docs, warehouse, _ = clean_build
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select fiscal_year, figure_year, measure, column_label from main.fct_appropriations "
                           "where document_kind = 'department_budget'").fetchall()
    finally:
        con.close()
    assert {fiscal for fiscal, *_ in rows} - {2016}  # not only the year of the bundled document
    prior = {"initial_budget", "adjusted_budget", "actual"}
    assert sum(measure in prior for _f, _y, measure, _c in rows) > 0
    for fiscal, figure_year, measure, column_label in rows:
        assert figure_year == (fiscal - 1 if measure in prior else fiscal), (fiscal, figure_year, measure, column_label)
def test_generated_function_codes_are_in_the_code_list():
    """The generator prints only 功能分类 codes of seeds/function_classes.csv (a made-up code is DIM-CODE-001,
    a false alarm on a clean document), each 项 under its 款 and 类."""
    import csv

    from loaders.synthetic import department_budget, final_accounts

    with open(Path(__file__).resolve().parent.parent / "seeds" / "function_classes.csv", encoding="utf-8") as f:
        known = {row["code"]: row["parent_code"] for row in csv.DictReader(f)}
    printed = []
    for cls, (_name, kuan, _kname, leaves) in department_budget.CLASSES.items():
        printed += [(cls + kuan, cls), *((cls + kuan + xiang, cls + kuan) for xiang, _n in leaves)]
    for cls_name, kuan, _kname, leaves in [*final_accounts.OWN_WORK.values(), *final_accounts.COMMON]:
        cls = final_accounts.CLASS_CODES[cls_name]
        printed += [(cls + kuan, cls), *((cls + kuan + xiang, cls + kuan) for xiang, _n in leaves)]
    assert [(code, parent) for code, parent in printed if known.get(code) != parent] == []
    assert set(final_accounts.OWN_WORK) == {suffix for _short, suffix in final_accounts.SH_DEPARTMENTS}


def test_generation_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(first, 5, seed=7, fault_share=0.5)
    write_corpus(second, 5, seed=7, fault_share=0.5)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert truth_path(first).read_bytes() == truth_path(second).read_bytes()
    assert statements_path(first).read_bytes() == statements_path(second).read_bytes()
    assert faults_path(first).read_bytes() == faults_path(second).read_bytes()


def test_prose_generation_is_deterministic(tmp_path):
    """Same seed, same bytes, for documents with prose and prose faults (the prose draws from its own generator)."""
    kinds = list(PROSE_FAULT_KINDS)
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(first, 12, seed=11, families=["department_budget"], fault_share=0.5, fault_kinds=kinds)
    write_corpus(second, 12, seed=11, families=["department_budget"], fault_share=0.5, fault_kinds=kinds)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    for where in (truth_path, statements_path, faults_path):
        assert where(first).read_bytes() == where(second).read_bytes()


def test_generated_arithmetic_is_consistent_as_printed(tmp_path):
    """Read an evaluation report's execution sentence back from the text: the amounts add up and the rate
    is actual ÷ adjusted as printed."""
    docs = tmp_path / "docs"
    write_corpus(docs, 5, seed=SEED, families=["evaluation_report"])
    for path in sorted(docs.glob("*.txt")):
        text = "".join(path.read_text(encoding="utf-8").split())
        m = re.search(r"年初预算资金是([\d,.]+)万元，年中经费调整，(划拨经费指标|压减经费回收预算指标|追加经费指标)([\d,.]+)万元，"
                      r"\d{4}年度指标金额是([\d,.]+)万元，实际支出([\d,.]+)万元，支出执行率([\d.]+)%", text)
        assert m, path.name
        initial, adjustment, adjusted, actual = (Decimal(m.group(i).replace(",", "")) for i in (1, 3, 4, 5))
        sign = 1 if m.group(2) == "追加经费指标" else -1
        assert initial + sign * adjustment == adjusted
        assert abs(actual * 100 / adjusted - Decimal(m.group(6))) <= Decimal("0.005")


def test_each_fault_kind_is_injected_where_the_ledger_says(tmp_path):
    docs = tmp_path / "faulty"
    summary = write_corpus(docs, 30, seed=SEED, fault_share=1.0, fault_kinds=list(TABLE_FAULT_KINDS))
    ledger = read_csv(faults_path(docs))
    assert len(ledger) == len(summary.faults) == 30
    assert {row["kind"] for row in ledger} == set(TABLE_FAULT_KINDS)
    assert {row["scope"] for row in ledger} == {"table"}
    truth = read_csv(truth_path(docs))
    assert {t["faulty"] for t in truth} == {"1"}
    for row in ledger:
        faulty = (docs / row["file_name"]).read_text(encoding="utf-8").splitlines()
        index = int(row["file_name"][:5])
        clean = generate_document(SEED, index, row["family"]).page.text.splitlines()
        line = int(row["line"])
        assert row["original"] != row["injected"]
        if row["kind"] == "dropped_row":
            dropped = row["original"].split(" | ")
            assert clean[line - 1:line - 1 + len(dropped)] == dropped
            assert faulty == clean[:line - 1] + clean[line - 1 + len(dropped):], row
        else:
            assert faulty[:line - 1] == clean[:line - 1] and faulty[line:] == clean[line:], row
            before, after, original = clean[line - 1], faulty[line - 1], row["original"]
            places = [i for i in range(len(before)) if before.startswith(original, i)]
            assert any(before[:i] + row["injected"] + before[i + len(original):] == after for i in places), row
            if row["kind"] == "unit_slip":
                assert Decimal(row["injected"].replace(",", "")) == Decimal(row["original"].replace(",", "")) * 10000


def test_parallel_loading_lands_the_same_rows_as_serial(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 20, seed=SEED + 1)
    query = ("select file_name, figure_index, measure, value, value_text, line_start, line_end, raw_text "
             "from raw.figures order by file_name, figure_index")
    results = []
    for workers in (1, 2):
        con = duckdb.connect(str(tmp_path / f"w{workers}.duckdb"))
        summary = load_directory(con, docs, workers=workers)
        assert [o.status for o in summary.outcomes] == ["completed"] * 20
        results.append(con.execute(query).fetchall())
        again = load_directory(con, docs, workers=workers)
        assert [o.status for o in again.outcomes] == ["unchanged"] * 20
        con.close()
    assert results[0] == results[1] and len(results[0]) > 1000


def test_pdf_rendering_of_final_accounts_lands_the_same_figures(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 1, seed=SEED, families=["final_accounts"], pdf=True)
    rows = []
    for folder in (docs, docs.with_name("docs.pdf")):
        con = duckdb.connect(str(tmp_path / f"{folder.name}.duckdb"))
        summary = load_directory(con, folder, workers=1)
        assert [o.status for o in summary.outcomes] == ["completed"]
        rows.append(con.execute("select table_name, row_label, measure, value from raw.figures order by all").fetchall())
        assert con.execute("select count(*) from raw.load_findings").fetchone()[0] == 0
        con.close()
    assert rows[0] == rows[1] and len(rows[0]) > 50


# --- prose (loaders/synthetic/prose.py) --------------------------------------------------------------------

def _half_up(value: Decimal) -> Decimal:
    from decimal import ROUND_HALF_UP

    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def test_item_prose_prints_the_percentages_of_a_real_document():
    """Two items of sh-putuo-wanli-2024-dept-budget (page 5, read by hand): 专项普查活动 25.77 万元 against 60.13
    (减少 57.14 %) and 组织事务 88.87 against 60.79 (增加 46.19 %). Every phrasing prints those percentages."""
    import random

    from loaders.synthetic.core import Page
    from loaders.synthetic.prose import ItemFacts, Prose, item_paragraphs

    facts = [ItemFacts("一般公共服务支出", "统计信息事务", "专项普查活动", Decimal("25.77"), Decimal("60.13")),
             ItemFacts("一般公共服务支出", "组织事务", "一般行政管理事务", Decimal("88.87"), Decimal("60.79"))]
    templates = set()
    for seed in range(40):
        prose = Prose(2024, "上海市普陀区人民政府万里街道办事处", grouping=False)
        page = Page()
        for segments in item_paragraphs(prose, random.Random(seed), facts):
            page.paragraph(segments, 200)
        first, second = page.lines
        templates |= {g.template for g in prose.groups}
        assert "“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”" in first or \
            "一般公共服务支出（类）统计信息事务（款）专项普查活动（项）" in first
        assert "25.77万元" in first and "60.13万元" in first and "57.14%" in first and "减少" in first
        assert "88.87万元" in second and "60.79万元" in second and "46.19%" in second and "增加" in second
        assert "减少" not in second and "增加" not in first
        if "年当年预算执行数" in first or "较2023年" in first:
            assert "2023年" in first and "2024年" not in first.split("预算执行数")[0][-8:]
    assert templates == {"shanghai", "compact", "numbered"}


@pytest.fixture(scope="module")
def prose_corpus(tmp_path_factory):
    docs = tmp_path_factory.mktemp("prose") / "docs"
    write_corpus(docs, 60, seed=SEED, families=["department_budget", "final_accounts"])
    return docs


def test_generated_prose_is_consistent_with_the_tables(prose_corpus):
    """Every number of the generated prose recomputed from the truth files: amounts equal the table figures they
    state (truth.csv, summed over the rows they add up), changes = current − prior with the printed direction,
    growth = change ÷ prior and shares = part ÷ whole rounded half up to two decimals, parts add up to their
    whole, the compared year is the year before, and each printed value stands on its line."""
    docs = prose_corpus
    rows = read_csv(statements_path(docs))
    truth: dict[tuple, list[dict]] = {}
    for t in read_csv(truth_path(docs)):
        truth.setdefault((t["file_name"], int(t["line"]), t["measure"], t["table_name"]), []).append(t)
    texts = {p.name: p.read_text(encoding="utf-8").splitlines() for p in docs.glob("*.txt")}
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        groups.setdefault((row["file_name"], row["group"]), []).append(row)
        assert row["value_text"] in texts[row["file_name"]][int(row["line"]) - 1], row
        if row["exact"] and row["unit"] == "万元":
            assert _dec(row["value_text"]) == _half_up(Decimal(row["exact"])), row
        if row["ref_lines"]:
            lines = [int(x) for x in row["ref_lines"].split(";")]
            stated = [t for line in lines for t in truth[(row["file_name"], line, row["ref_measure"], row["ref_table"])]
                      if t["row_label"] == row["ref_row"]]  # a 收支总表 line prints two sides
            assert len(stated) == len(lines), row
            assert sum(_dec(t["value_text"]) for t in stated) == _dec(row["value_text"]), (row, stated)
        if row["role"] == "compared_year":
            assert int(row["value_text"]) == int(row["fiscal_year"]) - 1
    checked = Counter()
    for (file_name, _group), members in groups.items():
        kind = members[0]["group_kind"]
        by_role: dict[str, list[dict]] = {}
        for m in members:
            by_role.setdefault(m["role"], []).append(m)
        direction = int(members[0]["direction"]) if members[0]["direction"] != "" else None
        if kind == "three_public_part":  # its amount is the part printed in the 三公 whole's group
            subject = members[0]["subject"]
            current = next(_dec(r["value_text"]) for r in rows if r["file_name"] == file_name
                           and r["group_kind"] == "three_public" and r["role"] == "part" and r["subject"] == subject)
        elif "amount" in by_role:
            amounts = {_dec(r["value_text"]) for r in by_role["amount"]}
            assert len(amounts) == 1, members  # a heading and a body state the same amount
            current = amounts.pop()
        else:
            current = None
        if direction is not None and current is not None:
            if "prior_amount" in by_role:
                prior = _dec(by_role["prior_amount"][0]["value_text"])
            elif "change" in by_role:
                prior = current - direction * _dec(by_role["change"][0]["value_text"])
            else:
                prior = None
            if prior is not None:
                assert direction == (current > prior) - (current < prior), members
                for r in by_role.get("change", []):
                    assert _dec(r["value_text"]) == abs(current - prior)
                for r in by_role.get("growth_pct", []):
                    assert _dec(r["value_text"]) == _half_up(abs(current - prior) * 100 / prior), members
                    checked["growth"] += 1
                words = {r["value_text"] for r in by_role.get("direction", []) + by_role.get("growth_word", [])}
                allowed = {1: {"增加", "增长"}, -1: {"减少", "下降"}, 0: {"持平"}}[direction]
                if kind == "item_final":  # 决算数大于/小于（年初）预算数
                    allowed = {1: {"大于"}, -1: {"小于"}, 0: {"持平"}}[direction]
                assert words and words <= allowed, members
                for r in by_role.get("completion_pct", []):
                    assert _dec(r["value_text"]) == _half_up(current * 100 / prior), members
                    checked["completion"] += 1
                checked["change"] += 1
            reason = members[0]["reason_direction"]
            assert reason == "" or int(reason) == direction, members
        parts = by_role.get("part", [])
        for whole_subject in {r["parent"] for r in parts}:
            listed = [r for r in parts if r["parent"] == whole_subject]
            if whole_subject == members[0]["subject"]:
                whole = current
            else:
                whole = next(_dec(r["value_text"]) for r in parts if r["subject"] == whole_subject)
            assert sum(_dec(r["value_text"]) for r in listed) == whole, (whole_subject, members)
            checked["parts"] += 1
        for r in by_role.get("share_pct", []):
            part = next(_dec(p["value_text"]) for p in parts if p["subject"] == r["subject"])
            assert _dec(r["value_text"]) == _half_up(part * 100 / current), members
            checked["share"] += 1
    assert min(checked[k] for k in ("growth", "change", "parts", "share", "completion")) >= 10, checked
    # several phrasings of every sentence kind
    templates = {(r["group_kind"], r["template"]) for r in rows}
    assert {t for k, t in templates if k == "item"} == {"shanghai", "compact", "numbered"}
    assert {t for k, t in templates if k == "three_public"} == {"whole_first", "parts_compared"}
    assert {t for k, t in templates if k == "operation"} == {"change_and_growth", "prior_printed"}
    assert {t for k, t in templates if k == "procurement"} == {"list", "shares"}
    assert {t for k, t in templates if k == "item_final"} == {"numbered", "quoted"}
    assert {t for k, t in templates if k == "total"} == {"separate", "joined"}
    assert {t for k, t in templates if k in ("income", "class_shares")} == {"whole_then_parts", "parts_of_whole"}
    # amounts stated of a table row: every 项 of both families, 类 and 本年收入 of the 决算
    assert {r["ref_table"] for r in rows if r["ref_lines"]} == {
        "表三 支出预算总表", "表四 一般公共预算支出预算表", "收入支出决算总表", "一般公共预算财政拨款支出决算表"}
    # zero bases occur in clean prose (a 三公 part new this year), never with a growth percentage
    zero = [g for g in groups.values() if any(r["role"] == "prior_amount" and _dec(r["value_text"]) == 0 for r in g)]
    assert zero and not any(r["role"] == "growth_pct" for g in zero for r in g)


def test_each_prose_fault_kind_is_injected_and_recorded(tmp_path):
    """Every prose fault kind, each where the ledger says (only its lines differ from the clean document, the
    original text was there and the injected text is there now) and of at least its minimum size."""
    from loaders.synthetic.prose_faults import PLACEHOLDERS

    docs = tmp_path / "faulty"
    summary = write_corpus(docs, 90, seed=SEED, families=["department_budget", "final_accounts"], fault_share=1.0,
                           fault_kinds=list(PROSE_FAULT_KINDS))
    ledger = read_csv(faults_path(docs))
    assert len(ledger) == len(summary.faults) == 90
    for family in ("department_budget", "final_accounts"):
        counts = Counter(row["kind"] for row in ledger if row["family"] == family)
        assert set(counts) == set(PROSE_FAULT_KINDS) and min(counts.values()) >= 3, (family, counts)
    assert {row["scope"] for row in ledger} == {"prose"}
    statements = read_csv(statements_path(docs))  # the clean prose of the faulty documents
    assert {s["faulty"] for s in statements} == {"1"}
    for row in ledger:
        faulty = (docs / row["file_name"]).read_text(encoding="utf-8").splitlines()
        doc = generate_document(SEED, int(row["file_name"][:5]), row["family"])
        clean = doc.page.text.splitlines()
        first, last = int(row["line"]), int(row["line_end"])
        assert len(faulty) == len(clean)
        assert faulty[:first - 1] == clean[:first - 1] and faulty[last:] == clean[last:], row
        assert faulty[first - 1:last] != clean[first - 1:last], row
        originals, injected = row["original"].split(" | "), row["injected"].split(" | ")
        assert len(originals) == len(injected) and originals != injected
        before, after = "\n".join(clean[first - 1:last]), "\n".join(faulty[first - 1:last])
        assert all(o in before for o in originals) and all(i in after for i in injected), row
        kind = row["kind"]
        if kind == "year_slip":
            assert set(injected) == {str(doc.fiscal_year)} and set(originals) == {str(doc.fiscal_year - 1)}
        elif kind == "direction_flip":
            flips = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "大于": "小于", "小于": "大于"}
            assert [flips[o] for o in originals] == injected
        elif kind == "empty_reason":
            above = "".join(faulty[max(first - 4, 0):last])  # 主要原因是： may end the line before
            assert injected == [""] and originals[0] and re.search(r"主要原因(?:是：|：|是)。", above), above
        elif kind == "placeholder":
            assert originals == [doc.department] and injected[0] in PLACEHOLDERS
        elif kind == "growth_on_zero_base":
            above = "".join(faulty[max(first - 4, 0):last])  # the prior may stand on a line before the growth
            assert originals == [""] and injected == ["，增长100.00%"]
            assert re.search(r"上年(?:预算|决算)为0\.00万元，比上年增加[\d.,]+万元，增长100\.00%", above), above
        elif kind == "wrong_percentage":
            # outside every value the printed amounts allow (each within ±0.005), on either base, by a point
            low, high = _percentage_range(statements, row)
            assert _dec(injected[0]) <= low - 1 or _dec(injected[0]) >= high + 1, (row, low, high)
        elif kind in ("parts_not_adding", "prose_amount_ne_table"):
            old, new = _dec(originals[0]), _dec(injected[0])
            stated = _statement(statements, row, originals[0])
            if kind == "prose_amount_ne_table":  # a figure one table row prints
                assert len(stated["ref_lines"].split(";")) == 1 and abs(new - old) >= old / 100, stated
            else:  # a part of a whole: moved by 1 % of the group's whole
                whole = next(_dec(s["value_text"]) for s in statements if s["file_name"] == row["file_name"]
                             and s["group"] == stated["group"] and s["role"] == "amount")
                assert stated["role"] == "part" and abs(new - old) >= whole / 100, stated
            assert abs(new - old) >= Decimal("0.10")
        elif kind == "copied_item":
            assert row["figure"].startswith(("item/", "item_final/")) and len(originals) >= 3


def _statement(statements: list[dict], row: dict, printed: str) -> dict:
    found = [s for s in statements if s["file_name"] == row["file_name"] and int(s["line"]) == int(row["line"])
             and s["value_text"] == printed and s["role"] in row["measure"].split(",")]
    assert len(found) >= 1, row
    return found[0]


def _percentage_range(statements: list[dict], row: dict) -> tuple[Decimal, Decimal]:
    """Lowest and highest percentage the printed amounts of a ledger row's statement allow: each amount within
    half a unit of 0.01 either way (a prior derived from two printed amounts within a whole unit), growth on
    either base (÷ prior, ÷ current), a share or completion part ÷ whole."""
    stated = _statement(statements, row, row["original"])
    group = [s for s in statements if s["file_name"] == row["file_name"] and s["group"] == stated["group"]]
    role = {s["role"]: _dec(s["value_text"]) for s in group if s["role"] in ("amount", "prior_amount", "change")}
    unit = Decimal("0.01")
    if stated["role"] == "share_pct":
        part = next(_dec(s["value_text"]) for s in group if s["role"] == "part" and s["subject"] == stated["subject"])
        pairs = [(part, role["amount"])]
    elif stated["role"] == "completion_pct":
        pairs = [(role["amount"], role["prior_amount"])]
    else:
        if "amount" not in role:  # a 三公 part: its amount is printed in the 三公 whole's group
            role["amount"] = next(_dec(s["value_text"]) for s in statements if s["file_name"] == row["file_name"]
                                  and s["group_kind"] == "three_public" and s["role"] == "part"
                                  and s["subject"] == stated["subject"])
        current = role["amount"]
        prior = role.get("prior_amount", current - int(stated["direction"]) * role.get("change", Decimal(0)))
        change = abs(current - prior)
        pairs = [(change, prior)] + ([(change, current)] if current > 2 * unit else [])
    values = []
    for numerator, denominator in pairs:
        for n in (max(numerator - 2 * unit, Decimal(0)), numerator + 2 * unit):
            for d in (denominator - unit, denominator + unit):
                assert d > 0
                values.append(n * 100 / d)
    return min(values), max(values)


def test_a_direction_flip_is_a_candidate_only_where_the_document_can_contradict_it():
    """增加 written for 减少 contradicts the document only when the prior is printed, or when the printed growth
    does not fit the flipped reading: "比上年增加10.00万元，增长10.00%" on 110.00 (prior 100.00) read as a decrease
    needs 10 ÷ 120 = 8.33 % (or 10 ÷ 110 = 9.09 % on the current base), not 10.00 %. A change printed alone reads
    consistently either way, and so does a growth that both readings allow within the printed rounding."""
    from loaders.synthetic.prose import Group, ProseNum
    from loaders.synthetic.prose_faults import _flip_detectable

    def group(*nums):
        g = Group(id=1, kind="three_public_part", subject="公务接待费", template="t", year=2024, direction=1)
        g.nums = [ProseNum(text=text, measure=role, role=role, exact=Decimal(text), line=3) for role, text in nums]
        return g

    current, prior = Decimal("110.00"), Decimal("100.00")
    assert _flip_detectable(group(("change", "10.00"), ("growth_pct", "10.00")), current, prior)
    assert _flip_detectable(group(("prior_amount", "100.00"), ("change", "10.00")), current, prior)
    assert not _flip_detectable(group(("change", "10.00")), current, prior)
    # a change of 0.10 on 1,000.00: 0.01 % on every base, flipped or not: nothing tells the direction
    big = Decimal("1000.10")
    assert not _flip_detectable(group(("change", "0.10"), ("growth_pct", "0.01")), big, Decimal("1000.00"))
