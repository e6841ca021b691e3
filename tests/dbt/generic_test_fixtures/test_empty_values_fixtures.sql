-- Tests the empty_values check (NAR-TEXT-013) on inline fixtures: every empty_value mark the reader lands is one
-- finding, quoting the line as printed (the blank's spaces kept) and the sentence as read; other roles of the same
-- sentence are not. What the reader marks and leaves alone (单位：万元, （%）, 万元以上, NBSP and full-width spaces,
-- traditional characters) is tested on sentences in tests/test_text_marks.py.
with

fixture as (
    select * from (values
        ('blank_share', 'empty_value', '占%', '%', '因公出国（境）费0万元，占%', '因公出国（境）费 0 万元，占 %，比上年减少 万元',
            '因公出国（境）费0万元，占%，比上年减少万元'),
        ('blank_change', 'empty_value', '减少万元', '万元', '占%，比上年减少万元', '因公出国（境）费 0 万元，占 %，比上年减少 万元',
            '因公出国（境）费0万元，占%，比上年减少万元'),
        ('blank_traditional', 'empty_value', '减少万元', '万元', '公务接待费减少万元', '公務接待費減少 萬元，主要原因是壓減接待。',
            '公务接待费减少万元，主要原因是压减接待。'),
        ('not_a_blank', 'change', '减少2.28万元', '万元', '比上年减少2.28万元', '比上年减少2.28万元。', '比上年减少2.28万元。')
    ) as t(case_id, role, value_text, printed_unit, subject, raw_text, sentence)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['role', 'subject', 'printed_unit', 'raw_text', 'sentence']) }}
),

failures as (
    {{ empty_values_check('prepared') }}
),

expected as (
    select * from (values
        ('blank_share', '占 %'),
        ('blank_change', '减少 万元'),
        ('blank_traditional', '減少 萬元')
    ) as t(case_id, printed_blank)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or quote', "a.rule_id <> 'NAR-TEXT-013' or a.lhs is not null
            or a.quoted_source not like '%' || e.printed_blank || '%' || chr(10) || '%'
            or a.message not like '%no number%'"],
    ]) }}
)

select * from mismatches
