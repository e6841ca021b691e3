-- Tests the reported_rate check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- Amounts in 元 with 0 decimals (honest within 0.5), rates with 1 decimal (honest within 0.05 points):
-- 100 / 200 can be anything from 99.5/200.5 = 49.626% to 100.5/199.5 = 50.376%, so a printed 50.4 or 49.6 is
-- just inside and 50.5 or 49.5 just outside.
with

fixture as (
    select * from (values
        ('pass_2023_report',   99.93, 2, 151300.00, 2, 151400.00, 2, 10000),
        ('pass_2022_report',  100,    0, 165000.00, 1, 165000.00, 1, 10000),
        ('fail_wrong_rate',    98.00, 2, 151300.00, 2, 151400.00, 2, 10000),
        ('just_inside_high',   50.4,  1, 100,       0, 200,       0, 1),
        ('just_outside_high',  50.5,  1, 100,       0, 200,       0, 1),
        ('just_inside_low',    49.6,  1, 100,       0, 200,       0, 1),
        ('just_outside_low',   49.5,  1, 100,       0, 200,       0, 1),
        ('zero_basis',        100,    0, 0,         0, 0,         0, 1),
        ('basis_zero_in_rounding', 100, 0, 0.4,     1, 0.4,       0, 1),
        ('small_basis_passes', 100,   0, 0.4,       1, 0.4,       1, 1),
        ('no_rate_printed',   null,   0, 5,         0, 10,        0, 1)
    ) as t(case_id, rate_pct, rate_decimals, actual, actual_decimals, basis, basis_decimals, unit_multiplier)
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
    {{ reported_rate_check('prepared', 'rate_pct', 'rate_decimals', 'actual', 'actual_decimals', 'basis',
                           'basis_decimals') }}
),

expected as (
    select * from (values
        ('fail_wrong_rate', 'EXE-RATE-001'),
        ('just_outside_high', 'EXE-RATE-001'),
        ('just_outside_low', 'EXE-RATE-001'),
        ('zero_basis', 'EXE-RATE-002'),
        ('basis_zero_in_rounding', 'EXE-RATE-002')
    ) as t(case_id, rule_id)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule', "a.rule_id <> e.rule_id"],
        ['missing evidence', "a.rule_id = 'EXE-RATE-001'"
                             ~ " and (a.lhs is null or a.rhs is null or a.difference is null or a.tolerance is null)"],
    ]) }}
)

select * from mismatches
