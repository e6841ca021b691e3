-- Tests the zero_change_reasons check (NAR-TEXT-008) on inline fixtures written for it (other subjects and wordings
-- than the 涪陵 sentence it was found on): a change printed as 0 with a direction and a reason that explains a change
-- fails, also when the word is negated once and stated once; a zero with a reason that states no reason word, with
-- a negated word (未追加), or a non-zero change with a reason passes; 0.00 is zero too; a word is literal text
-- ('调.' is not found in 调整).
with

fixture as (
    select * from (values
        ('decrease_zero_cut', 'zero_change_reason', '会议费', '0', '万元', -1, '严格执行会议计划，压减会议规模'),
        ('increase_zero_added', 'zero_change_reason', '培训费', '0.00', '万元', 1, '年中追加培训任务'),
        ('increase_zero_percent', 'zero_change_reason', '差旅费', '0', '%', 1, '新增调研任务'),
        ('zero_no_reason_word', 'zero_change_reason', '公务接待费', '0', '万元', -1, '无此项支出安排'),
        ('zero_negated_word', 'zero_change_reason', '因公出国（境）费', '0', '万元', 1, '本年未追加出国计划'),
        ('zero_negated_then_stated', 'zero_change_reason', '维修（护）费', '0', '万元', 1, '上半年未追加，下半年追加维修任务'),
        ('zero_word_is_literal', 'zero_change_reason', '专用材料费', '0', '万元', 1, '调整材料采购'),
        ('not_zero', 'zero_change_reason', '公务用车运行维护费', '0.5', '万元', -1, '压缩车辆运行开支'),
        ('other_role', 'change', '公务用车运行维护费', '0', '万元', -1, '压缩车辆运行开支')
    ) as t(case_id, role, subject, value_text, printed_unit, direction, reason_text)
),

words as (
    select * from (values ('压减', 'below', 'any'), ('追加', 'above', 'any'), ('新增', 'above', 'any'),
        ('压缩', 'below', 'any'), ('估算不足', 'above', 'budget'),
        ('调.', 'above', 'any')  -- a word with a character patterns treat specially: matched literally
    ) as t(word, explains, applies_to)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['role', 'subject', 'value_text', 'printed_unit', 'direction',
        'reason_text']) }}
),

failures as (
    {{ zero_change_reasons_check('prepared', 'words') }}
),

expected as (
    select * from (values
        ('decrease_zero_cut', -1),
        ('increase_zero_added', 1),
        ('zero_negated_then_stated', 1),
        ('increase_zero_percent', 1)
    ) as t(case_id, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> 'NAR-TEXT-008' or a.lhs <> 0 or a.rhs is distinct from e.rhs
            or a.message not like '%no change%'"],
    ]) }}
)

select * from mismatches
