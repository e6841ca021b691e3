-- Tests the empty_table_notes check (NAR-TEXT-005) on inline fixtures; returns a row for every case whose outcome is
-- not the expected. 万里街道 2024 部门预算 (p. 31, copied by hand): the table 部门“三公”经费和机关运行经费预算表 prints
-- 47.91 0 1.35 46.56 25 21.56 443.18 and under it "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。": fails,
-- with 6 figures other than 0. Its 政府性基金 table (p. 27) prints no figure and the same kind of note: the table
-- above that note (p. 26, 一般公共预算支出功能分类预算表) has figures but is not the table the note names: passes.
with

figure_rows as (
    select * from (values
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 47.91),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 0),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 1.35),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 46.56),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 25),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 21.56),
        ('wanli_three_public', 31, 9, '部门“三公”经费和机关运行经费预算表', 443.18),
        ('wanli_government_fund', 26, 20, '2024年部门一般公共预算支出功能分类预算表', 15621.11),
        -- the reader names the table the note is under by its title (the 政府性基金 table has no figures; the one on
        -- the page before shares 功能分类 with it)
        ('wanli_title_named', 26, 20, '2024年部门一般公共预算支出功能分类预算表', 15621.11),
        ('wanli_three_public_title', 31, 9, '部门“三公”经费和机关运行经费预算表', 47.91),
        -- the note names its table with the word 预算 the title also has
        ('subject_with_suffix', 31, 9, '部门“三公”经费和机关运行经费预算表', 47.91),
        -- a table printed with zeros only is consistent with the note
        ('zeros_only', 31, 9, '单位“三公”经费和机关运行经费预算表', 0),
        ('zeros_only', 31, 9, '单位“三公”经费和机关运行经费预算表', 0),
        -- the table's figures end on the page before the note
        ('note_next_page', 30, 40, '部门“三公”经费和机关运行经费预算表', 6.40),
        -- the table stands three pages before the note: not the table the note is under
        ('table_far_before', 28, 9, '部门“三公”经费和机关运行经费预算表', 6.40),
        -- text without pages: the table above the note
        ('text_without_pages', null, 108, '“三公”经费支出预算表', 12.5),
        -- the 三公 table prints figures; the empty 政府性基金 table after it on the same page has none: the note
        -- under the 政府性基金 table is about that one
        ('other_table_on_page', 12, 5, '2024年部门“三公”经费和机关运行经费预算表', 47.91),
        -- the table the note is under is below it: not the table the note is about
        ('table_below_note', 31, 20, '部门“三公”经费和机关运行经费预算表', 47.91)
    ) as t(case_id, page, line_start, table_name, printed_value)
),

figures as (
    select
        case_id as document_sha256,
        case_id as file_name,
        page,
        line_start,
        line_start as line_end,
        table_name,
        cast(printed_value as decimal(38, 10)) as printed_value,
        '        47.91              0       1.35        46.56         25         21.56         443.18' as raw_text
    from figure_rows
),

fixture as (
    select * from (values
        ('wanli_three_public', 31, 13, '“三公”经费和机关运行经费',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('wanli_government_fund', 27, 14, '政府性基金预算财政拨款',
         '注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。'),
        ('wanli_title_named', 27, 8, '2024年部门政府性基金预算支出功能分类预算表',
         '注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。'),
        ('wanli_three_public_title', 31, 10, '部门“三公”经费和机关运行经费预算表',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('subject_with_suffix', 31, 13, '“三公”经费和机关运行经费预算',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('zeros_only', 31, 13, '“三公”经费和机关运行经费',
         '注:本单位2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('note_next_page', 31, 2, '“三公”经费和机关运行经费',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('table_far_before', 31, 2, '“三公”经费和机关运行经费',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。'),
        ('text_without_pages', null, 112, '“三公”经费',
         '注：本部门无“三公”经费支出，故本表为空表。'),
        ('other_table_on_page', 12, 20, '政府性基金预算财政拨款',
         '注:本部门2024年无政府性基金预算财政拨款安排的预算，故本表为空表。'),
        ('table_below_note', 31, 13, '“三公”经费和机关运行经费',
         '注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。')
    ) as t(case_id, page, sentence_index, subject, sentence)
),

noted as (
    select *, 'empty_table_note' as role from fixture
),

prepared as (
    {{ statement_fixture_rows('noted', ['page', 'sentence_index', 'subject', 'sentence', 'role']) }}
),

failures as (
    {{ empty_table_notes_check('prepared', 'figures') }}
),

expected as (
    select * from (values
        ('wanli_three_public', 6), ('wanli_three_public_title', 1), ('subject_with_suffix', 1), ('note_next_page', 1), ('text_without_pages', 1)
    ) as t(case_id, lhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-TEXT-005' or a.lhs <> e.lhs or a.rhs <> 0
            or a.quoted_source not like '%故本表为空表%' || chr(10) || '%47.91%'"],
    ]) }}
)

select * from mismatches
