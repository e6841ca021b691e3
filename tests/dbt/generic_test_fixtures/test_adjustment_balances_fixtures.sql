-- Tests the adjustment_balances check on inline fixtures. Returns a row for every case whose outcome differs from
-- the expected one (so it passes when the check fails exactly the expected cases, with the expected evidence).
-- 万元 figures with 2 decimals are honest within 50 yuan each; three of them: tolerance 150 yuan.
with

fixture as (
    select * from (values
        ('pass_exact',        450000.00, -298600.00, 151400.00, 2, 2, 2, 10000),
        ('fail_cut_ignored',  450000.00, -298600.00, 450000.00, 2, 2, 2, 10000),
        ('fail_off_by_1000',  450000.00, -298600.00, 152400.00, 2, 2, 2, 10000),
        ('just_inside',       450000.00, -298600.00, 151550.00, 2, 2, 2, 10000),
        ('just_outside',      450000.00, -298600.00, 151550.01, 2, 2, 2, 10000),
        ('coarse_decimals',   800000.00, -635000.00, 165400.00, 0, 1, 1, 10000),
        ('addition_passes',   100.00,    20.00,      120.00,    0, 0, 0, 1),
        ('no_adjustment',     100.00,    null,       999.00,    0, 0, 0, 1)
    ) as t(case_id, initial_yuan, adjustment_yuan, adjusted_yuan, initial_decimals, adjustment_decimals,
           adjusted_decimals, unit_multiplier)
),

prepared as (
    select
        *,
        case_id as document_sha256,
        case_id as file_name,
        1 as line_start,
        1 as line_end,
        case_id as source_locator
    from fixture
),

failures as (
    {{ adjustment_balances_check('prepared', 'initial_yuan', 'adjustment_yuan', 'adjusted_yuan', 'initial_decimals',
                                 'adjustment_decimals', 'adjusted_decimals') }}
),

expected as (
    select * from (values
        ('fail_cut_ignored', 151400.00, 450000.00, 1.50),
        ('fail_off_by_1000', 151400.00, 152400.00, 1.50),
        ('just_outside',     151400.00, 151550.01, 1.50)
    ) as t(case_id, lhs, rhs, tolerance_hundreds)
),

actual as (
    select document_sha256 as case_id, lhs, rhs, tolerance / 100 as tolerance_hundreds, rule_id from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong evidence', "a.lhs <> e.lhs or a.rhs <> e.rhs or a.tolerance_hundreds <> e.tolerance_hundreds"
                           ~ " or a.rule_id <> 'EXE-ADJ-001'"],
    ]) }}
)

select * from mismatches
