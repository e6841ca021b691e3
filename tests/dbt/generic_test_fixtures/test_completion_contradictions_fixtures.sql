-- Tests the completion_contradictions check (NAR-RATE-001 error, NAR-RATE-002 warning) on inline fixtures written
-- for it. Recomputed: 决算 2350.60万元 above 预算 by 120.40万元 is 2350.60 ÷ 2230.20 = 105.3986% (the amounts' rounding
-- allows 105.3979%–105.3993%): printed 100% and 105.39% (105.385–105.395, just outside) fail, 105.40% (just inside)
-- passes; a 预算 stated (800万元) with 决算 760万元 is 95%: 90% fails, 95% passes. Direction alone: 决算数小于预算数
-- with 101.5% fails, 决算数大于预算数 with 100% is within the rate's rounding (warning), 决算数小于预算数 with 96.3%
-- passes, 决算数等于预算数 with 97% fails. Not judged: two rates in one sentence, a 预算 of zero (决算 10 above it by 10).
with

fixture as (
    select * from (values
        ('recomputed_100', 'budget_actual', '2350.60', '万元', null),
        ('recomputed_100', 'budget_comparison', '120.40', '万元', 1),
        ('recomputed_100', 'budget_completion', '100', '%', null),
        ('recomputed_just_outside', 'budget_actual', '2350.60', '万元', null),
        ('recomputed_just_outside', 'budget_comparison', '120.40', '万元', 1),
        ('recomputed_just_outside', 'budget_completion', '105.39', '%', null),
        ('recomputed_just_inside', 'budget_actual', '2350.60', '万元', null),
        ('recomputed_just_inside', 'budget_comparison', '120.40', '万元', 1),
        ('recomputed_just_inside', 'budget_completion', '105.40', '%', null),
        ('budget_stated_wrong', 'budget_amount', '800', '万元', null),
        ('budget_stated_wrong', 'budget_actual', '760', '万元', null),
        ('budget_stated_wrong', 'budget_completion', '90', '%', null),
        ('budget_stated_right', 'budget_amount', '800', '万元', null),
        ('budget_stated_right', 'budget_actual', '760', '万元', null),
        ('budget_stated_right', 'budget_completion', '95', '%', null),
        ('below_yet_above_100', 'budget_comparison', null, null, -1),
        ('below_yet_above_100', 'budget_completion', '101.5', '%', null),
        ('above_at_100', 'budget_actual', '88.2', '万元', null),
        ('above_at_100', 'budget_comparison', null, null, 1),
        ('above_at_100', 'budget_completion', '100', '%', null),
        ('below_consistent', 'budget_comparison', null, null, -1),
        ('below_consistent', 'budget_completion', '96.3', '%', null),
        ('equal_yet_97', 'budget_comparison', null, null, 0),
        ('equal_yet_97', 'budget_completion', '97', '%', null),
        ('two_rates', 'budget_comparison', null, null, 1),
        ('two_rates', 'budget_completion', '90', '%', null),
        ('two_rates', 'budget_completion', '98', '%', null),
        ('zero_budget', 'budget_actual', '10', '万元', null),
        ('zero_budget', 'budget_comparison', '10', '万元', 1),
        ('zero_budget', 'budget_completion', '100', '%', null)
    ) as t(case_id, role, value_text, printed_unit, direction)
),

with_sentences as (
    select *, 1 as sentence_index, '…完成预算…，决算数与预算数比较…' as sentence from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'value_text', 'printed_unit',
        'direction', 'sentence']) }}
),

failures as (
    {{ completion_contradictions_check('prepared') }}
),

expected as (
    select * from (values
        ('recomputed_100', 'NAR-RATE-001', 100, 105.40),
        ('recomputed_just_outside', 'NAR-RATE-001', 105.39, 105.40),
        ('budget_stated_wrong', 'NAR-RATE-001', 90, 95.00),
        ('below_yet_above_100', 'NAR-RATE-001', 101.5, 100),
        ('above_at_100', 'NAR-RATE-002', 100, 100),
        ('equal_yet_97', 'NAR-RATE-001', 97, 100)
    ) as t(case_id, rule_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or round(a.rhs, 2) <> e.rhs"],
    ]) }}
)

select * from mismatches
