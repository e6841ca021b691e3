-- Tests the rates_at_most_hundred check on inline fixtures: 132% in a rate column is reported, 100% and a 132 that
-- is not in a rate column (an amount) are not.
with

formulas as (
    select * from (values ('f9', 'TBL-FORMULA-002', '^表四 ', '9', '8÷7', 'ratio')) as t(formula_id, rule_id,
        table_pattern, result_column, operands, kind)
),

cells as (
    select case_id as document_sha256, case_id || '.txt' as file_name, cast(null as integer) as page, 5 as line_start,
        5 as line_end, '表四 一般公共预算支出预算表' as table_name, case_id as row_label, cast(null as varchar) as row_code,
        column_key, cast(cell_value as decimal(38, 6)) as cell_value, cast(cell_value as varchar) as value_text,
        is_percent
    from (values
        ('over', '9', 132, true), ('exactly_100', '9', 100, true), ('amount', '8', 132, false)
    ) as t(case_id, column_key, cell_value, is_percent)
),

known as (
    select * from (values ('EXE-RATE-003', 'nothing.txt', '1', 'fixture')) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ rates_at_most_hundred_check('cells', 'formulas', 'known') }}
)

select document_sha256, 'unexpected' as problem from failures where document_sha256 <> 'over'
union all
select 'over', 'not reported' where not exists (select 1 from failures where document_sha256 = 'over' and lhs = 132)
