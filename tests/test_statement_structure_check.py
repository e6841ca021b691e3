"""The prose rules on written variants bound by sentence structure (reader 1.3.0): `yusuan check` on small texts
written for this test (other places, subjects and amounts than documents/real/heldout2/, where the false alarms were
found). Every expected sum is worked by hand in the comments. One check run for all of them (a build costs a minute).

- a list after a sentence that adds to its head: adding up to the head, no finding; not adding up, NAR-PARTS-001;
- a list after two amounts side by side that its parts do not tell apart: LOAD-AMBIGUOUS-LIST, no NAR-PARTS-*;
- “A及B” with a bracketed list over ；: the amount after the ） is no part (no NAR-PARTS-*);
- a reason after 其中 explains the parts (no NAR-TEXT-001); a reason against the change it follows is NAR-TEXT-001;
- the same sentence about two scopes: no NAR-COPY-003; twice in one scope: NAR-COPY-003;
- a text cut after 主要原因: no NAR-TEXT-004;
- the same sentence under the headings of two budgets: no NAR-COPY-003; of one budget: NAR-COPY-003;
- a running sum after a sentence of parts (其中：…) adds to their whole: no NAR-SUM-001;
- items whose change is a word (较上年无增减, 与上年持平: a change of 0) and one numeric change: the changes add up
  against the whole's (NAR-CHANGE-101 when they do not; before, a list with a worded change was not judged), the
  message in printed units;
- a rate in brackets right after a change's amount (减少0.60万元（25.00%）) is checked as that change's rate (NAR-CALC-002);
- a label and a series of budget stages (一般公共预算收入：年初预算为…，调整预算为…，决算数为…，完成调整预算的…%): the completion
  is checked against the stage it names (NAR-CALC-006 when it is the other stage's); 年初预算为…，减少…，调整为…: the
  initial budget, the change and the adjusted budget are checked as one adjustment (NAR-CALC-001, its message in the
  printed unit);
- one line (a news item) printing the same sentence three times with other numbers: two NAR-COPY-003 findings, each
  quoting its own later sentence (they share rule, line and message; one of them was kept at random before).
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from loaders.cli import app

TEXTS = {
    # 3000 + 1900 + 100 = 5000 = the head (6200 is the head with the 结余 added)
    "chain-adds-up.txt": ("2024年1-6月，全乡實現財政收入5,000萬元，完成年初預算50%，加上年結余1,200萬元，實際可支配財力6,200萬元。其中：\n"
                          "1.稅收收入3,000萬元；\n2.非稅收入1,900萬元；\n3.債券轉貸收入100萬元。\n"),
    # 3000 + 2100 + 100 = 5200, not 5000
    "chain-wrong.txt": ("2024年1-6月，全乡实现财政收入5,000万元，完成年初预算50%，加上年结余1,200万元，实际可支配财力6,200万元。"
                        "其中：\n1.税收收入3,000万元；\n2.非税收入2,100万元；\n3.债券转贷收入100万元。\n"),
    # 500 + 270 = 770: neither 800 nor 780, and the parts' names tell neither
    "side-by-side.txt": ("2024年本年收入合计800万元，本年支出合计780万元。其中：\n1.区本级安排500万元；\n2.上级专项安排270万元。\n"),
    # 120 + 30 = 150; 20 after the ） is no part. The reason after 其中 explains the parts' decrease
    "a-and-b.txt": ("2024年“三公”经费预算为170万元，比上年增加10万元，增长6.25%，其中，公务接待费、因公出国（境）费用降幅均超过10%，"
                    "下降的主要原因是压减各项开支。公务用车运行费及公务用车购置费150万元，比上年增加10万元（其中，公务用车运行费120万元，"
                    "比上年增加12万元；公务用车购置费30万元，比上年减少2万元）；因公出国（境）费用20万元，比上年减少5万元。\n"),
    # a decrease whose reason says 增加: a true NAR-TEXT-001
    "reason-against.txt": "2024年公务接待费预算为8万元，比上年减少2万元，主要原因是接待任务增加。\n",
    "scopes.txt": ("2024年1-3月，在12个县收支完成情况上，一般公共预算收入完成51亿元，同比增加2.1亿元。\n"
                   "一般公共预算支出完成86.5亿元，同比增加3.6亿元，增长4.3%。\n"
                   "在9个区收支完成情况上，一般公共预算收入完成65.2亿元，同比增加6.8亿元。\n"
                   "一般公共预算支出完成78亿元，同比增加5.2亿元，增长7.1%。\n"),
    # two places, one paragraph each: their 全市 sentences are about different places, so no copy
    "places.txt": ("甲州市一般公共预算收入完成67.33亿元，同比增长52.9%。全市一般公共预算支出128.01亿元，同比增长18.1%。\n"
                   "乙山市一般公共预算收入完成139.42亿元，同比增长84.07%。全市一般公共预算支出144.02亿元，同比增长14.08%。\n"),
    "one-scope.txt": ("2024年1-3月，全市一般公共预算支出完成86.5亿元，同比增加3.6亿元，增长4.3%。\n"
                      "2024年1-3月，全市一般公共预算支出完成78亿元，同比增加5.2亿元，增长7.1%。\n"),
    # 1.00 + 2.40 + 9.00 = 12.40 (the list is the whole's); changes 0 + 0 − 2.00 = −2.00, not the −1.20 stated
    "flat-items-wrong.txt": ("2024年“三公”经费预算12.40万元,比上年减少1.20万元。其中:因公出国(境)费用1.00万元,较上年无增减;"
                             "公务接待费2.40万元,与上年持平;公务用车运行维护费9.00万元,比上年减少2.00万元。\n"),
    # the same with the whole's change −2.00: nothing to report
    "flat-items-right.txt": ("2024年“三公”经费预算12.40万元,比上年减少2.00万元。其中:因公出国(境)费用1.00万元,较上年无增减;"
                             "公务接待费2.40万元,与上年持平;公务用车运行维护费9.00万元,比上年减少2.00万元。\n"),
    # 较上年减少0.60万元（25.00%）: a decline of 0.60 from 3.00 (2.40 + 0.60) is 20.00 %, not 25.00 % (a rate in
    # brackets after a change's amount is its rate, reader 1.5.20); the right text prints 20.00 %
    "bracketed-rate-wrong.txt": "2024年公务接待费支出2.40万元，较上年减少0.60万元（25.00%），主要原因是压减接待。\n",
    "bracketed-rate-right.txt": "2024年公务接待费支出2.40万元，较上年减少0.60万元（20.00%），主要原因是压减接待。\n",
    # one line, three printings: the second and the third each against the first
    "one-line.txt": ("2024年1-3月，全市一般公共预算支出完成86.5亿元，同比增加3.6亿元。"
                     "2024年1-3月，全市一般公共预算支出完成78亿元，同比增加5.2亿元。"
                     "2024年1-3月，全市一般公共预算支出完成91亿元，同比增加1.4亿元。\n"),
    "cut.txt": "2024年收入支出总计为500.00万元。收入支出总计与上年相比，增加58.21万元，增长13.17%，主要原因",
    # the same balance sentence under the headings of two budgets (12.5 + 3.2 = 15.7; 8.1 + 1.4 = 9.5): no copy
    "books.txt": ("一、一般公共预算执行情况\n全县一般公共预算收入完成12.5亿元。加上上级补助收入3.2亿元，收入合计15.7亿元。\n"
                  "二、政府性基金预算执行情况\n全县政府性基金预算收入完成8.1亿元。加上上级补助收入1.4亿元，收入合计9.5亿元。\n"),
    # the same under two headings of one budget: compared as before (NAR-COPY-003)
    "one-book.txt": ("一、一般公共预算收入情况\n全县一般公共预算收入完成12.5亿元。加上上级补助收入3.2亿元，收入合计15.7亿元。\n"
                     "二、一般公共预算执行分析\n全县税收收入完成8.1亿元。加上上级补助收入1.4亿元，收入合计9.5亿元。\n"),
    # a running sum after a sentence of parts adds to their whole: 45.6 + 5.4 = 51.0 (not 40.1 + 5.4)
    "parts-then-sum.txt": ("全县政府性基金预算收入完成45.6亿元，同比增长3.2%。其中：土地出让收入完成40.1亿元，增长2.0%。"
                           "加上上级补助收入5.4亿元，收入合计51.0亿元。\n"),
    # a label and a series of budget stages (reader 1.5.22): 7710 ÷ 7950 = 96.98 % of the adjusted budget it names;
    # the wrong text prints 104.2 %, which is 7710 ÷ 7400, the initial budget's
    "label-completion-right.txt": ("（1）一般公共预算收入：年初预算为7400万元，调整预算为7950万元，决算数为7710万元，"
                                   "完成调整预算的97.0%。\n"),
    "label-completion-wrong.txt": ("（1）一般公共预算收入：年初预算为7400万元，调整预算为7950万元，决算数为7710万元，"
                                   "完成调整预算的104.2%。\n"),
    # an adjustment printed as 年初预算为…，增加/减少…，调整为…: 6300 + 850 = 7150 holds; 2400 − 380 = 2020, not 2120
    "adjustment-right.txt": "（2）政府性基金收入：年初预算为6300万元，增加850万元，调整为7150万元。\n",
    "adjustment-wrong.txt": "（2）政府性基金收入：年初预算为2400万元，减少380万元，调整为2120万元。\n",
}


def test_the_prose_rules_on_sentences_bound_by_structure(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", *sorted(str(p) for p in tmp_path.glob("*.txt")), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.output[result.output.index("["):])
    by_file: dict[str, list[tuple[str, str]]] = {}
    for f in findings:
        by_file.setdefault(f["file"], []).append((f["rule_id"], f["severity"]))

    def rules(name, prefix):
        return sorted(r for r in by_file.get(name, []) if r[0].startswith(prefix))

    assert rules("chain-adds-up.txt", "NAR-PARTS") == []
    assert rules("chain-wrong.txt", "NAR-PARTS") == [("NAR-PARTS-001", "error")]
    assert rules("side-by-side.txt", "NAR-PARTS") == []
    assert ("LOAD-AMBIGUOUS-LIST", "warning") in by_file["side-by-side.txt"]
    assert rules("a-and-b.txt", "NAR-PARTS") == [] and rules("a-and-b.txt", "NAR-TEXT") == []
    assert rules("reason-against.txt", "NAR-TEXT") == [("NAR-TEXT-001", "error")]
    assert rules("scopes.txt", "NAR-COPY") == []
    assert rules("places.txt", "NAR-COPY") == []
    assert rules("one-scope.txt", "NAR-COPY") == [("NAR-COPY-003", "warning")]
    one_line = sorted(f["quoted_source"].splitlines()[-1] for f in findings
                      if f["file"] == "one-line.txt" and f["rule_id"] == "NAR-COPY-003")
    assert [quote[quote.index("2024"):] for quote in one_line] == [
        "2024年1-3月，全市一般公共预算支出完成78亿元，同比增加5.2亿元。",
        "2024年1-3月，全市一般公共预算支出完成91亿元，同比增加1.4亿元。"]
    assert rules("flat-items-wrong.txt", "NAR-CHANGE") == [("NAR-CHANGE-101", "error")]
    assert [(f["lhs"], f["rhs"]) for f in findings
            if f["file"] == "flat-items-wrong.txt" and f["rule_id"] == "NAR-CHANGE-101"] == [("-20000.000000", "-12000.000000")]
    # the message prints each part's change in its unit, a worded change as 0, the sum in the whole's unit
    assert [f["message"] for f in findings if f["file"] == "flat-items-wrong.txt" and f["rule_id"] == "NAR-CHANGE-101"] \
        == ["“三公经费”: the changes stated for its parts add up to 0（无增减） 0（持平） −2.00万元 = -2万元, against the "
            "−1.20万元 stated for the whole"]
    assert rules("flat-items-right.txt", "NAR-CHANGE") == [] and rules("flat-items-right.txt", "NAR-PARTS") == []
    assert rules("bracketed-rate-wrong.txt", "NAR-CALC") == [("NAR-CALC-002", "error")]
    assert rules("bracketed-rate-right.txt", "NAR-CALC") == []
    assert rules("cut.txt", "NAR-TEXT") == []
    assert rules("books.txt", "NAR-COPY") == [] and rules("books.txt", "NAR-SUM") == []
    assert ("NAR-COPY-003", "warning") in rules("one-book.txt", "NAR-COPY")
    assert rules("parts-then-sum.txt", "NAR-SUM") == []
    assert rules("label-completion-right.txt", "NAR-CALC") == []
    assert rules("label-completion-wrong.txt", "NAR-CALC") == [("NAR-CALC-006", "error")]
    assert [(f["lhs_in_unit"], f["rhs_in_unit"]) for f in findings
            if f["file"] == "label-completion-wrong.txt" and f["rule_id"] == "NAR-CALC-006"] == [("104.2", "96.981132")]
    assert rules("adjustment-right.txt", "NAR-CALC") == []
    # the message in the printed unit: 2120 − 2400 = −280, against the −380 stated
    assert [f["message"] for f in findings if f["file"] == "adjustment-wrong.txt" and f["rule_id"].startswith("NAR-")] \
        == ["政府性基金收入: 2120万元 − 2400万元 = -280万元, but the text states a change of −380万元"]
