-- Tests the rate_basis check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- 2022 白云 report (line 19): 年初 80 万元, 调整后 16.5 万元, 实际 16.5 万元, 执行率 100%: actual ÷ adjusted, fine.
-- Had it printed 20.6% (= 16.5 / 80), it would divide by 年初预算 although an adjusted budget exists.
-- Report amounts are in yuan from 万元 (unit_multiplier 10000: 16.5 万元 printed with 1 decimal is honest within 500).
with

fixture as (
    select * from (values
        ('report_2022',      100,  0, 165000, 1, 800000, 0, 165000, 1, 'adjusted_budget'),
        ('divides_by_initial', 20.6, 1, 165000, 1, 800000, 0, 165000, 1, 'adjusted_budget'),
        ('no_declared_basis',  20.6, 1, 165000, 1, 800000, 0, 165000, 1, null),
        ('declared_initial_ok', 20.6, 1, 165000, 1, 800000, 0, 165000, 1, 'initial_budget'),
        ('declared_initial_but_adjusted', 100, 0, 165000, 1, 800000, 0, 165000, 1, 'initial_budget'),
        ('no_adjustment',      50,   0, 100,    0, 200,    0, 200,    0, 'adjusted_budget'),
        ('within_rounding',    50,   0, 100,    0, 200,    0, 200.4,  1, 'adjusted_budget'),
        ('fits_neither',       70,   0, 100,    0, 200,    0, 300,    0, 'adjusted_budget')
    ) as t(case_id, rate_pct, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
           adjusted_decimals, rate_basis)
),

prepared as (
    select
        *,
        case when initial > 1000 then 10000 else 1 end as unit_multiplier,
        case_id as document_sha256,
        case_id as file_name,
        1 as line_start,
        1 as line_end,
        case_id as source_locator
    from fixture
),

failures as (
    {{ rate_basis_check('prepared', 'rate_pct', 'rate_decimals', 'actual', 'actual_decimals', 'initial',
                        'initial_decimals', 'adjusted', 'adjusted_decimals', 'rate_basis') }}
),

expected as (
    select * from (values ('divides_by_initial'), ('no_declared_basis'), ('declared_initial_but_adjusted'))
        as t(case_id)
),

actual as (
    select document_sha256 as case_id, rule_id from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[['wrong rule', "a.rule_id <> 'EXE-BASIS-001'"]]) }}
)

select * from mismatches
