-- Tests the over_execution check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- Printed rates: 132% (0 decimals) is at least 131.5%: over; 100% (0 decimals) may be 99.5%: not over even when the
-- amounts are; 100.1% with 1 decimal is at least 100.05%: over (just inside); 100.05% with 2 decimals may be 100.045%:
-- over; a printed 100.0 is not. No printed rate: amounts in 万元 with 2 decimals (honest within 50 yuan): 100.02 of
-- 100.00 is at least 100.0099%: over; 100.01 of 100.00 may be 100.005 of 100.005: not over (just outside); zero or
-- missing basis: nothing to say.
with

fixture as (
    select * from (values
        ('printed_132',         132,    0, 90000.00,   2, 68400.00,   2, 10000),
        ('printed_100_amounts_over', 100, 0, 2660000.00, 2, 2647100.00, 2, 10000),
        ('printed_100_1',       100.1,  1, 1001000.00, 2, 1000000.00, 2, 10000),
        ('printed_100_05',      100.05, 2, 1000500.00, 2, 1000000.00, 2, 10000),
        ('printed_100_0',       100.0,  1, 1000000.00, 2, 1000000.00, 2, 10000),
        ('computed_over',       null,   0, 1000200.00, 2, 1000000.00, 2, 10000),
        ('computed_in_rounding', null,  0, 1000100.00, 2, 1000000.00, 2, 10000),
        ('computed_under',      null,   0, 990000.00,  2, 1000000.00, 2, 10000),
        ('zero_basis',          null,   0, 100.00,     2, 0.00,       2, 10000),
        ('no_basis',            null,   0, 100.00,     2, null,       2, 10000)
    ) as t(case_id, rate_pct, rate_decimals, actual, actual_decimals, basis, basis_decimals, unit_multiplier)
),

prepared as (
    select
        *,
        case_id as document_sha256,
        case_id as file_name,
        cast(null as integer) as page,
        1 as line_start,
        1 as line_end,
        case_id as source_locator
    from fixture
),

failures as (
    {{ over_execution_check('prepared', 'rate_pct', 'rate_decimals', 'actual', 'actual_decimals', 'basis',
                            'basis_decimals') }}
),

expected as (
    select * from (values
        ('printed_132', 132.0, 0.5),
        ('printed_100_1', 100.1, 0.05),
        ('printed_100_05', 100.05, 0.005),
        ('computed_over', 100.02, 0.010001)
    ) as t(case_id, lhs, tolerance)
),

actual as (
    select document_sha256 as case_id, lhs, tolerance, rule_id from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong evidence', "a.rule_id <> 'EXE-RATE-003' or a.lhs <> cast(e.lhs as decimal(38, 6))"
                           ~ " or abs(a.tolerance - cast(e.tolerance as decimal(38, 6))) > 0.000001"],
    ]) }}
)

select * from mismatches
