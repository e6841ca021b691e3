-- One row per failing row of a table arithmetic rule (TBL-*), with its evidence: computed here once, by the check
-- macros of macros/generic_tests/, for both readers -- the data tests on this model (which warn, one per check)
-- and fct_findings (which publishes them). At 10,000 documents computing them twice cost seconds of every build.
with

-- the cells and row links of the documents recomputed in this run (every document outside an incremental build).
-- Not materialized: each check reads the few columns it needs straight from the tables (a shared copy of every
-- column of 1M cells cost more than the checks' own scans)
cells_in_scope as not materialized (
    select * from {{ ref('int_table_cells') }}
    where {{ documents_in_scope() }}
),

links_in_scope as not materialized (
    select * from {{ ref('int_table_row_links') }}
    where {{ documents_in_scope() }}
),

-- the coded rows, one per row_key: read by the orphan and the childless checks, aggregated once for both
coded_rows as (
    {{ coded_rows('cells_in_scope') }}
),

sum_failures as (
    {{ rows_add_up_check('cells_in_scope', 'links_in_scope', ref('known_discrepancies'),
        ref('stg_raw__load_findings')) }}
),

orphan_failures as (
    {{ rows_have_parents_check('cells_in_scope', 'links_in_scope', ref('known_discrepancies'), rows='coded_rows') }}
),

childless_failures as (
    {{ rows_have_children_check('cells_in_scope', 'links_in_scope', ref('known_discrepancies'), rows='coded_rows') }}
),

formula_failures as (
    {{ column_formulas_check('cells_in_scope', ref('table_column_formulas'), ref('known_discrepancies')) }}
),

identity_failures as (
    {{ figures_agree_check('cells_in_scope', ref('table_identities'), ref('known_discrepancies')) }}
),

final as (
    select 'rows_add_up' as check_name, * from sum_failures
    union all by name
    select 'rows_have_parents' as check_name, * from orphan_failures
    union all by name
    select 'rows_have_children' as check_name, * from childless_failures
    union all by name
    select 'column_formulas_hold' as check_name, * from formula_failures
    union all by name
    select 'figures_agree_across_tables' as check_name, * from identity_failures
)

select * from final
