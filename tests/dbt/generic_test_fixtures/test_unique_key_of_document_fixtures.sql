-- Tests the unique_key_of_document check on inline fixtures: a clean document, a key printed twice in one document,
-- a key two documents share (the second one's key begins with the first's sha256: not of its document either), a key
-- without its document's prefix, a key that only begins with the document's sha256 without the separator, a row
-- without a document, and null keys (not checked, as dbt's unique leaves them).
with

fixture as (
    select * from (values
        ('aaa:1', 'aaa'),
        ('aaa:2', 'aaa'),
        ('bbb:1', 'bbb'),
        ('bbb:1', 'bbb'),
        ('ccc:1', 'ccc'),
        ('ccc:1', 'ddd'),
        ('9', 'eee'),
        ('fff1', 'fff'),
        ('ggg:1', null),
        (null, 'hhh'),
        (null, 'hhh')
    ) as t(row_key, document_sha256)
),

failures as (
    {{ unique_key_of_document_check('fixture', 'row_key') }}
),

expected as (
    select * from (values
        ('bbb:1', 'bbb', 2, 'duplicate'),
        ('ccc:1', 'ccc', 2, 'duplicate'),
        ('ccc:1', 'ddd', 1, 'not of its document'),
        ('9', 'eee', 1, 'not of its document'),
        ('fff1', 'fff', 1, 'not of its document'),
        ('ggg:1', null, 1, 'not of its document')
    ) as t(key_value, document_sha256, n_records, problem)
),

missing as (
    select 'expected, not reported' as mismatch, * from (select * from expected except all select * from failures)
),

unexpected as (
    select 'reported, not expected' as mismatch, * from (select * from failures except all select * from expected)
)

select * from missing
union all
select * from unexpected
