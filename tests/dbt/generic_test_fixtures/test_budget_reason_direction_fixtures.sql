-- Tests the budget_reason_direction check (NAR-TEXT-010) on inline fixtures written for it: 决算数小于预算数 explained
-- by 预算不足 (a budget-only word) or 追加, 决算数大于预算数 explained by 节约 or 未实施, and a rate wholly below 100%
-- (92.46%) explained by 年中追加 fail; a reason that agrees (小于 … 压缩), one with words of both sides (追加 … 压缩),
-- a negated word (未追加), a rate whose rounding holds 100% (100%) with no stated side, and no reason word pass.
with

fixture as (
    select * from (values
        ('below_but_underestimated', 'budget_comparison', null, null, -1, '项目预算不足，年中调整较多'),
        ('below_but_added', 'budget_comparison', null, null, -1, '年中追加专项经费'),
        ('above_but_saved', 'budget_comparison', null, null, 1, '厉行节约，严控一般性支出'),
        ('above_but_not_done', 'budget_comparison', null, null, 1, '部分项目未实施'),
        ('rate_below_but_added', 'budget_completion', '92.46', '%', null, '年中追加人员经费'),
        ('agrees', 'budget_comparison', null, null, -1, '压缩公用经费'),
        ('both_sides', 'budget_comparison', null, null, -1, '年中追加资金，同时压缩会议费'),
        ('negated', 'budget_comparison', null, null, -1, '本年未追加预算'),
        ('rate_at_100', 'budget_completion', '100', '%', null, '年中追加人员经费'),
        ('no_word', 'budget_comparison', null, null, -1, '工作安排调整')
    ) as t(case_id, role, value_text, printed_unit, direction, reason_text)
),

with_sentences as (
    select *, 1 as sentence_index, '…决算数与预算数比较…，主要原因是' || reason_text || '。' as sentence from fixture
),

words as (
    select * from (values ('预算不足', 'above', 'budget'), ('追加', 'above', 'any'), ('节约', 'below', 'any'),
        ('未实施', 'below', 'any'), ('压缩', 'below', 'any')) as t(word, explains, applies_to)
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'value_text', 'printed_unit',
        'direction', 'reason_text', 'sentence']) }}
),

failures as (
    {{ budget_reason_direction_check('prepared', 'words') }}
),

expected as (
    select * from (values
        ('below_but_underestimated', -1),
        ('below_but_added', -1),
        ('above_but_saved', 1),
        ('above_but_not_done', 1),
        ('rate_below_but_added', -1)
    ) as t(case_id, lhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> 'NAR-TEXT-010' or a.lhs <> e.lhs or a.rhs <> -e.lhs"],
    ]) }}
)

select * from mismatches
