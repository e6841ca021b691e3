-- Tests the check_passes selection on inline fixtures: of a failures model holding rows of two checks, only the
-- rows of the named check are returned (both of them), and none when the check has no failing row.
with

failures as (
    select * from (values
        ('rows_add_up', 'sum_a'),
        ('rows_add_up', 'sum_b'),
        ('figures_agree_across_tables', 'identity_a')
    ) as t(check_name, case_id)
),

actual as (
    {{ failures_of_check('failures', 'rows_add_up') }}
    union all
    {{ failures_of_check('failures', 'rows_have_children') }}
),

expected as (
    select * from (values ('sum_a'), ('sum_b')) as t(case_id)
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true) }}
)

select * from mismatches
