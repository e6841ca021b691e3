"""The marks reader (loaders/text_marks.py): the words of fiscal prose the prose rules NAR-TEXT-008..012, NAR-RATE
and NAR-UNIT need. Every sentence here is written for the test (other subjects, units, years and wordings than the
collected disclosures the rules were first found on); the expected marks are read from the sentences by hand.
The rules themselves are tested on inline fixtures (tests/dbt/generic_test_fixtures/test_*_fixtures.sql)."""

from __future__ import annotations

from decimal import Decimal

from conftest import text_document
from loaders.records import DocumentFacts
from loaders.text_marks import MARK_SENTENCE_BASE, read_marks

UNIT_BUDGET = DocumentFacts(kind="unit_budget_sh", fiscal_year=2025)


def marks(text: str, role: str | None = None, facts: DocumentFacts = UNIT_BUDGET):
    found = read_marks(text_document(text), facts)
    return [m for m in found if role is None or m.role == role]


# --- template instructions ----------------------------------------------------------------------------------------

def test_an_instruction_with_its_length_limit_alone_in_a_cell_is_template_text():
    text = "实施过程 |\n简要描述项目的实施过程和主要做法（150字以内） |\n绩效结论 |\n总结项目取得的主要成效。(300字以内)\n"
    found = marks(text, "template_text")
    assert [(m.line_start, m.value_text) for m in found] == [(2, "（150字以内）"), (4, "(300字以内)")]
    assert found[0].subject == "简要描述项目的实施过程和主要做法（150字以内）"


def test_a_label_with_a_limit_followed_by_its_content_is_not_template_text():
    text = ("年度目标完成情况（100字以内）：全年完成道路养护12公里，群众满意度达到95%。\n"
            "绩效目标（200字以内）| 完成农村公路养护任务，保障道路通行。\n")
    assert marks(text, "template_text") == []


def test_fill_in_words_are_template_text_only_in_a_short_cell():
    assert [m.value_text for m in marks("请填写项目主要产出及效果 |\n", "template_text")] == ["请填写项目主要产出及效果"]
    assert [m.value_text for m in marks("此处说明预算调整原因\n", "template_text")] == ["此处说明预算调整原因"]
    long_sentence = ("为做好预算公开工作，各单位应当按照财政部门统一格式，请填写公开报表并在规定时间内报送区财政局审核，"
                     "审核通过后由各单位在门户网站统一公开，接受社会监督。")
    assert marks(long_sentence, "template_text") == []


# --- a publisher's own note that a figure was entered wrongly ------------------------------------------------------

def test_a_note_that_a_figure_was_entered_wrongly_is_an_entry_error_note():
    text = ("培训费预算增加3.6万元，原因是预算编制时录入错误，将差旅费计入培训费。"
            "会议费1.2万元，与上年持平。")
    found = marks(text, "entry_error_note")
    assert [(m.value_text, m.line_start) for m in found] == [("录入错误", 1)]
    assert found[0].sentence.startswith("培训费预算增加3.6万元")
    assert marks("办公费增加2万元，主要原因是办公设备更新。", "entry_error_note") == []


# --- a reason attached to a change of zero ------------------------------------------------------------------------

def test_a_reason_after_a_zero_change_is_read_with_its_subject_and_direction():
    text = "2025年会议费预算3万元，比上年增加0万元，原因是新增两次业务培训会议。差旅费比上年减少1.5万元，主要原因是压减出差人次。"
    [zero] = marks(text, "zero_change_reason")
    assert (zero.direction, zero.value, zero.printed_unit, zero.line_start) == (1, Decimal("0"), "万元", 1)
    assert zero.reason_text == "新增两次业务培训会议"


def test_the_subject_of_a_zero_change_is_the_noun_its_clause_starts_with():
    [zero] = marks("其中：办公费减少0万元，主要是严控一般性支出。", "zero_change_reason")
    assert (zero.subject, zero.direction, zero.reason_text) == ("办公费", -1, "严控一般性支出")


def test_a_zero_change_followed_by_another_subject_has_no_reason():
    text = "其中因公出国（境）费减少0万元，公务接待费增加1.1万元，主要原因是接待任务增加。"
    assert marks(text, "zero_change_reason") == []


# --- 决算 against 预算 and the completion rate ------------------------------------------------------------------

def test_budget_comparison_completion_and_amounts_of_one_sentence():
    text = ("2024年度，本单位项目支出决算为326.40万元，比上年增加12.5万元；完成调整后预算的104.12%，"
            "决算数高于预算数12.92万元，主要原因是年中追加设备购置经费。")
    found = marks(text)
    by_role = {m.role: m for m in found}
    assert set(by_role) == {"budget_comparison", "budget_completion", "budget_actual"}
    assert len({m.sentence_index for m in found}) == 1 and found[0].sentence_index >= MARK_SENTENCE_BASE
    assert (by_role["budget_comparison"].direction, by_role["budget_comparison"].value,
            by_role["budget_comparison"].printed_unit) == (1, Decimal("12.92"), "万元")
    assert by_role["budget_comparison"].reason_text == "年中追加设备购置经费"
    assert (by_role["budget_completion"].value, by_role["budget_completion"].printed_decimals) == (Decimal("104.12"), 2)
    assert by_role["budget_actual"].value == Decimal("326.40")  # not the change 12.5


def test_a_stated_budget_amount_and_a_completion_without_comparison():
    found = marks("卫生健康支出年初预算为80万元，决算数为72.5万元，完成年初预算的90.63%。")
    assert sorted((m.role, m.value) for m in found) == [
        ("budget_actual", Decimal("72.5")), ("budget_amount", Decimal("80")), ("budget_completion", Decimal("90.63"))]


def test_traditional_characters_and_pinyin_glosses_are_read():
    found = marks("城鄉社區支出決算數(shù)小於預(yù)算數(shù)，完成預算96%，主要原因是項目未實施。")
    by_role = {m.role: m for m in found}
    assert by_role["budget_comparison"].direction == -1
    assert by_role["budget_comparison"].reason_text == "项目未实施"
    assert by_role["budget_completion"].value == Decimal("96")
    assert "預(yù)算" in by_role["budget_comparison"].raw_text  # the line is quoted as printed


def test_a_sentence_without_comparison_or_rate_has_no_budget_marks():
    assert marks("2024年度一般公共预算财政拨款支出决算为512.3万元，比上年减少20.1万元。") == []


def compared(text: str):
    found = marks(text)
    return sorted((m.role, m.value, m.line_start) for m in found if m.role.startswith("compared_")), \
        [m.direction for m in found if m.role == "budget_comparison"]


def test_a_comparison_in_its_own_sentence_takes_the_amounts_of_the_sentence_before():
    text = ("3、科学技术（类）技术研究与开发（款）应用技术研究与开发（项）。年初预算为45.80万元，\n"
            "支出决算为39.62万元，完成年初预算的86.51%。决算数小于预算数的主要原因：\n部分课题延期结题。\n")
    amounts, directions = compared(text)
    assert amounts == [("compared_actual", Decimal("39.62"), 2), ("compared_budget", Decimal("45.80"), 1)]
    assert directions == [-1]
    [comparison] = marks(text, "budget_comparison")
    assert (comparison.line_start, comparison.sentence_index) == (2, marks(text, "compared_budget")[0].sentence_index)


def test_a_comparison_in_the_sentence_of_its_amounts():
    text = "农林水支出：年初预算1,020.00万元，决算982.15万元，决算数低于年初预算，主要原因是政府采购节约资金。"
    amounts, directions = compared(text)
    assert amounts == [("compared_actual", Decimal("982.15"), 1), ("compared_budget", Decimal("1020.00"), 1)]
    assert directions == [-1]


def test_a_comparison_written_as_a_change_against_the_budget():
    text = "文化旅游体育与传媒支出年初预算为64.00万元，决算为58.70万元。决算数比年初预算减少5.30万元，主要原因是活动压减。"
    amounts, directions = compared(text)
    assert amounts == [("compared_actual", Decimal("58.70"), 1), ("compared_budget", Decimal("64.00"), 1)]
    assert directions == [-1]
    [comparison] = marks(text, "budget_comparison")
    assert (comparison.value, comparison.reason_text) == (Decimal("5.30"), "活动压减")
    assert [m.direction for m in marks("其决算数较调整后预算超支2.1万元，原因是新增任务。", "budget_comparison")] == [1]
    assert [m.direction for m in marks("决算数比预算结余8万元，主要是节约开支。", "budget_comparison")] == [-1]
    # a comparison with last year's 决算 is not one against the budget
    assert marks("决算数比上年决算数减少8万元，主要是节约开支。", "budget_comparison") == []


def test_comparisons_whose_amounts_are_not_certain_have_none():
    # the comparison names a subject of its own
    assert compared("年初预算为100万元，决算为110万元。公务接待费决算数小于预算数。")[0] == []
    # two budgets (年初 and 调整后) and a comparison that does not say which
    assert compared("教育支出年初预算为100万元，调整后预算为120万元，决算为110万元。决算数大于预算数，主要原因是追加。")[0] == []
    # the comparison names 年初预算, the only budget printed is 调整后
    assert compared("调整后预算为120万元，决算为110万元，决算数小于年初预算。")[0] == []
    # a prior year's 决算 beside this year's
    assert compared("本年支出决算为100万元，上年决算为90万元，决算数大于预算数。")[0] == []
    # the sentence before has a comparison of its own
    assert compared("年初预算为60万元，决算为58万元，决算数小于预算数。决算数小于预算数的原因是节约。")[0] == [
        ("compared_actual", Decimal("58"), 1), ("compared_budget", Decimal("60"), 1)]
    # the amounts stand in another paragraph (a table line between)
    assert compared("年初预算为60万元，决算为58万元。\n项目 | 金额\n决算数小于预算数，原因是节约。")[0] == []


# --- headings that name an organisation ---------------------------------------------------------------------------

def test_headings_and_contents_entries_naming_a_body_before_the_year():
    text = ("某某县乙镇水利站2025年单位预算公开说明\n目录\n第一部分：某某县乙镇水利站2025年单位预算情况说明\n"
            "第二部分：某某县甲镇水利站2025年预算绩效目标\n一、某某县乙镇水利站2025年“三公”经费预算情况\n"
            "某某县乙镇水利站主要负责辖区水利工程的建设和管理，2025年预算安排工作经费10万元。\n")
    found = marks(text, "unit_heading")
    assert [(m.line_start, m.subject) for m in found] == [
        (1, "某某县乙镇水利站"), (3, "某某县乙镇水利站"), (4, "某某县甲镇水利站"), (5, "某某县乙镇水利站")]


def test_two_budget_amounts_leave_the_basis_open_and_an_execution_rate_is_a_completion():
    found = marks("教育支出年初预算为1000万元，调整预算为1200万元，执行1150万元，预算执行率为95.83%。")
    assert sorted((m.role, m.value) for m in found) == [
        ("budget_actual", Decimal("1150")), ("budget_completion", Decimal("95.83"))]


def test_a_rate_and_a_comparison_in_different_clauses_are_not_paired():
    text = "收入决算为100万元，完成预算101%；支出决算为90万元，决算数小于预算数，主要原因是压减会议费。"
    assert marks(text) == []


# --- end to end: `yusuan check` on documents written for the test -----------------------------------------------

_WRONG_UNIT = """某某县丙镇畜牧兽医站2025年单位预算公开说明
目录
第一部分：某某县丙镇畜牧兽医站2025年单位预算情况说明
第二部分：某某县丙镇水产技术推广站2025年预算绩效目标
第一部分：某某县丙镇畜牧兽医站2025年单位预算情况说明
2025年“三公”经费预算为6.5万元，比上年减少1.2万元。其中：公务用车运行维护费6.5万元，比上年减少1.2万元，主要原因是压减车辆运行开支；会议费减少0万元，主要原因是压减会议数量，控制会议规模。
2025年培训费预算因填报有误，多列0.8万元。
本单位共安排项目5个，其中新增项目3个、延续项目3个。
2025年机关运行经费预算 万元，比上年增长 %。
2025年政府采购预算40.00万元，比上年减少6.00万元，其中：货物类30.00万元，比上年减少2.00万元；服务类10.00万元，比上年减少3.00万元。
"""

_WRONG_RATE = """某某市青山区文化馆2024年度单位决算情况说明
一、一般公共预算财政拨款支出决算情况
2024年度一般公共预算财政拨款支出决算为520.00万元，完成年初预算100%，决算数大于预算数20.00万元，主要原因是年中增加展览项目。
其中：群众文化支出决算为310.00万元，完成预算92.5%，决算数小于预算数，主要原因是年中追加活动经费。
二、项目自评
自评结论 |
结合自评情况，总结项目取得的主要成效（200字以内） |
"""

_CONSISTENT = """某某市青山区图书馆2024年度单位决算情况说明
一、一般公共预算财政拨款支出决算情况
2024年度一般公共预算财政拨款支出决算为500.00万元，完成年初预算的104.17%，决算数大于预算数20.00万元，主要原因是年中追加数字资源采购经费。
其中：文化和旅游支出决算为380.00万元，决算数小于预算数，主要原因是压缩公用经费。
二、项目自评
年度目标完成情况（100字以内）：全年新增馆藏图书1.2万册，接待读者15万人次。
三、其他情况
年末实有人员23人，其中在编人员20人，编外人员3人。单位：万元。本馆无单价万元以上的设备。
2024年度政府采购支出决算40.00万元，比上年减少5.00万元，其中：货物类30.00万元，比上年减少2.00万元；服务类10.00万元，比上年减少3.00万元。
"""


def test_check_reports_the_text_rules_on_documents_written_for_the_test(tmp_path):
    """Each rule once where its fault was written in, nothing from these rules in the consistent document
    (500.00 ÷ 480.00 = 104.1667% → 104.17%; 决算 below 预算 explained by 压缩; 20 + 3 of 23 staff; −2.00 − 3.00 of
    −5.00; 单位：万元 and 万元以上 are no blanks)."""
    import json
    from collections import Counter

    from typer.testing import CliRunner

    from loaders.cli import app

    files = {"wrong-unit.txt": _WRONG_UNIT, "wrong-rate.txt": _WRONG_RATE, "consistent.txt": _CONSISTENT}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", *(str(tmp_path / n) for n in files), "--format", "json"])
    assert result.exit_code == 1, result.output
    ours = ("NAR-TEXT-008", "NAR-TEXT-009", "NAR-TEXT-010", "NAR-TEXT-011", "NAR-TEXT-012", "NAR-RATE-001",
            "NAR-RATE-002", "NAR-UNIT-001", "NAR-UNIT-002", "NAR-COUNT-001", "NAR-COUNT-002", "NAR-CHANGE-101",
            "NAR-CHANGE-102", "NAR-TEXT-013")
    found = [f for f in json.loads(result.output) if f["rule_id"] in ours]
    assert Counter((f["file"], f["rule_id"], f["severity"], f["lines"][0]) for f in found) == Counter({
        ("wrong-unit.txt", "NAR-UNIT-001", "error", 4): 1,
        ("wrong-unit.txt", "NAR-TEXT-008", "error", 6): 1,
        ("wrong-unit.txt", "NAR-TEXT-012", "warning", 7): 1,
        ("wrong-unit.txt", "NAR-COUNT-001", "error", 8): 1,  # 3 + 3 of 5 projects
        ("wrong-unit.txt", "NAR-TEXT-013", "warning", 9): 2,  # 预算 万元, 增长 %
        ("wrong-unit.txt", "NAR-CHANGE-101", "error", 10): 1,  # −2.00 − 3.00 of −6.00
        ("wrong-rate.txt", "NAR-RATE-001", "error", 3): 1,
        ("wrong-rate.txt", "NAR-TEXT-010", "error", 4): 1,
        ("wrong-rate.txt", "NAR-TEXT-011", "error", 7): 1,
    })
    [rate] = [f for f in found if f["rule_id"] == "NAR-RATE-001"]
    assert (Decimal(rate["lhs"]), round(Decimal(rate["rhs"]), 2)) == (Decimal("100"), Decimal("104.00"))  # 520.00 ÷ (520.00 − 20.00)
    for finding in found:  # each quotes its sentence or line
        assert finding["quoted_source"] and finding["lines"], finding


def test_a_final_amount_stated_as_a_share_of_the_budget_is_a_completion_on_the_line_of_its_number():
    found = marks("（3）农林水支出：年初预算40.00万元，决算43.10万元，决算数为年初预算的\n107.75%，"
                  "决算数大于年初预算，主要原因是年中追加防汛经费。\n")
    by_role = {m.role: m for m in found}
    assert (by_role["budget_completion"].value, by_role["budget_completion"].line_start) == (Decimal("107.75"), 2)
    assert (by_role["budget_amount"].value, by_role["budget_actual"].value) == (Decimal("40.00"), Decimal("43.10"))
    assert by_role["budget_comparison"].direction == 1


# --- blanks left in the text (NAR-TEXT-013) -------------------------------------------------------------------------

def test_a_unit_or_percent_with_no_number_before_it_is_an_empty_value_whatever_the_blank():
    # ASCII space, no space, full-width space, no-break space, a thin space, underscores; other subjects and units
    text = ("2025年机关运行经费预算 万元，比上年增加万元，增长\u3000%。\n"
            "其中：办公费\u00a0万元，占\u2009%；差旅费比上年减少____万元。\n"
            "会议费较上年下降 个百分点，结余  亿元。\n")
    found = marks(text, "empty_value")
    assert [(m.line_start, m.value_text, m.printed_unit) for m in found] == [
        (1, "预算万元", "万元"), (1, "增加万元", "万元"), (1, "增长%", "%"),  # (spaces beside CJK are read away)
        (2, "费\u00a0万元", "万元"), (2, "占\u2009%", "%"), (2, "减少____万元", "万元"),
        (3, "下降个百分点", "个百分点"), (3, "结余亿元", "亿元")]
    assert found[0].raw_text == "2025年机关运行经费预算 万元，比上年增加万元，增长\u3000%。"  # quoted as printed
    assert found[4].subject == "办公费\u00a0万元，占\u2009%"  # its clause and the one before


def test_blanks_in_traditional_characters_and_a_direction_alternative_are_empty_values():
    found = marks("公務接待費預算減少 萬元，較上年增長 %。\n本年收入比上年增加（减少）  万元。\n", "empty_value")
    assert [(m.line_start, m.printed_unit) for m in found] == [(1, "万元"), (1, "%"), (2, "万元")]
    assert found[0].raw_text.startswith("公務接待費預算減少 萬元")


def test_unit_labels_headings_and_thresholds_are_not_empty_values():
    text = ("单位：万元\n"
            "金额单位为万元，计量单位是元。\n"
            "项目 | 预算数（万元） | 增长率（%） | 占比(%)\n"
            "本单位无单价万元以上的设备，单价50万元以上的通用设备0台。\n"
            "政府采购预算以万元为单位，比上年增长3.5%，占12.00%。\n"
            "资金主要用于购置元器件，比上年减少2.00万元。\n"
            # a chart's column headers printed before its numbers (heldout28 长治郊区 shape, other figures)
            "图3 2019—2023年税收收入及其增长速度绝对值(万元)增长% 2019年84210 6.2 2020年90355 7.3\n"
            # a table's header row after its unit label (heldout29 达川 shape)
            "单位:元 项目 2022年度 2023年度 增减值 增减%\n")
    assert marks(text, "empty_value") == []


# --- counts listed after 其中 (NAR-COUNT) ---------------------------------------------------------------------------

def _lists(text: str):
    found = marks(text)
    out = {}
    for m in found:
        if m.role in ("count_whole", "count_part"):
            entry = out.setdefault(m.sentence_index, {"whole": None, "parts": []})
            if m.role == "count_whole":
                entry["whole"] = (int(m.value), m.printed_unit, m.value_text)
            else:
                entry["parts"].append(int(m.value))
    return list(out.values())


def test_counts_listed_after_qizhong_are_parts_of_the_count_before_it():
    assert _lists("2025年本单位共安排项目15个，其中新增项目8个、延续项目8个。\n") == [
        {"whole": (15, "个", "tight"), "parts": [8, 8]}]
    # a 其中 opening the next sentence takes the one count of the sentence before; ，-separated parts are loose
    assert _lists("年末实有人员23人。其中，在编人员20人，编外人员3人。\n") == [
        {"whole": (23, "人", "loose"), "parts": [20, 3]}]
    # the list ends at ；, a nested 包括, a reason; a change (比上年减少1辆) and bracketed counts are no parts
    assert _lists("共有车辆5辆，其中：执法执勤用车3辆（含新购1辆）、其他用车2辆，比上年减少1辆；另租用车辆2辆。\n") == [
        {"whole": (5, "辆", "tight"), "parts": [3, 2]}]
    assert _lists("在职人员40人，其中行政人员25人，包括处级干部6人，事业人员15人。\n") == [
        {"whole": (40, "人", "tight"), "parts": [25]}]


def test_counts_that_are_no_list_of_parts_are_not_read():
    # the whole is a change; money stands between the count and 其中; another measure word; months and points
    assert _lists("项目数比上年增加3个，其中新增2个、延续1个。\n") == []
    assert _lists("安排项目12个，资金300.00万元，其中新增项目5个、延续项目7个。\n") == []
    assert _lists("共有车辆5辆，其中驾驶员3人。\n") == []
    assert _lists("工期共计12个月，其中施工期9个月、验收期3个月。\n") == []
    # an item list after 其中 opening a sentence that states money: the counts in it belong to the items
    assert _lists("本年慰问困难职工30名。其中：1.社会保障支出45.00万元，用于30名职工补助。\n") == []


# --- a balance stated as a running sum (NAR-SUM) --------------------------------------------------------------------

def _sums(text: str):
    """[(base, [(role, value, unit, subject)], result)] of each running sum of ``text``, as printed."""
    out = {}
    for m in marks(text):
        if m.role.startswith("sum_"):
            entry = out.setdefault(m.sentence_index, {"base": None, "terms": [], "result": None})
            printed = (m.value_text, m.printed_unit)
            if m.role == "sum_base":
                entry["base"] = printed
            elif m.role == "sum_result":
                entry["result"] = printed
            else:
                entry["terms"].append((m.role, m.value_text, m.printed_unit, m.subject))
    return [(e["base"], e["terms"], e["result"]) for e in out.values()]


def test_a_running_sum_opening_its_sentence_takes_the_one_amount_of_the_sentence_before():
    text = ("全市一般公共预算支出完成128.35亿元，增长6.1%。加上上解上级支出2.6亿元、调出资金0.9亿元，以及结转下年"
            "支出4.15亿元后，支出总计136.0亿元。\n")
    [(base, terms, result)] = _sums(text)
    assert base == ("128.35", "亿元") and result == ("136.0", "亿元")
    assert terms == [("sum_add", "2.6", "亿元", "上解上级支出"), ("sum_add", "0.9", "亿元", "调出资金"),
                     ("sum_add", "4.15", "亿元", "结转下年支出")]
    [base_mark] = marks(text, "sum_base")
    assert base_mark.sentence.startswith("全市一般公共预算支出完成128.35亿元") and base_mark.sentence.endswith("136.0亿元。")


def test_a_running_sum_in_one_sentence_with_mixed_units_and_traditional_characters():
    # 加上级补助收入 is 加 + 上级补助收入; 萬元 and 億元 in one sentence
    assert _sums("全區一般公共預算收入2.8億元，加上級補助收入9,350萬元、上年結餘420萬元、調入資金0.15億元，收入總計3.9億元。\n") == [
        (("2.8", "亿元"), [("sum_add", "9,350", "万元", "上级补助收入"), ("sum_add", "420", "万元", "上年结余"),
                          ("sum_add", "0.15", "亿元", "调入资金")], ("3.9", "亿元"))]


def test_a_subtraction_and_a_term_written_as_an_increase():
    assert _sums("本级收入合计8600万元，减去上解支出350万元、债务还本支出1200万元后，可用财力7050万元。\n") == [
        (("8600", "万元"), [("sum_subtract", "350", "万元", "上解支出"), ("sum_subtract", "1200", "万元", "债务还本支出")],
         ("7050", "万元"))]
    # a term printed as 增加 … is an addend; a percentage between terms is no term
    assert _sums("基金预算收入6.2亿元，加上专项债务收入4亿元，增长12%，调入资金增加10,239万元，收入总计11.22亿元。\n") == [
        (("6.2", "亿元"), [("sum_add", "4", "亿元", "专项债务收入"), ("sum_add", "10,239", "万元", "调入资金增加")],
         ("11.22", "亿元"))]


def test_a_running_sum_after_a_sentence_of_parts_adds_to_their_whole():
    # written for this test: the sentence before the 加上 lists a part of the whole stated before it (其中：…); the
    # balance adds to the whole (45.6 + 5.4 = 51.0), never to the part (40.1)
    text = ("全县政府性基金预算收入完成45.6亿元，同比增长3.2%。其中：土地出让收入完成40.1亿元，增长2.0%。"
            "加上上级补助收入5.4亿元，收入合计51.0亿元。\n")
    assert _sums(text) == [(("45.6", "亿元"), [("sum_add", "5.4", "亿元", "上级补助收入")], ("51.0", "亿元"))]
    # after a numbered 其中 sentence too; and the whole's sentence must state one amount, else nothing is read
    assert _sums("收入完成45.6亿元。（一）其中，土地出让收入40.1亿元。加上上级补助收入5.4亿元，收入合计51.0亿元。\n") == [
        (("45.6", "亿元"), [("sum_add", "5.4", "亿元", "上级补助收入")], ("51.0", "亿元"))]
    assert _sums("收入完成45.6亿元，比上年增加1.4亿元。其中：土地出让收入40.1亿元。加上上级补助收入5.4亿元，"
                 "收入合计51.0亿元。\n") == []


def test_a_running_sum_whose_base_or_terms_cannot_be_told_is_not_read():
    # the sentence before states two amounts; or names 收入 where the result is 支出
    assert _sums("支出完成45.2亿元，比上年减少3.1亿元。加上上解支出1.2亿元，支出总计46.4亿元。\n") == []
    assert _sums("全县收入完成45.2亿元。加上上解支出1.2亿元，支出总计46.4亿元。\n") == []
    # a 加上 opening the first sentence of its paragraph: no base
    assert _sums("一、收支情况\n加上上解支出1.2亿元，支出总计46.4亿元。\n") == []
    # a term with no amount; a change 比上年增加 among the terms; 其中 listing a term's parts
    assert _sums("收入3000万元，加上上级补助收入800万元、上年结余，收入总计3900万元。\n") == []
    assert _sums("收入3000万元，加上上级补助收入800万元，比上年增加100万元，收入总计3900万元。\n") == []
    assert _sums("收入3000万元，加上级补助收入800万元，其中一般转移支付500万元，上年结余100万元，收入总计3900万元。\n") == []
    # two amounts before the opener in its clauses
    assert _sums("税收收入2000万元，非税收入1000万元，加上上级补助收入800万元，收入总计3800万元。\n") == []
    # a subtotal of the terms (两项合计) is not the balance's result; a 收入 base for a 支出 result is not its base
    assert _sums("收入3000万元，加上上级补助收入800万元、上年结余100万元，两项合计900万元。\n") == []
    assert _sums("税收收入3000万元，加上上解支出800万元，支出总计3800万元。\n") == []
    # a verb 加强 is no opener
    assert _sums("收入3000万元，加强征管后，收入总计3100万元。\n") == []


def test_a_running_sum_of_a_report_the_reader_was_not_written_on():
    # 汕尾市2018年市级决算草案的报告 (shanwei.gov.cn), copied byte-exact: eight terms, the first opened by 加 + 上级;
    # by hand 129748 + 428905 + 4409 + 320 + 41407 + 348606 + 11 + 14707 = 968113: exact
    text = ("2018年市级一般公共预算收入决算数129748万元,加上级补助收入428905万元,下级上解收入4409万元,待偿债置换一般债券"
            "上年结余320万元,上年结转结余收入41407万元,调入资金348606万元,国债转贷资金上年结余11万元,调入预算稳定调节基金"
            "14707万元,收入总计968113万元。\n")
    [(base, terms, result)] = _sums(text)
    assert base == ("129748", "万元") and result == ("968113", "万元")
    assert [(t[1], t[3]) for t in terms] == [
        ("428905", "上级补助收入"), ("4409", "下级上解收入"), ("320", "待偿债置换一般债券上年结余"),
        ("41407", "上年结转结余收入"), ("348606", "调入资金"), ("11", "国债转贷资金上年结余"),
        ("14707", "调入预算稳定调节基金")]
    assert {t[0] for t in terms} == {"sum_add"}
    # 实现 X，完成预算 …%，加以前年度结余 Y，实际可支配 Z (加 + 以前年度…; the percentage is no term)
    assert _sums("上半年实现财政收入52,310万元，完成年初预算48%，加以前年度结余9,120万元，实际财政可支配收入61,430万元。\n") == [
        (("52,310", "万元"), [("sum_add", "9,120", "万元", "以前年度结余")], ("61,430", "万元"))]


# --- a comparison with a printed year and no number of its own ------------------------------------------------

FINAL_2019 = DocumentFacts(kind="final_accounts", fiscal_year=2019)


def test_a_year_compared_in_a_sentence_without_numbers_is_a_year_comparison():
    text = ("  上海市闵行区统计局2019年度收入支出总计979.34万元。与2019年度相比，\n"
            "收入支出总计持平。主要原因是：业务经费保持不变。\n")
    [mark] = marks(text, "year_comparison", FINAL_2019)
    assert (mark.compared_year, mark.compared_basis, mark.direction, mark.subject) == (2019, None, 0, "收入支出总计")
    assert (mark.line_start, mark.value_text) == (1, "与2019年度相比")  # the line the year is printed on
    assert mark.sentence_index >= MARK_SENTENCE_BASE and mark.value is None


def test_the_basis_and_direction_of_a_year_comparison():
    [mark] = marks("本年支出比2018年决算有所增加，主要原因是人员增加。\n", "year_comparison", FINAL_2019)
    assert (mark.compared_year, mark.compared_basis, mark.direction) == (2018, "final_accounts", 1)
    [mark] = marks("本年支出与2019年年初预算相比有所减少。\n", "year_comparison", FINAL_2019)
    assert (mark.compared_year, mark.compared_basis, mark.direction) == (2019, "initial_budget", -1)
    # marks 1.4.8: 2019年初预算 is the year and the basis 年初预算 (the 年 was read as the year's, which left no basis and
    # made a same-year comparison of a 决算 a false NAR-YEAR-001; heldout45 红河 L31, a table heading)
    [mark] = marks("本年支出比2019年初预算数有所减少。\n", "year_comparison", FINAL_2019)
    assert (mark.compared_year, mark.compared_basis, mark.direction) == (2019, "initial_budget", -1)
    [mark] = marks("本年支出与2019年初预算相比有所增加。\n", "year_comparison", FINAL_2019)
    assert (mark.compared_year, mark.compared_basis, mark.direction) == (2019, "initial_budget", 1)
    # marks 1.4.9: the side compared, printed right before 比 with its year and basis, is the mark's own period and
    # basis (heldout49 北京市商务委, a 2010 决算 published with the 2011 budget: a false NAR-YEAR-001 without it)
    [mark] = marks("2020年预算数比2019年决算数增长的主要原因：预计维修成本增加。\n", "year_comparison", FINAL_2019)
    assert (mark.period_year, mark.basis, mark.compared_year, mark.compared_basis, mark.direction) == (
        2020, "budget", 2019, "final_accounts", 1)


def test_no_year_comparison_where_the_sentence_prints_a_number_or_no_direction():
    # a number of its own: the statement reader binds the comparison to it
    assert marks("与2018年度相比，收入支出总计增加12.5万元。\n", "year_comparison", FINAL_2019) == []
    assert marks("与2018年度相比，增长5%。\n", "year_comparison", FINAL_2019) == []
    # no direction word after the year, or no comparison
    assert marks("与2018年度相比，情况详见下表。\n", "year_comparison", FINAL_2019) == []
    assert marks("2019年度收入支出总计持平。\n", "year_comparison", FINAL_2019) == []


def test_a_rate_compared_with_a_bracketed_rate_in_points_is_three_gap_marks():
    # written for this test: two comparisons of one rate (two sentence indexes), then one 低于 after a comparison with no
    # bracketed rate (高于上年2.1个百分点: none), and 比…(x%)高 with its direction after the bracket
    text = ("一季度全市规模以上工业增加值同比增长9.6%，高于全国(4.5%)5.1个百分点，高于全省(7.2%)2.4个百分点。\n"
            "全县财政自给率为30.5%，高于上年1.2个百分点，但低于全市平均水平(45.0%)14.5个百分点。\n"
            "税收占比达75.3%，比全省平均水平(70.1%)高5.2个百分点。\n")
    marks = [m for m in read_marks(text_document(text), DocumentFacts()) if m.role.startswith("gap_")]
    assert [(m.sentence_index - MARK_SENTENCE_BASE, m.role, m.value, m.direction) for m in marks] == [
        (0, "gap_rate", Decimal("9.6"), None), (0, "gap_other", Decimal("4.5"), None), (0, "gap_points", Decimal("5.1"), 1),
        (1, "gap_rate", Decimal("9.6"), None), (1, "gap_other", Decimal("7.2"), None), (1, "gap_points", Decimal("2.4"), 1),
        (2, "gap_rate", Decimal("30.5"), None), (2, "gap_other", Decimal("45.0"), None),
        (2, "gap_points", Decimal("14.5"), -1),
        (3, "gap_rate", Decimal("75.3"), None), (3, "gap_other", Decimal("70.1"), None), (3, "gap_points", Decimal("5.2"), 1)]
    assert [m.subject for m in marks if m.role == "gap_other"] == ["全国", "全省", "全市平均水平", "全省平均水平"]


# --- a share's move against two growth rates (marks 1.4.7, NAR-SHARE-201) ----------------------------------------

def _moves(text: str):
    return [(m.role, m.value, m.direction, m.subject) for m in marks(text) if m.role.startswith("share_move")]


def test_a_parts_growth_gap_share_and_share_move_in_one_sentence_are_read():
    text = ("上半年，全县教育支出8.2亿元，增长12%，高于全县一般公共预算支出2.5个百分点；"
            "占全县一般公共预算支出的35%，较去年同期提高0.8个百分点。\n")
    assert _moves(text) == [
        ("share_move_growth", Decimal("12"), None, None),
        ("share_move_gap", Decimal("2.5"), 1, "全县一般公共预算支出"),
        ("share_move_share", Decimal("35"), None, "全县一般公共预算支出"),
        ("share_move_points", Decimal("0.8"), 1, "全县一般公共预算支出")]


def test_a_slower_part_and_a_falling_share_and_the_share_words_are_read():
    text = ("1-9月，农林水支出增幅为4.5%，低于全市财政支出的增幅1.2个百分点，占全市财政支出的比重为18.6%，"
            "比上年同期下降0.2个百分点。\n")
    assert [(role, value, direction) for role, value, direction, _ in _moves(text)] == [
        ("share_move_growth", Decimal("4.5"), None), ("share_move_gap", Decimal("1.2"), -1),
        ("share_move_share", Decimal("18.6"), None), ("share_move_points", Decimal("0.2"), -1)]


def test_a_gap_to_one_whole_and_a_share_of_another_are_not_a_move():
    text = ("民生支出增长9%，高于全省平均水平1.5个百分点，占全市一般公共预算支出的76%，较上年提高0.5个百分点。\n")
    assert _moves(text) == []
    assert _moves("民生支出增长9%，占全市一般公共预算支出的76%，较上年提高0.5个百分点。\n") == []
