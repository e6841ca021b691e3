-- Tests the column_formulas check on inline fixtures; returns a row for every case whose outcome is not the
-- expected. Amounts in yuan printed in 万元 with 2 decimals (half-step 50); rates in percent with 0 decimals
-- (half-step 0.5). 表四-like row: 10 = 11 + 15, 9 = 8 ÷ 7; 表五-like row: 3 ⊇ 4 + 5 (其中).
with

formulas as (
    select * from (values
        ('f10', 'TBL-FORMULA-001', '^sum ', '10', '11+15', 'sum'),
        ('f9',  'TBL-FORMULA-002', '^ratio ', '9', '8÷7', 'ratio'),
        ('f3',  'TBL-PART-001', '^parts ', '3', '4+5', 'parts')
    ) as t(formula_id, rule_id, table_pattern, result_column, operands, kind)
),

cells as (
    select
        case_id || ':' || column_key as figure_id,
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        cast(null as integer) as page,
        7 as line_start,
        7 as line_end,
        kind || ' table' as table_name,
        case_id as row_key,
        case_id as row_label,
        cast(null as varchar) as row_code,
        cast(null as varchar) as unit_code,
        column_key,
        cast(cell_value as decimal(38, 6)) as cell_value,
        cast(half_step as decimal(38, 6)) as cell_half_step,
        column_key = '9' as is_percent
    from (values
        ('sum_fail',          'sum', '10', 54798000, 50), ('sum_fail', 'sum', '11', 4847200, 50),
        ('sum_fail',          'sum', '15', 49933000, 50),
        ('sum_exact',         'sum', '10', 54780200, 50), ('sum_exact', 'sum', '11', 4847200, 50),
        ('sum_exact',         'sum', '15', 49933000, 50),
        ('sum_blank_operand', 'sum', '10', 5015000, 50), ('sum_blank_operand', 'sum', '15', 5015000, 50),
        ('sum_just_inside',   'sum', '10', 1000149, 50), ('sum_just_inside', 'sum', '11', 500000, 50),
        ('sum_just_inside',   'sum', '15', 500000, 50),
        ('sum_just_outside',  'sum', '10', 1000150, 50), ('sum_just_outside', 'sum', '11', 500000, 50),
        ('sum_just_outside',  'sum', '15', 500000, 50),
        ('sum_other_columns', 'sum', '12', 100, 50),  -- prints no column of the formula: not checked
        ('ratio_pass',        'ratio', '7', 47361100, 50), ('ratio_pass', 'ratio', '8', 44392200, 50),
        ('ratio_pass',        'ratio', '9', 94, 0.5),
        ('ratio_over_100',    'ratio', '7', 68400, 50), ('ratio_over_100', 'ratio', '8', 90000, 50),
        ('ratio_over_100',    'ratio', '9', 132, 0.5),
        ('ratio_fail',        'ratio', '7', 68400, 50), ('ratio_fail', 'ratio', '8', 90000, 50),
        ('ratio_fail',        'ratio', '9', 123, 0.5),
        ('ratio_just_inside', 'ratio', '7', 200, 0.5), ('ratio_just_inside', 'ratio', '8', 100, 0.5),
        ('ratio_just_inside', 'ratio', '9', 50, 0.5),
        ('ratio_just_outside', 'ratio', '7', 200, 0.5), ('ratio_just_outside', 'ratio', '8', 100, 0.5),
        ('ratio_just_outside', 'ratio', '9', 51, 0.5),
        ('ratio_zero_basis',  'ratio', '8', 100, 0.5), ('ratio_zero_basis', 'ratio', '9', 50, 0.5),
        ('ratio_missing',     'ratio', '7', 200, 0.5), ('ratio_missing', 'ratio', '8', 100, 0.5),
        ('ratio_all_blank',   'ratio', '7', 200, 0.5),
        ('parts_pass',        'parts', '3', 1467700, 50), ('parts_pass', 'parts', '4', 75000, 50),
        ('parts_pass',        'parts', '5', 13700, 50),
        ('parts_one_too_big', 'parts', '3', 1467700, 50), ('parts_one_too_big', 'parts', '4', 1500000, 50),
        ('parts_sum_too_big', 'parts', '3', 100000, 50), ('parts_sum_too_big', 'parts', '4', 60000, 50),
        ('parts_sum_too_big', 'parts', '5', 60000, 50),
        ('parts_just_inside', 'parts', '3', 100000, 50), ('parts_just_inside', 'parts', '4', 60000, 50),
        ('parts_just_inside', 'parts', '5', 40149, 50)
    ) as t(case_id, kind, column_key, cell_value, half_step)
),

known as (
    select * from (values ('TBL-FORMULA-001', 'nothing.txt', '1', 'fixture')) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ column_formulas_check('cells', 'formulas', 'known') }}
),

expected as (
    select * from (values
        ('sum_fail', 'TBL-FORMULA-001'),
        ('ratio_just_outside', 'TBL-FORMULA-002'),
        ('sum_just_outside', 'TBL-FORMULA-001'),
        ('ratio_fail', 'TBL-FORMULA-002'),
        ('ratio_zero_basis', 'TBL-FORMULA-002'),
        ('ratio_missing', 'TBL-FORMULA-002'),
        ('parts_one_too_big', 'TBL-PART-001'),
        ('parts_sum_too_big', 'TBL-PART-001')
    ) as t(case_id, rule_id)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance, message from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule', "a.rule_id <> e.rule_id"],
        ['wrong evidence', "(a.case_id = 'sum_fail'"
                           ~ " and (a.lhs <> 54798000 or a.rhs <> 54780200 or a.tolerance <> 150))"
                           ~ " or (a.case_id = 'sum_just_outside' and (a.difference <> 150 or a.tolerance <> 150))"
                           ~ " or (a.case_id = 'ratio_fail'"
                           ~ " and (a.lhs <> 123 or a.rhs <> round(100 * 90000 / 68400, 6)))"],
    ]) }}
)

select * from mismatches
