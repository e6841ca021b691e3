-- One row per finding: what the loaders could not place or read, and every failing row of the arithmetic
-- rules (the same check macros the dbt tests run), each with its rule, severity and quoted source lines.
with

load_findings as (
    select * from {{ ref('stg_raw__load_findings') }}
),

rules as (
    select * from {{ ref('rule_catalog') }}
),

execution as (
    select * from {{ ref('fct_execution') }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

source_lines as (
    select distinct document_sha256, line_start, line_end, raw_text from figures
),

adjustment_failures as (
    {{ adjustment_balances_check(ref('fct_execution'), 'initial_budget_yuan', 'adjustment_yuan',
        'adjusted_budget_yuan', 'initial_budget_decimals', 'adjustment_decimals', 'adjusted_budget_decimals') }}
),

rate_failures as (
    {{ reported_rate_check(ref('fct_execution'), 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'adjusted_budget_yuan', 'adjusted_budget_decimals') }}
),

over_execution as (
    select
        'EXE-RATE-003' as rule_id,
        document_sha256,
        file_name,
        cast(null as integer) as page,
        line_start,
        line_end,
        source_locator,
        coalesce(reported_rate_pct, computed_rate_pct) as lhs,
        cast(100 as decimal(38, 6)) as rhs,
        coalesce(reported_rate_pct, computed_rate_pct) - 100 as difference,
        cast(0 as decimal(38, 6)) as tolerance,
        'execution rate ' || cast(coalesce(reported_rate_pct, computed_rate_pct) as varchar) || '% is above 100%'
            as message
    from execution
    where coalesce(reported_rate_pct, computed_rate_pct) > 100
),

-- table arithmetic (rules TBL-*): the same check macros the data tests on int_table_cells run
table_sum_failures as (
    {{ rows_add_up_check(ref('int_table_cells'), ref('int_table_row_links'), ref('known_discrepancies'),
        ref('stg_raw__load_findings')) }}
),

table_orphan_failures as (
    {{ rows_have_parents_check(ref('int_table_cells'), ref('int_table_row_links'), ref('known_discrepancies')) }}
),

table_formula_failures as (
    {{ column_formulas_check(ref('int_table_cells'), ref('table_column_formulas'), ref('known_discrepancies')) }}
),

table_identity_failures as (
    {{ figures_agree_check(ref('int_table_cells'), ref('table_identities'), ref('known_discrepancies')) }}
),

table_rate_warnings as (
    {{ rates_at_most_hundred_check(ref('int_table_cells'), ref('table_column_formulas'), ref('known_discrepancies')) }}
),

table_failures as (
    select * from table_rate_warnings
    union all by name
    select * from table_sum_failures
    union all by name
    select * from table_orphan_failures
    union all by name
    select * from table_formula_failures
    union all by name
    select * from table_identity_failures
),

rule_failures as (
    select * from table_failures
    union all by name
    select * from adjustment_failures
    union all by name
    select * from rate_failures
    union all by name
    select * from over_execution
),

loader_rows as (
    select
        load_finding_id as finding_id,
        rule_id,
        severity,
        document_sha256,
        file_name,
        page,
        line_start,
        line_end,
        {{ source_locator() }} as source_locator,
        raw_text as quoted_source,
        cast(null as decimal(38, 6)) as lhs,
        cast(null as decimal(38, 6)) as rhs,
        cast(null as decimal(38, 6)) as difference,
        cast(null as decimal(38, 6)) as tolerance,
        message
    from load_findings
),

quoted as (
    select
        rule_failures.rule_id,
        rule_failures.document_sha256,
        rule_failures.source_locator,
        string_agg(distinct source_lines.raw_text, chr(10)) as quoted_source
    from rule_failures
    inner join source_lines
        on source_lines.document_sha256 = rule_failures.document_sha256
        and source_lines.line_start <= rule_failures.line_end
        and source_lines.line_end >= rule_failures.line_start
    group by all
),

rule_rows as (
    select
        md5(rule_failures.rule_id || '|' || rule_failures.document_sha256 || '|' || rule_failures.source_locator
            || '|' || rule_failures.message) as finding_id,
        rule_failures.rule_id,
        rules.severity,
        rule_failures.document_sha256,
        rule_failures.file_name,
        rule_failures.page,
        rule_failures.line_start,
        rule_failures.line_end,
        rule_failures.source_locator,
        quoted.quoted_source,
        rule_failures.lhs,
        rule_failures.rhs,
        rule_failures.difference,
        rule_failures.tolerance,
        rule_failures.message
    from rule_failures
    left join rules using (rule_id)
    left join quoted using (rule_id, document_sha256, source_locator)
    qualify row_number() over (partition by finding_id order by rule_failures.message) = 1
),

final as (
    select * from loader_rows
    union all by name
    select * from rule_rows
)

select * from final
