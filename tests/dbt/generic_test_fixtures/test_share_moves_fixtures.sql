-- Tests the share_moves check (NAR-SHARE-201) on inline fixtures written for it. A part growing g % with its whole
-- growing gap points slower, holding s % now, moved s × gap ÷ (100 + g) points: 60 × 4.0 ÷ 125 = 1.92 (between
-- 59.5 × 3.95 ÷ 125.5 = 1.8727 and 60.5 × 4.05 ÷ 124.5 = 1.9681 for the rounding of 60, 4.0 and 25). Stated 1.3
-- fails, 1.9 holds; two decimals: 1.87 just inside (1.865–1.875 meets 1.8727), 1.86 just outside (1.855–1.865).
-- A whole growing faster (低于, −2.0 points,
-- 40 % at 10 %: −0.727, −0.758 to −0.697): 下降0.7 holds, 提高0.7 fails (the wrong way). A move without its gap is not
-- judged.
with

fixture as (
    select * from (values
        ('fails', 'share_move_growth', '25', null), ('fails', 'share_move_gap', '4.0', 1),
        ('fails', 'share_move_share', '60', null), ('fails', 'share_move_points', '1.3', 1),
        ('holds', 'share_move_growth', '25', null), ('holds', 'share_move_gap', '4.0', 1),
        ('holds', 'share_move_share', '60', null), ('holds', 'share_move_points', '1.9', 1),
        ('just_inside', 'share_move_growth', '25', null), ('just_inside', 'share_move_gap', '4.0', 1),
        ('just_inside', 'share_move_share', '60', null), ('just_inside', 'share_move_points', '1.87', 1),
        ('just_outside', 'share_move_growth', '25', null), ('just_outside', 'share_move_gap', '4.0', 1),
        ('just_outside', 'share_move_share', '60', null), ('just_outside', 'share_move_points', '1.86', 1),
        ('slower_part_holds', 'share_move_growth', '10', null), ('slower_part_holds', 'share_move_gap', '2.0', -1),
        ('slower_part_holds', 'share_move_share', '40', null), ('slower_part_holds', 'share_move_points', '0.7', -1),
        ('wrong_way', 'share_move_growth', '10', null), ('wrong_way', 'share_move_gap', '2.0', -1),
        ('wrong_way', 'share_move_share', '40', null), ('wrong_way', 'share_move_points', '0.7', 1),
        ('no_gap', 'share_move_growth', '25', null),
        ('no_gap', 'share_move_share', '60', null), ('no_gap', 'share_move_points', '1.3', 1)
    ) as t(case_id, role, value_text, direction)
),

with_sentences as (
    select *, 1 as sentence_index, '某支出增长…，高于全部支出…个百分点；占全部支出的…%，较上年提高…个百分点' as sentence,
        '全部支出' as subject
    from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'value_text', 'direction', 'sentence',
        'subject']) }}
),

failures as (
    {{ share_moves_check('prepared') }}
),

expected as (
    select * from (values
        ('fails', 'NAR-SHARE-201', 1.3),
        ('just_outside', 'NAR-SHARE-201', 1.86),
        ('wrong_way', 'NAR-SHARE-201', 0.7)
    ) as t(case_id, rule_id, lhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs
            or a.message not like '%全部支出%' or a.tolerance <= 0"],
    ]) }}
)

select * from mismatches
