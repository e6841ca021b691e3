-- Tests the heading_years check (NAR-YEAR-003) on inline fixtures written for it (document year 2024, the fixtures'
-- default): a heading of another year whose document words are all among a 2024 heading's of the same body fails
-- (a 三公 heading that also lost a word, a 部门决算 heading); headings of two years for different documents (预算执行
-- and 预算草案), a heading with no document word, another body's heading, and a body with no 2024 heading pass.
with

fixture as (
    select * from (values
        ('copied_year', 1, '某州州本级', '2024年度', '某州州本级2024年度“三公”经费决算支出情况说明'),
        ('copied_year', 2, '某州州本级', '2023年度', '某州州本级2023年度“三公”经费决支出情况说明'),
        ('same_words', 1, '东城区文化馆', '2024年', '东城区文化馆2024年部门决算公开说明'),
        ('same_words', 5, '东城区文化馆', '2023年', '东城区文化馆2023年部门决算'),
        ('two_documents', 1, '某某区', '2024年', '某某区2024年预算草案'),
        ('two_documents', 2, '某某区', '2023年', '某某区2023年预算执行情况'),
        ('no_document_word', 1, '西山县财政局', '2024年', '西山县财政局2024年部门预算'),
        ('no_document_word', 2, '西山县财政局', '2023年', '西山县财政局2023年工作总结'),
        ('other_body', 1, '甲县档案馆', '2024年', '甲县档案馆2024年单位决算'),
        ('other_body', 2, '甲县图书馆', '2023年', '甲县图书馆2023年单位决算'),
        ('no_own_year', 1, '北岭镇人民政府', '2023年', '北岭镇人民政府2023年部门决算')
    ) as t(case_id, sentence_index, subject, value_text, sentence)
),

with_role as (
    select *, 'unit_heading' as role from fixture
),

prepared as (
    {{ statement_fixture_rows('with_role', ['sentence_index', 'role', 'subject', 'value_text', 'sentence']) }}
),

failures as (
    {{ heading_years_check('prepared') }}
),

expected as (
    select * from (values
        ('copied_year', 'NAR-YEAR-003', 2),
        ('same_words', 'NAR-YEAR-003', 5)
    ) as t(case_id, rule_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.line_start <> e.line_start
            or a.message not like '%2024%' or a.quoted_source not like '%2023年%'"],
    ]) }}
)

select * from mismatches
