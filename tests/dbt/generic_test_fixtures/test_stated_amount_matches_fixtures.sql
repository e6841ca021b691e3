-- Tests the stated_amount check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- 2016 budget, line 162: 一般公共服务支出 比上年增加 831.70 万元 = 5,478.02 − 4,646.32 (表四). Each 万元 figure with
-- 2 decimals is honest within 50 yuan: the stated change (50) + the two table figures (100) allow 150 yuan.
with

fixture as (
    select * from (values
        ('pass_change',      'change', 8317000.00,  50, 8317000.00, 100),
        ('fail_change',      'change', 8417000.00,  50, 8317000.00, 100),
        ('just_inside',      'change', 8317150.00,  50, 8317000.00, 100),
        ('just_outside',     'change', 8317150.01,  50, 8317000.00, 100),
        ('just_outside_low', 'change', 8316849.99,  50, 8317000.00, 100),
        ('pass_total',       'total',  61506400.00, 50, 61506400.00, 50),
        ('fail_total',       'total',  61506400.00, 50, 61507400.00, 50),
        ('total_on_border',  'total',  61506400.00, 50, 61506500.00, 50),
        ('not_checked',      'total',  61506400.00, 50, null,        null)
    ) as t(case_id, statement_kind, stated_yuan, stated_half_step, computed_yuan, computed_half_step_yuan)
),

prepared as (
    select *, case_id as document_sha256, case_id as file_name, 1 as line_start, 1 as line_end,
        case_id as source_locator, case_id as subject_label
    from fixture
),

failures as (
    {{ stated_amount_check('prepared', 'stated_yuan', 'stated_half_step', 'computed_yuan', 'computed_half_step_yuan',
        rule_id="case statement_kind when 'change' then 'NAR-CHANGE-001' else 'NAR-TOTAL-001' end") }}
),

expected as (
    select * from (values
        ('fail_change', 'NAR-CHANGE-001', 100000.00, 150),
        ('just_outside', 'NAR-CHANGE-001', 150.01, 150),
        ('just_outside_low', 'NAR-CHANGE-001', -150.01, 150),
        ('fail_total', 'NAR-TOTAL-001', -1000.00, 100)
    ) as t(case_id, rule_id, difference, tolerance)
),

actual as (
    select document_sha256 as case_id, rule_id, difference, tolerance from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong evidence', "a.rule_id <> e.rule_id or a.difference <> e.difference or a.tolerance <> e.tolerance"],
    ]) }}
)

select * from mismatches
