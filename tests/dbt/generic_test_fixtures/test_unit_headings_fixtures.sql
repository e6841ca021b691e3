-- Tests the unit_headings check (NAR-UNIT-001 in a unit's own document, NAR-UNIT-002 in another) on inline fixtures
-- written for it: the document's own body is the one its headings name most often (at least twice); a heading naming
-- a sibling of the same level and parent (…卫生院 against …卫生院 of another town of the county, …中心 against …中心)
-- fails; a subordinate named after the own body (…局机关), a body of another level (…镇人民政府 in a …站 document), a
-- body with no shared leading characters, and a document whose headings name two bodies equally often pass.
with

fixture as (
    select * from (values
        ('unit_sibling', 'unit_budget_sh', 1, '某某县甲镇卫生院'),
        ('unit_sibling', 'unit_budget_sh', 2, '某某县甲镇卫生院'),
        ('unit_sibling', 'unit_budget_sh', 3, '某某县乙镇卫生院'),
        ('department_sibling', 'department_budget_sh', 1, '东城区文化服务中心'),
        ('department_sibling', 'department_budget_sh', 2, '东城区文化服务中心'),
        ('department_sibling', 'department_budget_sh', 3, '东城区文化服务中心'),
        ('department_sibling', 'department_budget_sh', 4, '东城区体育服务中心'),
        ('own_subordinate', 'department_budget_sh', 1, '西山县财政局'),
        ('own_subordinate', 'department_budget_sh', 2, '西山县财政局'),
        ('own_subordinate', 'department_budget_sh', 3, '西山县财政局机关'),
        ('other_level', 'unit_budget_sh', 1, '北岭镇农业服务站'),
        ('other_level', 'unit_budget_sh', 2, '北岭镇农业服务站'),
        ('other_level', 'unit_budget_sh', 3, '北岭镇人民政府'),
        ('no_shared_prefix', 'unit_budget_sh', 1, '甲市档案馆'),
        ('no_shared_prefix', 'unit_budget_sh', 2, '甲市档案馆'),
        ('no_shared_prefix', 'unit_budget_sh', 3, '乙县图书馆'),
        ('tie', 'unit_budget_sh', 1, '南湖区第一小学'),
        ('tie', 'unit_budget_sh', 2, '南湖区第二小学')
    ) as t(case_id, document_kind, sentence_index, subject)
),

with_sentences as (
    select *, 'unit_heading' as role, subject || '2025年单位预算情况说明' as sentence from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['document_kind', 'sentence_index', 'role', 'subject',
        'sentence']) }}
),

failures as (
    {{ unit_headings_check('prepared') }}
),

expected as (
    select * from (values
        ('unit_sibling', 'NAR-UNIT-001', 3),
        ('department_sibling', 'NAR-UNIT-002', 4)
    ) as t(case_id, rule_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.line_start <> e.line_start
            or a.quoted_source not like '%2025年单位预算情况说明%'"],
    ]) }}
)

select * from mismatches
