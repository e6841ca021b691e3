-- Tests the listed_changes check (NAR-CHANGE-101/102) on inline fixtures written for it: a whole's stated change
-- against the changes stated for its parts, judged when the parts' amounts make up the whole's. Amounts and changes in
-- 万元 with 2 decimals (half step 50 元) unless said. With a whole and three parts, four changes are printed: the
-- tolerance is 4 × 50 = 200 元, so a difference of 0.01 万元 (100 元) is within it (notice) and 0.02 万元 (200 元) is
-- not (error). The consistent list is the shape of the wanli 2024 budget's "三公" sentence (lines 798-803) with other
-- figures; a whole printed without decimals (5 万元, half step 5,000 元) lets its parts' changes be off by up to
-- 5,000 + 3 × 50 元.
with

fixture as (
    select * from (values
        -- case, sentence, role, subject, parent, list_index, value printed, direction, compared year
        ('exact', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('exact', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('exact', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('exact', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('exact', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('exact', 3, 'change', '公务接待费', '三公经费', 1, '2.00', -1, 2023),
        ('exact', 4, 'amount', '公务用车购置及运行费', '三公经费', 1, '20.00', null, null),
        ('exact', 4, 'change', '公务用车购置及运行费', '三公经费', 1, '2.00', -1, 2023),
        ('wrong', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('wrong', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('wrong', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('wrong', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('wrong', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('wrong', 3, 'change', '公务接待费', '三公经费', 1, '2.00', -1, 2023),
        ('wrong', 4, 'amount', '公务用车购置及运行费', '三公经费', 1, '20.00', null, null),
        ('wrong', 4, 'change', '公务用车购置及运行费', '三公经费', 1, '3.00', -1, 2023),
        ('just_inside', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('just_inside', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('just_inside', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('just_inside', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('just_inside', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('just_inside', 3, 'change', '公务接待费', '三公经费', 1, '2.00', -1, 2023),
        ('just_inside', 4, 'amount', '公务用车购置及运行费', '三公经费', 1, '20.00', null, null),
        ('just_inside', 4, 'change', '公务用车购置及运行费', '三公经费', 1, '2.01', -1, 2023),
        ('just_outside', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('just_outside', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('just_outside', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('just_outside', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('just_outside', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('just_outside', 3, 'change', '公务接待费', '三公经费', 1, '2.00', -1, 2023),
        ('just_outside', 4, 'amount', '公务用车购置及运行费', '三公经费', 1, '20.00', null, null),
        ('just_outside', 4, 'change', '公务用车购置及运行费', '三公经费', 1, '2.02', -1, 2023),
        -- a whole printed to whole 万元: 5 万元 stands for 4.5 .. 5.5, so parts adding to 5.40 are within its rounding
        ('coarse_whole', 1, 'amount', '三公经费', null, null, '50', null, null),
        ('coarse_whole', 1, 'change', '三公经费', null, null, '5', -1, 2023),
        ('coarse_whole', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('coarse_whole', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('coarse_whole', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('coarse_whole', 3, 'change', '公务接待费', '三公经费', 1, '2.00', -1, 2023),
        ('coarse_whole', 4, 'amount', '公务用车购置及运行费', '三公经费', 1, '20.00', null, null),
        ('coarse_whole', 4, 'change', '公务用车购置及运行费', '三公经费', 1, '2.40', -1, 2023),
        -- signed: 采购 +1.00 = 货物 +3.00 and 服务 −2.00 (exact); with 服务 +2.00 instead the parts say +5.00
        ('signed_exact', 7, 'amount', '政府采购', null, null, '100.00', null, null),
        ('signed_exact', 7, 'change', '政府采购', null, null, '1.00', 1, 2023),
        ('signed_exact', 7, 'amount', '货物类', '政府采购', 7, '60.00', null, null),
        ('signed_exact', 7, 'change', '货物类', '政府采购', 7, '3.00', 1, 2023),
        ('signed_exact', 8, 'amount', '服务类', '政府采购', 7, '40.00', null, null),
        ('signed_exact', 8, 'change', '服务类', '政府采购', 7, '2.00', -1, 2023),
        ('signed_wrong', 7, 'amount', '政府采购', null, null, '100.00', null, null),
        ('signed_wrong', 7, 'change', '政府采购', null, null, '1.00', 1, 2023),
        ('signed_wrong', 7, 'amount', '货物类', '政府采购', 7, '60.00', null, null),
        ('signed_wrong', 7, 'change', '货物类', '政府采购', 7, '3.00', 1, 2023),
        ('signed_wrong', 8, 'amount', '服务类', '政府采购', 7, '40.00', null, null),
        ('signed_wrong', 8, 'change', '服务类', '政府采购', 7, '2.00', 1, 2023),
        -- a whole whose change is zero: its parts' changes must cancel (+1.00 − 1.00), +1.00 and 0.00 do not
        ('zero_whole_change', 1, 'amount', '机关运行经费', null, null, '30.00', null, null),
        ('zero_whole_change', 1, 'change', '机关运行经费', null, null, '0.00', 1, 2023),
        ('zero_whole_change', 2, 'amount', '办公费', '机关运行经费', 1, '10.00', null, null),
        ('zero_whole_change', 2, 'change', '办公费', '机关运行经费', 1, '1.00', 1, 2023),
        ('zero_whole_change', 3, 'amount', '水电费', '机关运行经费', 1, '20.00', null, null),
        ('zero_whole_change', 3, 'change', '水电费', '机关运行经费', 1, '1.00', -1, 2023),
        ('zero_whole_change_wrong', 1, 'amount', '机关运行经费', null, null, '30.00', null, null),
        ('zero_whole_change_wrong', 1, 'change', '机关运行经费', null, null, '0.00', 1, 2023),
        ('zero_whole_change_wrong', 2, 'amount', '办公费', '机关运行经费', 1, '10.00', null, null),
        ('zero_whole_change_wrong', 2, 'change', '办公费', '机关运行经费', 1, '1.00', 1, 2023),
        ('zero_whole_change_wrong', 3, 'amount', '水电费', '机关运行经费', 1, '20.00', null, null),
        ('zero_whole_change_wrong', 3, 'change', '水电费', '机关运行经费', 1, '0.00', -1, 2023),
        -- not judged: the parts' amounts do not make up the whole (10 + 20 of 50: a part not named)
        ('parts_not_whole', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('parts_not_whole', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('parts_not_whole', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('parts_not_whole', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2023),
        ('parts_not_whole', 3, 'amount', '公务接待费', '三公经费', 1, '20.00', null, null),
        ('parts_not_whole', 3, 'change', '公务接待费', '三公经费', 1, '9.00', -1, 2023),
        -- not judged: a part (持平, no amount of change printed) has no change statement
        ('part_without_change', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('part_without_change', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('part_without_change', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('part_without_change', 3, 'amount', '公务接待费', '三公经费', 1, '40.00', null, null),
        ('part_without_change', 3, 'change', '公务接待费', '三公经费', 1, '9.00', -1, 2023),
        -- not judged: a part compares with another year than the whole
        ('other_year', 1, 'amount', '三公经费', null, null, '50.00', null, null),
        ('other_year', 1, 'change', '三公经费', null, null, '5.00', -1, 2023),
        ('other_year', 2, 'amount', '因公出国（境）费', '三公经费', 1, '10.00', null, null),
        ('other_year', 2, 'change', '因公出国（境）费', '三公经费', 1, '1.00', -1, 2022),
        ('other_year', 3, 'amount', '公务接待费', '三公经费', 1, '40.00', null, null),
        ('other_year', 3, 'change', '公务接待费', '三公经费', 1, '9.00', -1, 2023),
        -- not judged: one part only (其中：基本支出 … : the other part is not listed)
        ('one_part', 1, 'amount', '支出', null, null, '3000.00', null, null),
        ('one_part', 1, 'change', '支出', null, null, '300.00', 1, 2023),
        ('one_part', 1, 'amount', '基本支出', '支出', 1, '3000.00', null, null),
        ('one_part', 1, 'change', '基本支出', '支出', 1, '100.00', 1, 2023)
    ) as t(case_id, sentence_index, role, subject, parent_subject, list_index, value_text, direction, compared_year)
),

with_unit as (
    select *, '万元' as printed_unit from fixture
),

prepared as (
    {{ statement_fixture_rows('with_unit', ['role', 'sentence_index', 'subject', 'parent_subject', 'list_index',
        'value_text', 'direction', 'compared_year', 'printed_unit']) }}
),

failures as (
    {{ listed_changes_check('prepared') }}
),

expected as (
    select * from (values
        ('wrong', 'NAR-CHANGE-101', -60000, -50000, -10000, 200),
        ('just_inside', 'NAR-CHANGE-102', -50100, -50000, -100, 200),
        ('just_outside', 'NAR-CHANGE-101', -50200, -50000, -200, 200),
        ('coarse_whole', 'NAR-CHANGE-102', -54000, -50000, -4000, 5150),
        ('signed_wrong', 'NAR-CHANGE-101', 50000, 10000, 40000, 150),
        ('zero_whole_change_wrong', 'NAR-CHANGE-101', 10000, 0, 10000, 150)
    ) as t(case_id, rule_id, lhs, rhs, difference, tolerance)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.difference or a.tolerance <> e.tolerance"],
    ]) }}
)

select * from mismatches
