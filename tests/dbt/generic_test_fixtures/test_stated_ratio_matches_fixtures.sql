-- Tests the stated_ratio check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- Growth (offset 100), 2016 budget line 176: 医疗卫生与计划生育支出 22.84 万元, 上年 16.84 万元, 增长 35.63%. With the
-- rounding of both amounts (±50 yuan) 228450 / 168350 − 1 = 35.699…%, so 35.70 is just inside and 35.71 just
-- outside; 228350 / 168450 − 1 = 35.559…%, so 35.56 is just inside and 35.55 just outside.
-- Share (offset 0), line 126: 一般公共服务支出 5,478.02 of 6,150.64 = 89.064%: 89.06 passes, 89.07 fails.
with

fixture as (
    select * from (values
        ('growth_pass',          'growth', 35.63, 0.005, 228400,   50, 168400,   50, 100),
        ('growth_just_inside',   'growth', 35.70, 0.005, 228400,   50, 168400,   50, 100),
        ('growth_just_outside',  'growth', 35.71, 0.005, 228400,   50, 168400,   50, 100),
        ('growth_low_inside',    'growth', 35.56, 0.005, 228400,   50, 168400,   50, 100),
        ('growth_low_outside',   'growth', 35.55, 0.005, 228400,   50, 168400,   50, 100),
        ('growth_zero_base',     'growth', 100.00, 0.005, 5015000, 50, 0,         0, 100),
        ('share_pass',           'share',  89.06, 0.005, 54780200, 50, 61506400, 50, 0),
        ('share_fail',           'share',  89.07, 0.005, 54780200, 50, 61506400, 50, 0),
        ('share_zero_whole',     'share',  10.00, 0.005, 100,      50, 40,       50, 0),
        ('not_checked',          'share',  10.00, 0.005, 100,      50, null,   null, 0)
    ) as t(case_id, statement_kind, stated_pct, stated_half_step, num, num_h, den, den_h, offset_pct)
),

prepared as (
    select *, case_id as document_sha256, case_id as file_name, 1 as line_start, 1 as line_end,
        case_id as source_locator, case_id as subject_label
    from fixture
),

failures as (
    {{ stated_ratio_check('prepared', 'stated_pct', 'stated_half_step', 'num', 'num_h', 'den', 'den_h', 'offset_pct',
        rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-001' else 'NAR-SHARE-001' end",
        zero_rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-002' else 'NAR-SHARE-002' end") }}
),

expected as (
    select * from (values
        ('growth_just_outside', 'NAR-GROWTH-001'),
        ('growth_low_outside', 'NAR-GROWTH-001'),
        ('growth_zero_base', 'NAR-GROWTH-002'),
        ('share_fail', 'NAR-SHARE-001'),
        ('share_zero_whole', 'NAR-SHARE-002')
    ) as t(case_id, rule_id)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule', "a.rule_id <> e.rule_id"],
        ['missing evidence', "a.rule_id like '%-001'"
                             ~ " and (a.lhs is null or a.rhs is null or a.difference is null or a.tolerance is null)"],
        ['wrong recomputed value', "a.case_id = 'share_fail' and round(a.rhs, 4) <> 89.0642"],
    ]) }}
)

select * from mismatches
