-- Tests the figures_agree (cross-table identity) check on inline fixtures; returns a row for every case whose
-- outcome is not the expected. Each case is its own document. Amounts in yuan: 万元 with 2 decimals is honest
-- within 50 yuan, with 1 decimal within 500. The same amount printed twice to the same precision must be identical
-- (326.71 vs 326.72 fails); 146.8 (1 decimal) and 146.77 may be the same amount (difference 300 < 550), 146.8 and
-- 146.74 may not (600 >= 550). A document that prints no table of one side is not bound by the identity. A side
-- whose pattern matches two of a document's tables sums both and names both (C, D).
with

identities as (
    select * from (values
        ('i_total', 'TBL-XTAB-001', 'eq', 'none', 'zero', '^A$', 'x', 'total', '', '', '', '', '^B$', 'y', 'total', '', '', '', '', 'A total = B total'),
        ('i_code', 'TBL-XTAB-001', 'eq', 'code', 'zero', '^P$', 'v', 'item', '', '', '一次性专项', '', '^B$', 'p', 'item', '', '', '', '', 'one-off projects by code = B column p'),
        ('i_label', 'TBL-XTAB-001', 'eq', 'label', 'skip', '^S$', 'n', 'item', '', '', '', 'expenditure', '^B$', 'y', 'class', '', '', '', '', 'summary lines = B class rows'),
        ('i_le', 'TBL-XTAB-002', 'le', 'row', 'skip', '^F$', 'f', '', '', '', '', '', '^W$', 'w', '', '', '', '', '', 'fiscal within all'),
        ('i_bal', 'TBL-BAL-001', 'eq', 'table', 'zero', '^T$', '', 'total', '总计', '', '', 'income', '^T$', '', 'total', '总计', '', '', 'expenditure', 'income = expenditure'),
        ('i_measure', 'TBL-BAL-001', 'eq', 'none', 'zero', '^M$', '', '', '', 'fiscal_appropriation|other_funds', '', '', '^M$', '', '', '', 'basic_expenditure', '', '', 'sources = uses'),
        ('i_two', 'TBL-XTAB-001', 'eq', 'none', 'zero', '^[CD]$', 'x', 'total', '', '', '', '', '^E$', 'y', 'total', '', '', '', '', 'C and D totals = E total')
    ) as t(identity_id, rule_id, op, match_on, unmatched, left_table, left_column, left_rows, left_label, left_measure,
           left_group, left_side, right_table, right_column, right_rows, right_label, right_measure, right_group,
           right_side, description)
),

cells as (
    select
        case_id || ':' || cast(line as varchar) || ':' || column_key as figure_id,
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        cast(null as integer) as page,
        line as line_start,
        line as line_end,
        table_name,
        row_kind,
        nullif(row_code, '') as row_code,
        nullif(unit_code, '') as unit_code,
        label as row_label,
        label as label_norm,
        nullif(measure, '') as measure,
        nullif(group_label, '') as group_label,
        nullif(side, '') as side,
        column_key,
        cast(cell_value as varchar) as value_text,
        cast(cell_value as decimal(38, 6)) as cell_value,
        cast(half_step as decimal(38, 6)) as cell_half_step,
        column_key = 'rate' as is_percent
    from (values
        ('total_pass', 1, 'A', 'total', '', '', '合计', '', '', '', 'x', 1467700, 50),
        ('total_pass', 2, 'B', 'total', '', '', '合计', '', '', '', 'y', 1467700, 50),
        ('total_one_step', 1, 'A', 'total', '', '', '合计', '', '', '', 'x', 3267100, 50),
        ('total_one_step', 2, 'B', 'total', '', '', '合计', '', '', '', 'y', 3267200, 50),
        ('total_just_inside', 1, 'A', 'total', '', '', '合计', '', '', '', 'x', 1468000, 500),
        ('total_just_inside', 2, 'B', 'total', '', '', '合计', '', '', '', 'y', 1467700, 50),
        ('total_just_outside', 1, 'A', 'total', '', '', '合计', '', '', '', 'x', 1468000, 500),
        ('total_just_outside', 2, 'B', 'total', '', '', '合计', '', '', '', 'y', 1467400, 50),
        ('unit_slip', 1, 'A', 'total', '', '', '合计', '', '', '', 'x', 1467700, 50),
        ('unit_slip', 2, 'B', 'total', '', '', '合计', '', '', '', 'y', 14677000000, 50),
        ('code_pass', 1, 'P', 'item', '2010302', '127001', '设备购置费', '', '一次性专项', '', 'v', 750000, 50),
        ('code_pass', 2, 'P', 'item', '2010302', '127001', '修缮经费', '', '一次性专项', '', 'v', 500000, 50),
        ('code_pass', 3, 'P', 'item', '2010302', '127001', '物业管理费', '', '经常性专项', '', 'v', 800000, 50),
        ('code_pass', 4, 'B', 'item', '2010302', '127001', '一般行政管理事务', '', '', '', 'p', 1250000, 50),
        ('code_unmatched', 1, 'P', 'item', '2010303', '127001', '新项目', '', '一次性专项', '', 'v', 10000, 50),
        ('code_unmatched', 2, 'B', 'item', '2010302', '127001', '一般行政管理事务', '', '', '', 'q', 10000, 50),
        -- a document printing 表四's 项目支出 but no 表六 at all: the identity does not bind it (not 0 vs 304900)
        ('table_missing', 1, 'B', 'item', '2010302', '127001', '一般行政管理事务', '', '', '', 'p', 304900, 50),
        ('label_skip', 1, 'S', 'item', '', '', '其他收入', '', '', 'income', 'n', 62000, 50),
        ('label_skip', 2, 'S', 'item', '', '', '社会保障和就业支出', '', '', 'expenditure', 'n', 3267100, 50),
        ('label_skip', 3, 'S', 'item', '', '', '卫生健康支出', '', '', 'expenditure', 'n', 609900, 50),
        ('label_skip', 4, 'B', 'class', '208', '', '社会保障和就业支出', '', '', '', 'y', 3267200, 50),
        ('label_skip', 5, 'B', 'class', '210', '', '卫生健康支出', '', '', '', 'y', 609900, 50),
        ('le_pass', 1, 'F', 'item', '2010301', '127001', '行政运行', '', '', '', 'f', 5000, 50),
        ('le_pass', 2, 'W', 'item', '2010301', '127001', '行政运行', '', '', '', 'w', 5000, 50),
        ('le_fail', 1, 'F', 'item', '2010301', '127001', '行政运行', '', '', '', 'f', 6000, 50),
        ('le_fail', 2, 'W', 'item', '2010301', '127001', '行政运行', '', '', '', 'w', 5000, 50),
        ('balance_fail', 9, 'T', 'total', '', '', '总计', '', '', 'income', '决算数', 34013600, 50),
        ('balance_fail', 9, 'T', 'total', '', '', '总计', '', '', 'expenditure', '决算数', 34003600, 50),
        ('balance_pass', 9, 'T', 'total', '', '', '总计', '', '', 'income', '决算数', 29953900, 50),
        ('balance_pass', 9, 'T', 'total', '', '', '总计', '', '', 'expenditure', '决算数', 29953900, 50),
        ('measures_fail', 9, 'M', 'item', '', '', '财政拨款', 'fiscal_appropriation', '', '', '预算金额', 34003600, 50),
        ('measures_fail', 11, 'M', 'item', '', '', '其他资金', 'other_funds', '', '', '预算金额', 10000, 50),
        ('measures_fail', 9, 'M', 'item', '', '', '基本支出', 'basic_expenditure', '', '', '预算金额', 34003600, 50),
        ('percent_ignored', 1, 'A', 'total', '', '', '合计', '', '', '', 'rate', 94, 0.5),
        -- a side whose pattern matches two tables of the document sums both, and the finding names both
        ('two_tables', 1, 'C', 'total', '', '', '合计', '', '', '', 'x', 1000000, 50),
        ('two_tables', 2, 'D', 'total', '', '', '合计', '', '', '', 'x', 2000000, 50),
        ('two_tables', 3, 'E', 'total', '', '', '合计', '', '', '', 'y', 2500000, 50)
    ) as t(case_id, line, table_name, row_kind, row_code, unit_code, label, measure, group_label, side, column_key,
           cell_value, half_step)
),

known as (
    select * from (values ('TBL-XTAB-001', 'nothing.txt', '1', 'fixture')) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ figures_agree_check('cells', 'identities', 'known') }}
),

expected as (
    select * from (values
        ('total_one_step', 'TBL-XTAB-001', 3267100, 3267200, 100),
        ('total_just_outside', 'TBL-XTAB-001', 1468000, 1467400, 550),
        ('unit_slip', 'TBL-UNIT-001', 1467700, 14677000000, 100),
        ('code_unmatched', 'TBL-XTAB-001', 10000, 0, 50),
        ('label_skip', 'TBL-XTAB-001', 3267100, 3267200, 100),
        ('le_fail', 'TBL-XTAB-002', 6000, 5000, 100),
        ('balance_fail', 'TBL-BAL-001', 34013600, 34003600, 100),
        ('measures_fail', 'TBL-BAL-001', 34013600, 34003600, 150),
        ('two_tables', 'TBL-XTAB-001', 3000000, 2500000, 150)
    ) as t(case_id, rule_id, lhs, rhs, tolerance)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance, line_start, message from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs"
                                   ~ " or a.tolerance <> e.tolerance or a.difference <> a.lhs - a.rhs"],
        ['points at the wrong line', "a.case_id = 'label_skip' and a.line_start <> 2"],
        ['does not name every table summed', "a.case_id = 'two_tables'"
                                             ~ " and a.message not like 'C and D totals = E total: C, D (合计) = %'"],
    ]) }}
)

select * from mismatches
