-- Tests the stated_parts_within_whole check (NAR-TEXT-006 beyond rounding, NAR-TEXT-007 within it) on inline
-- fixtures. 万里街道 2024 (p. 32, copied by hand): "2024年“三公”经费预算数为47.91万元 … 其中：（一）因公出国（境）费0万元
-- … （二）公务用车购置及运行费46.56万元 … （三）公务接待费1.35万元" and "政府采购预算1662.44万元，其中：…货物预算93.98万元、
-- …工程预算815.87万元、…服务预算752.59万元": every part within its whole (a part may equal it: 财政拨款收入15621.11 of
-- 收入预算15621.11). Made-up breaks: a part above its whole (error), above by 0.01 万元 with both printed to 0.01
-- (difference 100 元 = the sum of the half-steps 50 + 50: outside, error), 0.5651 亿元 against 5650.51 万元 (4,900 元 above, the half-steps sum to 5,050 元
-- : just inside, notice), a part of another period or of another whole (not compared).
with

fixture as (
    select * from (values
        ('wanli_three_public', 1, 'amount', '“三公”经费', null, null, '47.91', '万元', 2024),
        ('wanli_three_public', 2, 'amount', '因公出国（境）费', '三公经费', 1, '0', '万元', 2024),
        ('wanli_three_public', 3, 'amount', '公务用车购置及运行费', '三公经费', 1, '46.56', '万元', 2024),
        ('wanli_three_public', 4, 'amount', '公务接待费', '三公经费', 1, '1.35', '万元', 2024),
        ('wanli_procurement', 1, 'amount', '政府采购预算', null, null, '1662.44', '万元', 2024),
        ('wanli_procurement', 1, 'amount', '政府采购货物预算', '政府采购预算', 1, '93.98', '万元', 2024),
        ('wanli_procurement', 1, 'amount', '政府采购工程预算', '政府采购预算', 1, '815.87', '万元', 2024),
        ('wanli_procurement', 1, 'amount', '政府采购服务预算', '政府采购预算', 1, '752.59', '万元', 2024),
        ('equal_to_whole', 1, 'amount', '收入预算', null, null, '15621.11', '万元', 2024),
        ('equal_to_whole', 1, 'amount', '财政拨款收入', '收入预算', 1, '15621.11', '万元', 2024),
        ('part_above', 1, 'amount', '政府采购预算', null, null, '120.60', '万元', 2024),
        ('part_above', 1, 'amount', '政府采购服务预算', '政府采购预算', 1, '126.00', '万元', 2024),
        ('one_step_above', 1, 'amount', '机关运行经费', null, null, '443.18', '万元', 2024),
        ('one_step_above', 1, 'amount', '日常公用经费', '机关运行经费', 1, '443.19', '万元', 2024),
        ('within_rounding', 1, 'amount', '项目支出', null, null, '5650.51', '万元', 2024),
        ('within_rounding', 1, 'amount', '其中专项', '项目支出', 1, '0.5651', '亿元', 2024),
        ('other_period', 1, 'amount', '政府采购预算', null, null, '120.60', '万元', 2024),
        ('other_period', 1, 'amount', '政府采购服务预算', '政府采购预算', 1, '126.00', '万元', 2023),
        ('other_whole', 1, 'amount', '政府采购预算', null, null, '120.60', '万元', 2024),
        ('other_whole', 1, 'amount', '面向中小企业预留', '机关运行经费', 1, '126.00', '万元', 2024)
    ) as t(case_id, sentence_index, role, subject, parent_subject, list_index, value_text, printed_unit,
           period_year)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'role', 'subject', 'parent_subject', 'list_index',
        'value_text', 'printed_unit', 'period_year']) }}
),

failures as (
    {{ stated_parts_within_whole_check('prepared') }}
),

expected as (
    select * from (values
        ('part_above', 'NAR-TEXT-006', 1260000, 1206000, 100),
        ('one_step_above', 'NAR-TEXT-006', 4431900, 4431800, 100),
        ('within_rounding', 'NAR-TEXT-007', 56510000, 56505100, 5050)
    ) as t(case_id, rule_id, lhs, rhs, tolerance)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.lhs - e.rhs or a.tolerance <> e.tolerance"],
    ]) }}
)

select * from mismatches
