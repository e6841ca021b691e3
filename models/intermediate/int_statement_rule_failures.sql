-- One row per failing statement, sentence or list of a prose rule (NAR-STATED-*, NAR-CALC-*, NAR-PARTS-*,
-- NAR-SHARE-1xx) with its evidence and quoted sentence (and table line): computed here once by the check macros of
-- macros/generic_tests/stated_figures.sql for both readers, the data tests on this model (which warn, one per
-- check) and fct_findings (which publishes them with the catalog's severity: error, warning or notice).
with

-- the statements of the documents recomputed in this run (every document outside an incremental build). Not
-- materialized: each of the three checks reads its own columns from the table; DuckDB materializes a CTE read more
-- than once, and a copy of all 60 columns of every statement cost 0.5 s of 2.5 at 10,000 documents
statements_in_scope as not materialized (
    select * from {{ ref('int_statements_linked') }}
    where {{ documents_in_scope() }}
),

stated_figure_failures as (
    {{ stated_figure_matches_check('statements_in_scope') }}
),

statement_arithmetic_failures as (
    {{ statement_arithmetic_check('statements_in_scope') }}
),

listed_parts_failures as (
    {{ listed_parts_check('statements_in_scope') }}
),

final as (
    select 'stated_figure_matches' as check_name, * from stated_figure_failures
    union all by name
    select 'statement_arithmetic' as check_name, * from statement_arithmetic_failures
    union all by name
    select 'listed_parts_add_up' as check_name, * from listed_parts_failures
)

select * from final
