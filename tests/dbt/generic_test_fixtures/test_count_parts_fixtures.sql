-- Tests the count_parts check (NAR-COUNT-001/002/003) on inline fixtures written for it: counts listed after 其中 against
-- the count they are listed under (marks count_whole with value_text tight / loose, count_part with list_index).
-- Counts are exact, so "just inside" is equal and "just outside" one more or one less. Cases copied by hand from
-- documents: wanli 2024 budget line 847-848 (共有车辆7辆, 其中 … 其他用车7辆: exact), tianshui 2017 line 7 (实际正式教职工
-- 62人, 其中 4 + 25 + 23 + 3 + 3 + 3 + 1 = 62, then 退休职工28人: a loose list whose first seven parts make the whole),
-- baiyun 2022 line 53 (任务数888390条, 其中补登63219条, 注销143459条: loose and short, outcomes not a partition).
with

fixture as (
    select * from (values
        -- case, role, list position, count, tight / loose (the whole's value_text)
        ('projects_one_more', 'count_whole', null, 15, 'tight'),
        ('projects_one_more', 'count_part', 1, 8, '8'),
        ('projects_one_more', 'count_part', 2, 8, '8'),
        ('projects_exact', 'count_whole', null, 15, 'tight'),
        ('projects_exact', 'count_part', 1, 8, '8'),
        ('projects_exact', 'count_part', 2, 7, '7'),
        ('projects_one_less', 'count_whole', null, 15, 'tight'),
        ('projects_one_less', 'count_part', 1, 8, '8'),
        ('projects_one_less', 'count_part', 2, 6, '6'),
        ('one_part_below', 'count_whole', null, 15, 'tight'),
        ('one_part_below', 'count_part', 1, 8, '8'),
        ('one_part_above', 'count_whole', null, 1, 'tight'),
        ('one_part_above', 'count_part', 1, 2, '2'),
        ('vehicles_wanli', 'count_whole', null, 7, 'tight'),
        ('vehicles_wanli', 'count_part', 1, 0, '0'),
        ('vehicles_wanli', 'count_part', 2, 0, '0'),
        ('vehicles_wanli', 'count_part', 3, 7, '7'),
        ('zero_whole_zero_parts', 'count_whole', null, 0, 'tight'),
        ('zero_whole_zero_parts', 'count_part', 1, 0, '0'),
        ('zero_whole_zero_parts', 'count_part', 2, 0, '0'),
        ('zero_whole_one_part', 'count_whole', null, 0, 'tight'),
        ('zero_whole_one_part', 'count_part', 1, 0, '0'),
        ('zero_whole_one_part', 'count_part', 2, 1, '1'),
        ('tight_past_the_whole', 'count_whole', null, 2, 'tight'),
        ('tight_past_the_whole', 'count_part', 1, 0, '0'),
        ('tight_past_the_whole', 'count_part', 2, 2, '2'),
        ('tight_past_the_whole', 'count_part', 3, 1, '1'),
        -- heldout57 汾阳 L5 (中小学校170所，其中：小学141所、初中24所、九年一贯制学校1所、普通高中4所、职业高中2所、特殊教育学校
        -- 1所): 173, the first four exactly 170: a tight list running on past its whole (NAR-COUNT-003, a warning); a tight
        -- list whose first part alone is the whole has no prefix of two: NAR-COUNT-001
        ('schools_fenyang', 'count_whole', null, 170, 'tight'),
        ('schools_fenyang', 'count_part', 1, 141, '141'),
        ('schools_fenyang', 'count_part', 2, 24, '24'),
        ('schools_fenyang', 'count_part', 3, 1, '1'),
        ('schools_fenyang', 'count_part', 4, 4, '4'),
        ('schools_fenyang', 'count_part', 5, 2, '2'),
        ('schools_fenyang', 'count_part', 6, 1, '1'),
        ('tight_first_part_is_whole', 'count_whole', null, 8, 'tight'),
        ('tight_first_part_is_whole', 'count_part', 1, 8, '8'),
        ('tight_first_part_is_whole', 'count_part', 2, 1, '1'),
        ('staff_tianshui', 'count_whole', null, 62, 'loose'),
        ('staff_tianshui', 'count_part', 1, 4, '4'),
        ('staff_tianshui', 'count_part', 2, 25, '25'),
        ('staff_tianshui', 'count_part', 3, 23, '23'),
        ('staff_tianshui', 'count_part', 4, 3, '3'),
        ('staff_tianshui', 'count_part', 5, 3, '3'),
        ('staff_tianshui', 'count_part', 6, 3, '3'),
        ('staff_tianshui', 'count_part', 7, 1, '1'),
        ('staff_tianshui', 'count_part', 8, 28, '28'),
        ('loose_one_more', 'count_whole', null, 15, 'loose'),
        ('loose_one_more', 'count_part', 1, 8, '8'),
        ('loose_one_more', 'count_part', 2, 8, '8'),
        ('loose_first_part_is_whole', 'count_whole', null, 8, 'loose'),
        ('loose_first_part_is_whole', 'count_part', 1, 8, '8'),
        ('loose_first_part_is_whole', 'count_part', 2, 1, '1'),
        ('loose_short_baiyun', 'count_whole', null, 888390, 'loose'),
        ('loose_short_baiyun', 'count_part', 1, 63219, '63219'),
        ('loose_short_baiyun', 'count_part', 2, 143459, '143459'),
        ('parts_without_whole', 'count_part', 1, 8, '8'),
        ('parts_without_whole', 'count_part', 2, 8, '8'),
        ('other_role', 'count', null, 15, '15'),
        ('other_role', 'count_part', 1, 8, '8'),
        ('other_role', 'count_part', 2, 8, '8')
    ) as t(case_id, role, list_index, value, value_text)
),

with_sentence as (
    select *, 1 as sentence_index, '个' as printed_unit, case_id as subject from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentence', ['role', 'list_index', 'value', 'value_text', 'sentence_index',
        'printed_unit', 'subject']) }}
),

failures as (
    {{ count_parts_check('prepared') }}
),

expected as (
    select * from (values
        ('projects_one_more', 'NAR-COUNT-001', 16, 15),
        ('projects_one_less', 'NAR-COUNT-002', 14, 15),
        ('one_part_above', 'NAR-COUNT-001', 2, 1),
        ('zero_whole_one_part', 'NAR-COUNT-001', 1, 0),
        ('tight_past_the_whole', 'NAR-COUNT-003', 3, 2),
        ('schools_fenyang', 'NAR-COUNT-003', 173, 170),
        ('tight_first_part_is_whole', 'NAR-COUNT-001', 9, 8),
        ('loose_one_more', 'NAR-COUNT-001', 16, 15),
        ('loose_first_part_is_whole', 'NAR-COUNT-001', 9, 8)
    ) as t(case_id, rule_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.lhs - e.rhs or a.tolerance <> 0 or a.message not like '%' || e.case_id || '%'"],
    ]) }}
)

select * from mismatches
