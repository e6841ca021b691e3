-- Tests the rows_add_up check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- Each case is its own document. Amounts in yuan; figures printed in 万元 with 2 decimals are honest within 50 yuan,
-- so a parent and two children may differ by less than 150 yuan: 149 is just inside, 150 just outside (two sums of
-- figures rounded half-up cannot be 1.5 units apart), and one unit of the last digit between a parent and its only
-- child (100 yuan, tolerance 100) is outside.
with

cells as (
    select
        case_id || ':' || row_key || ':' || column_key as figure_id,
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        cast(null as integer) as page,
        line as line_start,
        line as line_end,
        case_id || ' table' as table_name,
        case_id || ':' || row_key as row_key,
        row_key as row_label,
        cast(null as varchar) as row_code,
        column_key,
        column_key as column_label,
        cast(cell_value as decimal(38, 6)) as cell_value,
        cast(half_step as decimal(38, 6)) as cell_half_step,
        cast(cell_value as varchar) as value_text,
        column_key = 'rate' as is_percent,
        cut_off as is_table_cut_off
    from (values
        ('pass_exact',      'p',  1, 'a', 3000000, 50, false),
        ('pass_exact',      'c1', 2, 'a', 1000000, 50, false),
        ('pass_exact',      'c2', 3, 'a', 2000000, 50, false),
        ('fail_off',        'p',  1, 'a', 3000000, 50, false),
        ('fail_off',        'c1', 2, 'a', 1000000, 50, false),
        ('fail_off',        'c2', 3, 'a', 1990000, 50, false),
        ('just_inside',     'p',  1, 'a', 3000000, 50, false),
        ('just_inside',     'c1', 2, 'a', 1000000, 50, false),
        ('just_inside',     'c2', 3, 'a', 1999851, 50, false),
        ('just_outside',    'p',  1, 'a', 3000000, 50, false),
        ('just_outside',    'c1', 2, 'a', 1000000, 50, false),
        ('just_outside',    'c2', 3, 'a', 1999850, 50, false),
        ('one_step_single', 'p',  1, 'a', 3267100, 50, false),
        ('one_step_single', 'c1', 2, 'a', 3267200, 50, false),
        ('parent_blank',    'p',  1, 'a', 3000000, 50, false),
        ('parent_blank',    'c1', 2, 'a', 1000000, 50, false),
        ('parent_blank',    'c1', 2, 'b',   50000, 50, false),
        ('parent_blank',    'c2', 3, 'a', 2000000, 50, false),
        ('unit_slip',       'p',  1, 'a', 3000000, 50, false),
        ('unit_slip',       'c1', 2, 'a', 1000000, 50, false),
        ('unit_slip',       'c2', 3, 'a', 20000000000, 50, false),
        ('cut_off_short',   'p',  1, 'a', 3000000, 50, true),
        ('cut_off_short',   'c1', 2, 'a', 1000000, 50, true),
        ('cut_off_over',    'p',  1, 'a', 3000000, 50, true),
        ('cut_off_over',    'c1', 2, 'a', 4000000, 50, true),
        ('unlanded_inside', 'p',  1, 'a', 3000000, 50, false),
        ('unlanded_inside', 'c1', 3, 'a', 1000000, 50, false),
        ('partly_landed',   'p',  1, 'a', 3000000, 50, false),
        ('partly_landed',   'c1', 2, 'a', 1000000, 50, false),
        ('known_error',     'p',  1, 'a', 3000000, 50, false),
        ('known_error',     'c1', 2, 'a', 1000000, 50, false),
        ('percent_ignored', 'p',  1, 'rate', 94, 0.5, false),
        ('percent_ignored', 'c1', 2, 'rate', 50, 0.5, false),
        ('outline_fail',    'p',  1, 'a', 3000000, 50, false),
        ('outline_fail',    'c1', 2, 'a', 2000000, 50, false),
        ('structure_fail',  'p',  1, 'a', 3000000, 50, false),
        ('structure_fail',  'c1', 2, 'a', 2000000, 50, false)
    ) as t(case_id, row_key, line, column_key, cell_value, half_step, cut_off)
),

links as (
    select
        case_id || ':p|' || link_kind as partition_key,
        link_kind,
        case_id || ':p' as parent_row_key,
        case_id || ':' || child as child_row_key
    from (values
        ('pass_exact', 'c1', 'code'), ('pass_exact', 'c2', 'code'),
        ('fail_off', 'c1', 'code'), ('fail_off', 'c2', 'code'),
        ('just_inside', 'c1', 'code'), ('just_inside', 'c2', 'code'),
        ('just_outside', 'c1', 'code'), ('just_outside', 'c2', 'code'),
        ('one_step_single', 'c1', 'code'),
        ('parent_blank', 'c1', 'code'), ('parent_blank', 'c2', 'code'),
        ('unit_slip', 'c1', 'code'), ('unit_slip', 'c2', 'code'),
        ('cut_off_short', 'c1', 'structure'),
        ('cut_off_over', 'c1', 'structure'),
        ('unlanded_inside', 'c1', 'code'),
        ('known_error', 'c1', 'code'),
        ('partly_landed', 'c1', 'code'),
        ('percent_ignored', 'c1', 'code'),
        ('outline_fail', 'c1', 'outline'),
        ('structure_fail', 'c1', 'structure')
    ) as t(case_id, child, link_kind)
),

unlanded as (
    select * from (values
        ('unlanded_inside', 'LOAD-ROW-UNRESOLVED', cast(null as integer), 2, 2),
        -- line 2 landed its figure in column a (another column of it was ambiguous): the sum is still judged
        ('partly_landed', 'LOAD-AMBIGUOUS-ROW', cast(null as integer), 2, 2),
        ('pass_exact', 'LOAD-UNPLACED-FIGURE', cast(null as integer), 9, 9)  -- outside the partition: no effect
    ) as t(document_sha256, rule_id, page, line_start, line_end)
),

known as (
    select * from (values
        ('TBL-SUM-001', 'known_error.txt', '1-2', 'fixture: accepted on purpose')
    ) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ rows_add_up_check('cells', 'links', 'known', 'unlanded') }}
),

expected as (
    select * from (values
        ('fail_off', 'TBL-SUM-001', 'a', 3000000, 2990000, 150),
        ('just_outside', 'TBL-SUM-001', 'a', 3000000, 2999850, 150),
        ('one_step_single', 'TBL-SUM-001', 'a', 3267100, 3267200, 100),
        ('parent_blank', 'TBL-SUM-001', 'b', 0, 50000, 50),
        ('unit_slip', 'TBL-UNIT-001', 'a', 3000000, 20001000000, 150),
        ('partly_landed', 'TBL-SUM-001', 'a', 3000000, 1000000, 100),
        ('cut_off_short', 'TBL-INCOMPLETE-001', 'a', 3000000, 1000000, 100),
        ('cut_off_over', 'TBL-SUM-002', 'a', 3000000, 4000000, 100),
        ('outline_fail', 'TBL-SUM-003', 'a', 3000000, 2000000, 100),
        ('structure_fail', 'TBL-SUM-002', 'a', 3000000, 2000000, 100)
    ) as t(case_id, rule_id, column_key, lhs, rhs, tolerance)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance, message, line_start, line_end
    from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs"
                                   ~ " or a.tolerance <> e.tolerance or a.difference <> a.lhs - a.rhs"],
        ['slip not named', "a.rule_id = 'TBL-UNIT-001'"
                           ~ " and (a.message not like '%20000000000%10,000%' or a.line_start <> 3)"],
        ['blank parent not said', "a.case_id = 'parent_blank' and a.message not like '%prints nothing%'"],
    ]) }}
)

select * from mismatches
