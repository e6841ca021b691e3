-- Tests the rate_gaps check (NAR-CALC-011, NAR-CALC-005) on inline fixtures written for it: a rate, a bracketed rate
-- it is compared with and the difference stated in 个百分点 with its direction (marks gap_rate, gap_other, gap_points of
-- one sentence). Cases: heldout12 银川 L10 (增长14.8%，高于全国(3%)11.8个百分点, 高于全区(9.8%)5个百分点: both exact);
-- heldout18 广西 L5 (21.4%，远低于全区(53.2%)33.9个百分点: 53.2 − 21.4 = 31.8, an error); written boundaries with
-- one-decimal rates (half steps 0.05 + 0.05 + 0.05 = 0.15): 31.9 is within rounding but not exact (notice); a
-- two-decimal 31.95 has a half step of 0.005, so its tolerance is 0.05 + 0.05 + 0.005 = 0.105 and 31.95 − 31.8 = 0.15
-- is outside (an error); a direction printed the wrong way (高于 for a lower rate) is an error.
with

fixture as (
    select * from (values
        -- case, role, value as printed, direction of the gap
        ('yinchuan_national', 'gap_rate', '14.8', null), ('yinchuan_national', 'gap_other', '3', null),
        ('yinchuan_national', 'gap_points', '11.8', 1),
        ('yinchuan_region', 'gap_rate', '14.8', null), ('yinchuan_region', 'gap_other', '9.8', null),
        ('yinchuan_region', 'gap_points', '5', 1),
        ('guangxi_counties', 'gap_rate', '21.4', null), ('guangxi_counties', 'gap_other', '53.2', null),
        ('guangxi_counties', 'gap_points', '33.9', -1),
        ('just_inside', 'gap_rate', '21.4', null), ('just_inside', 'gap_other', '53.2', null),
        ('just_inside', 'gap_points', '31.9', -1),
        ('just_outside', 'gap_rate', '21.4', null), ('just_outside', 'gap_other', '53.2', null),
        ('just_outside', 'gap_points', '31.95', -1),
        ('wrong_direction', 'gap_rate', '21.4', null), ('wrong_direction', 'gap_other', '53.2', null),
        ('wrong_direction', 'gap_points', '31.8', 1),
        ('exact_below', 'gap_rate', '21.4', null), ('exact_below', 'gap_other', '53.2', null),
        ('exact_below', 'gap_points', '31.8', -1),
        -- a comparison missing its bracketed rate is not judged
        ('no_other_rate', 'gap_rate', '21.4', null), ('no_other_rate', 'gap_points', '2.1', 1)
    ) as t(case_id, role, value_text, direction)
),

with_sentence as (
    select *, 1 as sentence_index, case when role = 'gap_points' then '个百分点' else '%' end as printed_unit,
        case when role = 'gap_other' then '全区' end as subject
    from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentence', ['role', 'value_text', 'direction', 'sentence_index', 'printed_unit',
        'subject']) }}
),

failures as (
    {{ rate_gaps_check('prepared') }}
),

expected as (
    select * from (values
        ('guangxi_counties', 'NAR-CALC-011', -33.9, -31.8),
        ('just_inside', 'NAR-CALC-005', -31.9, -31.8),
        ('just_outside', 'NAR-CALC-011', -31.95, -31.8),
        ('wrong_direction', 'NAR-CALC-011', 31.8, -31.8)
    ) as t(case_id, rule_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.lhs - e.rhs"],
        ['wrong tolerance', "a.case_id = 'just_outside' and a.tolerance <> 0.105"],
    ]) }}
)

select * from mismatches
