-- Tests the rows_have_parents (orphan) check on inline fixtures; returns a row for every case whose outcome is not
-- the expected. A 项 row whose 款 and 类 rows are missing, in a table that prints 类 rows, is an orphan; 项 rows in a
-- table that prints no shorter code (表三, 表六) are not; nor is a row linked to its parent.
with

cells as (
    select
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        cast(null as integer) as page,
        line as line_start,
        line as line_end,
        'T' as table_name,
        case_id || ':' || row_code as row_key,
        row_code,
        'function' as row_code_scheme,
        cast(null as varchar) as row_label,
        cast(null as varchar) as side
    from (values
        ('linked', 1, '201'), ('linked', 2, '20103'), ('linked', 3, '2010301'),
        ('orphan', 1, '201'), ('orphan', 2, '20103'), ('orphan', 3, '2010301'), ('orphan', 4, '2100501'),
        ('items_only', 1, '2010301'), ('items_only', 2, '2100501')
    ) as t(case_id, line, row_code)
),

links as (
    select * from (values
        ('linked:201', 'linked:20103', 'code'), ('linked:20103', 'linked:2010301', 'code'),
        ('orphan:201', 'orphan:20103', 'code'), ('orphan:20103', 'orphan:2010301', 'code')
    ) as t(parent_row_key, child_row_key, link_kind)
),

known as (
    select * from (values ('TBL-ORPHAN-001', 'nothing.txt', '1', 'fixture')) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ rows_have_parents_check('cells', 'links', 'known') }}
),

expected as (
    select * from (values ('orphan', 4)) as t(case_id, line_start)
),

actual as (
    select document_sha256 as case_id, line_start, rule_id from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'line_start'], checks=[['wrong rule', "a.rule_id <> 'TBL-ORPHAN-001'"]]) }}
)

select * from mismatches
