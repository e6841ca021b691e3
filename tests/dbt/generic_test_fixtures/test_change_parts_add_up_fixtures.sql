-- Tests the change_parts check (NAR-CHANGE-002) on inline fixtures; returns a row for every case whose outcome is
-- not the expected. Amounts in yuan; a change printed in 万元 with 2 decimals is honest within 50 yuan. Cases:
-- parts that add up (the 2016 广州 来穗局 budget: 1,414.53 = 294.71 + 1,119.82 万元; its “三公” 4.64 = −2.5 − 0.32 +
-- 7.46, the 2.5 honest within 500 yuan); a wrong stated part (289.60 ≠ −393.11 + 825.35); just inside and just
-- outside the tolerance (three figures: 150 yuan; a difference of exactly the tolerance cannot be rounding); parts
-- that do not make up the whole this year (a 其中 listing a few items: not checked); no current amounts stated for
-- the parts (not checked); a whole of zero change whose parts cancel out.
with

model as (
    select
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        10 as line_start,
        12 as line_end,
        case_id || '.txt:10-12' as source_locator,
        'S' as subject_label,
        'A、B' as part_labels,
        cast(whole as decimal(38, 6)) as stated_change_yuan,
        cast(whole_half as decimal(38, 6)) as stated_change_half_step_yuan,
        cast(parts as decimal(38, 6)) as parts_change_yuan,
        cast(parts_half as decimal(38, 6)) as parts_change_half_step_yuan,
        cast(whole_now as decimal(38, 6)) as whole_current_yuan,
        cast(50 as decimal(38, 6)) as whole_current_half_step_yuan,
        cast(parts_now as decimal(38, 6)) as parts_current_yuan,
        cast(100 as decimal(38, 6)) as parts_current_half_step_yuan
    from (values
        ('adds_up', 14145300, 50, 2947100 + 11198200, 100, 61506400, 6558400 + 54948000),
        ('three_public', 46400, 50, -25000 - 3200 + 74600, 600, 633300, 300000 + 250000 + 83300),
        ('wrong_part', 2896000, 50, -3931100 + 8253500, 100, 59874400, 28329700 + 31544700),
        ('just_inside', 1000000, 50, 1000149, 100, 5000000, 5000000),
        ('just_outside', 1000000, 50, 1000150, 100, 5000000, 5000000),
        ('a_few_items', 1000000, 50, 300000, 100, 5000000, 1200000),
        ('no_current', 1000000, 50, 300000, 100, 5000000, null),
        ('cancel_out', 0, 50, 500000 - 500000, 100, 5000000, 5000000)
    ) as t(case_id, whole, whole_half, parts, parts_half, whole_now, parts_now)
),

failures as (
    {{ change_parts_check('model') }}
),

expected as (
    select * from (values
        ('wrong_part', 2896000, 4322400, -1426400, 150),
        ('just_outside', 1000000, 1000150, -150, 150)
    ) as t(case_id, lhs, rhs, difference, tolerance)
),

actual as (
    select document_sha256 as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong evidence', "a.lhs <> e.lhs or a.rhs <> e.rhs or a.difference <> e.difference"
                           ~ " or a.tolerance <> e.tolerance or a.rule_id <> 'NAR-CHANGE-002'"],
    ]) }}
)

select * from mismatches
