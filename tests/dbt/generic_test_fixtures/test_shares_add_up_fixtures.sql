-- Tests the shares_add_up check on inline fixtures; returns a row for every group whose outcome is not the expected.
-- Group 功能分类 (2016 budget lines 126-130): 89.06 + 8.15 + 0.37 + 2.41 = 99.99, four shares of 2 decimals are
-- honest within 0.02 of their sum: passes. The others are made up around it.
with

fixture as (
    select * from (values
        ('functions', 89.06, 54780200, 61506400), ('functions', 8.15, 5015000, 61506400),
        ('functions', 0.37, 228400, 61506400), ('functions', 2.41, 1482800, 61506400),
        ('two_fail', 10.66, 6558400, 61506400), ('two_fail', 89.30, 54948000, 61506400),
        ('thirds_inside', 33.33, 100, 300), ('thirds_inside', 33.33, 100, 300), ('thirds_inside', 33.33, 100, 300),
        ('thirds_outside', 33.34, 100, 300), ('thirds_outside', 33.34, 100, 300),
        ('thirds_outside', 33.34, 100, 300),
        ('some_parts_only', 30.00, 300, 1000), ('some_parts_only', 20.00, 200, 1000),
        ('part_unknown', 60.00, 600, 1000), ('part_unknown', 30.00, null, 1000)
    ) as t(group_id, share_pct, part_yuan, whole_yuan)
),

prepared as (
    select
        *,
        group_id as document_sha256,
        group_id as file_name,
        1 as line_start,
        1 as line_end,
        cast(0.005 as decimal(10, 3)) as share_half_step,
        case when whole_yuan > 1000 then 50 else 0.5 end as part_half_step,
        case when whole_yuan > 1000 then 50 else 0.5 end as whole_half_step
    from fixture
),

failures as (
    {{ shares_add_up_check('prepared', 'group_id', 'share_pct', 'share_half_step', 'part_yuan', 'part_half_step',
        'whole_yuan', 'whole_half_step') }}
),

expected as (
    select * from (values ('two_fail', 99.96), ('thirds_outside', 100.02)) as t(group_id, share_sum)
),

actual as (
    select document_sha256 as group_id, lhs as share_sum, rule_id, tolerance from failures
),

mismatches as (
    {{ fixture_mismatches(key='group_id', checks=[
        ['wrong evidence', "a.share_sum <> e.share_sum or a.rule_id <> 'NAR-SHARE-003'"],
    ]) }}
)

select * from mismatches
