-- Tests the template_text (NAR-TEXT-011) and entry_error_notes (NAR-TEXT-012) checks on inline fixtures: each mark
-- the marks reader lands (role template_text / entry_error_note) is one finding quoting the words matched; other
-- roles (a placeholder, an amount) are none of theirs. What is a mark is tested on the reader
-- (tests/test_text_marks.py).
with

fixture as (
    select * from (values
        ('instruction', 'template_text', '简要描述项目实施过程（150字以内）', '（150字以内）'),
        ('fill_in', 'template_text', '请填写主要绩效指标完成情况', '请填写主要绩效指标完成情况'),
        ('entry_error', 'entry_error_note', null, '录入错误'),
        ('placeholder', 'placeholder', 'XX局', null),
        ('amount', 'amount', '公务接待费', '3.5')
    ) as t(case_id, role, subject, value_text)
),

with_values as (
    select *, cast(null as decimal(38, 10)) as value, cast(null as integer) as printed_decimals from fixture
),

prepared as (
    {{ statement_fixture_rows('with_values', ['role', 'subject', 'value_text', 'value', 'printed_decimals']) }}
),

template_failures as (
    {{ template_text_check('prepared') }}
),

entry_error_failures as (
    {{ entry_error_notes_check('prepared') }}
),

failures as (
    select * from template_failures
    union all by name
    select * from entry_error_failures
),

expected as (
    select * from (values
        ('instruction', 'NAR-TEXT-011', '（150字以内）'),
        ('fill_in', 'NAR-TEXT-011', '请填写主要绩效指标完成情况'),
        ('entry_error', 'NAR-TEXT-012', '录入错误')
    ) as t(case_id, rule_id, words)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.message not like '%' || e.words || '%'"],
    ]) }}
)

select * from mismatches
