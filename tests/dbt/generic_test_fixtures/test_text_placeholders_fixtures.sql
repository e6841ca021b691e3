-- Tests the text_placeholders check (NAR-TEXT-002) on inline fixtures: every statement of role placeholder is a
-- finding, one per placeholder (printed as its subject, as the reader lands it, or as its value_text); other roles
-- of the same sentence are not. The sentences are made up on the pattern of
-- the 机关运行经费 paragraph of 万里街道 2024 (p. 32: "…（部门）下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为443.18万元").
with

fixture as (
    select * from (values
        ('department_placeholder', 1, 'placeholder', null, 'XX局',
         '2024年XX局（部门）下属1家机关财政拨款的机关运行经费预算为443.18万元。'),
        ('department_placeholder', 1, 'amount', null, '443.18',
         '2024年XX局（部门）下属1家机关财政拨款的机关运行经费预算为443.18万元。'),
        ('amount_placeholder', 2, 'placeholder', '××', null,
         '2024年“三公”经费预算数为××万元。'),
        ('filled_in', 1, 'amount', null, '443.18',
         '2024年上海市普陀区人民政府万里街道办事处（部门）下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为443.18万元。')
    ) as t(case_id, sentence_index, role, subject, value_text, sentence)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'role', 'subject', 'value_text', 'sentence']) }}
),

failures as (
    {{ text_placeholders_check('prepared') }}
),

expected as (
    select * from (values ('department_placeholder', 'XX局'), ('amount_placeholder', '××')) as t(case_id, placeholder)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-TEXT-002' or a.message not like '%“' || e.placeholder || '”%'
            or a.quoted_source not like '%' || e.placeholder || '%'"],
    ]) }}
)

select * from mismatches
