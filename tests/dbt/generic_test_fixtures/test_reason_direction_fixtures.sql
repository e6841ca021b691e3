-- Tests the reason_direction check (NAR-TEXT-001) on inline fixtures; returns a row for every case whose outcome is
-- not the expected. Sentences of 万里街道 2024 部门预算 (p. 4, copied by hand): item 4 宣传事务 decreases 2.98 % and
-- its reason says 经费增加 (fails); item 5 统战事务 increases 32.33 % for 经费增加 and item 1 专项普查活动 decreases
-- 57.14 % for 项目调整 (a reason without direction): consistent. Item 10 科普活动 持平 for 经费保持不变: consistent.
with

fixture as (
    select * from (values
        ('wanli_item4', 1, 'growth_pct', '宣传事务', '2.98', '%', -1,
         '宣传事务一般行政管理事务经费增加', 1,
         '2023年当年预算执行数为114.00万元，2024年预算安排110.60万元，比2023年预算执行数减少2.98%。'),
        ('wanli_item5', 1, 'growth_pct', '统战事务', '32.33', '%', 1,
         '统战事务一般行政管理事务经费增加', 1,
         '2023年当年预算执行数为9.00万元，2024年预算安排11.91万元，比2023年预算执行数增加32.33%。'),
        ('wanli_item1', 1, 'growth_pct', '专项普查活动', '57.14', '%', -1, '项目调整', null,
         '2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。'),
        ('wanli_item10', 1, 'growth_pct', '科普活动', null, null, 0, '科普活动经费保持不变', 0,
         '2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平。'),
        -- made up: an increase explained by a decrease, stated as change and growth in one sentence: one row
        ('increase_said_decrease', 1, 'change', '公务接待费', '0.35', '万元', 1, '公务接待费减少', -1,
         '公务接待费1.35万元，比2023年预算增加0.35万元，增长35.00%，主要原因是公务接待费减少。'),
        ('increase_said_decrease', 1, 'growth_pct', '公务接待费', '35.00', '%', 1, '公务接待费减少', -1,
         '公务接待费1.35万元，比2023年预算增加0.35万元，增长35.00%，主要原因是公务接待费减少。'),
        -- 持平 with a reason that says 增加 is not a contradiction of direction (no change to contradict)
        ('unchanged_reason_increase', 1, 'change', '群众体育', null, null, 0, '群众体育经费增加', 1,
         '比2023年预算执行数持平。'),
        -- a decrease whose reason says it decreases
        ('decrease_said_decrease', 1, 'growth_pct', '行政运行', '12.60', '%', -1, '行政运行经费减少', -1,
         '2023年当年预算执行数为1899.77万元，2024年预算安排1660.32万元，比2023年预算执行数减少12.60%。')
    ) as t(case_id, sentence_index, role, subject, value_text, printed_unit, direction, reason_text,
           reason_direction, sentence)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'role', 'subject', 'value_text', 'printed_unit',
        'direction', 'reason_text', 'reason_direction', 'sentence']) }}
),

failures as (
    {{ reason_direction_check('prepared') }}
),

expected as (
    select * from (values
        ('wanli_item4', -1, 1),
        ('increase_said_decrease', 1, -1)
    ) as t(case_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-TEXT-001' or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.quoted_source not like '%比2023年%' or a.source_locator <> a.case_id || ':1'"],
    ]) }}
)

select * from mismatches
