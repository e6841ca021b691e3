-- One row per failing list or blank of the prose rules on raw.statements that need no other document: counts listed
-- after 其中 against their whole (NAR-COUNT), a whole's change against its parts' changes (NAR-CHANGE-101/102) and a
-- unit or % printed with no number before it (NAR-TEXT-013), a balance stated as a running sum
-- (收入X，加上…，收入总计Y: NAR-SUM-001/002), a difference of two rates in 个百分点 (NAR-CALC-011), a share's move
-- (NAR-SHARE-201) and the “三公” total against its three parts stated apart (NAR-PARTS-301/302), with the evidence and
-- the quoted sentence(s). Computed
-- once by the check macros of macros/generic_tests/ for both the data tests on this model (which warn, one per check)
-- and fct_findings (which publishes them with the catalog's severity). Per document: an incremental build recomputes
-- only the documents in scope.
with

-- not materialized: each check reads a few of its columns; materialized whole (every column of every statement, the
-- sentences among them) for its ten readers it cost more than the checks (at 10,000 documents 2.7 s -> 1.25 s)
statements as not materialized (
    select * from {{ ref('stg_raw__statements') }}
    where {{ documents_in_scope() }}
),

count_part_failures as (
    {{ count_parts_check('statements') }}
),

listed_change_failures as (
    {{ listed_changes_check('statements') }}
),

empty_value_failures as (
    {{ empty_values_check('statements') }}
),

running_sum_failures as (
    {{ running_sums_check('statements') }}
),

rate_gap_failures as (
    {{ rate_gaps_check('statements') }}
),

share_move_failures as (
    {{ share_moves_check('statements') }}
),

three_public_part_failures as (
    {{ three_public_parts_check('statements') }}
),

final as (
    select 'count_parts' as check_name, * from count_part_failures
    union all by name
    select 'listed_changes' as check_name, * from listed_change_failures
    union all by name
    select 'empty_values' as check_name, * from empty_value_failures
    union all by name
    select 'running_sums' as check_name, * from running_sum_failures
    union all by name
    select 'rate_gaps' as check_name, * from rate_gap_failures
    union all by name
    select 'share_moves' as check_name, * from share_move_failures
    union all by name
    select 'three_public_parts' as check_name, * from three_public_part_failures
)

select * from final
