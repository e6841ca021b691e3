-- Tests the budget_comparison_amounts check (NAR-RATE-003) on inline fixtures written for it. 预算 120.50万元 and
-- 决算 130.20万元 (决算 above by 9.70万元, tolerance 0.01万元 = 100 元): 决算数小于预算数 and 决算数等于预算数 fail,
-- 决算数大于预算数 passes. Within rounding: 预算 88.6万元 and 决算 88.65万元 (d = 500 元, tolerance 500 + 50 = 550 元)
-- is a tie, so 小于 and 等于 pass; 预算 88.6万元 and 决算 88.66万元 (d = 600 元, just outside) with 小于 fails. 预算
-- 1,200元 and 决算 0.12万元 (equal in 元) with 大于 passes. Zero budget: 预算 0万元, 决算 15.3万元 with 大于 passes,
-- with 小于 fails. Not judged: a comparison without a 决算 amount, two comparisons in one sentence.
with

fixture as (
    select * from (values
        ('below_but_above', 'compared_budget', '120.50', '万元', null),
        ('below_but_above', 'compared_actual', '130.20', '万元', null),
        ('below_but_above', 'budget_comparison', null, null, -1),
        ('equal_but_above', 'compared_budget', '120.50', '万元', null),
        ('equal_but_above', 'compared_actual', '130.20', '万元', null),
        ('equal_but_above', 'budget_comparison', null, null, 0),
        ('above_right', 'compared_budget', '120.50', '万元', null),
        ('above_right', 'compared_actual', '130.20', '万元', null),
        ('above_right', 'budget_comparison', null, null, 1),
        ('tie_below', 'compared_budget', '88.6', '万元', null),
        ('tie_below', 'compared_actual', '88.65', '万元', null),
        ('tie_below', 'budget_comparison', null, null, -1),
        ('tie_equal', 'compared_budget', '88.6', '万元', null),
        ('tie_equal', 'compared_actual', '88.65', '万元', null),
        ('tie_equal', 'budget_comparison', null, null, 0),
        ('just_outside', 'compared_budget', '88.6', '万元', null),
        ('just_outside', 'compared_actual', '88.66', '万元', null),
        ('just_outside', 'budget_comparison', null, null, -1),
        ('units_differ_equal', 'compared_budget', '1,200', '元', null),
        ('units_differ_equal', 'compared_actual', '0.12', '万元', null),
        ('units_differ_equal', 'budget_comparison', null, null, 1),
        ('zero_budget_above', 'compared_budget', '0', '万元', null),
        ('zero_budget_above', 'compared_actual', '15.3', '万元', null),
        ('zero_budget_above', 'budget_comparison', null, null, 1),
        ('zero_budget_below', 'compared_budget', '0', '万元', null),
        ('zero_budget_below', 'compared_actual', '15.3', '万元', null),
        ('zero_budget_below', 'budget_comparison', null, null, -1),
        ('no_actual', 'compared_budget', '50', '万元', null),
        ('no_actual', 'budget_comparison', null, null, 1),
        ('two_comparisons', 'compared_budget', '50', '万元', null),
        ('two_comparisons', 'compared_actual', '40', '万元', null),
        ('two_comparisons', 'budget_comparison', null, null, 1),
        ('two_comparisons', 'budget_comparison', null, null, -1)
    ) as t(case_id, role, value_text, printed_unit, direction)
),

with_sentences as (
    select *, 1 as sentence_index, '年初预算为…，支出决算为…。决算数与预算数比较…' as sentence from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'value_text', 'printed_unit',
        'direction', 'sentence']) }}
),

failures as (
    {{ budget_comparison_amounts_check('prepared') }}
),

expected as (
    select * from (values
        ('below_but_above', 'NAR-RATE-003', 1302000, 1205000, 97000, 100),
        ('equal_but_above', 'NAR-RATE-003', 1302000, 1205000, 97000, 100),
        ('just_outside', 'NAR-RATE-003', 886600, 886000, 600, 550),
        ('zero_budget_below', 'NAR-RATE-003', 153000, 0, 153000, 5500)
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
