with

execution as (
    select * from {{ ref('int_execution_pivoted') }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

joined as (
    select
        execution.*,
        documents.fiscal_year,
        documents.department_id,
        documents.department_name
    from execution
    inner join documents using (document_sha256)
),

computed as (
    select
        *,
        'adjusted_budget' as rate_basis,
        case when adjusted_budget_yuan > 0
            then cast(round(100 * actual_yuan / adjusted_budget_yuan, 2) as decimal(9, 2))
        end as computed_rate_pct
    from joined
),

final as (
    select
        md5(document_sha256 || '|' || coalesce(project_name, '')) as execution_id,
        document_sha256,
        file_name,
        fiscal_year,
        department_id,
        department_name,
        project_name,
        printed_unit,
        cast(unit_multiplier as bigint) as unit_multiplier,
        cast(initial_budget_yuan as decimal(18, 2)) as initial_budget_yuan,
        initial_budget_decimals,
        cast(adjustment_yuan as decimal(18, 2)) as adjustment_yuan,
        adjustment_decimals,
        adjustment_label,
        cast(adjusted_budget_yuan as decimal(18, 2)) as adjusted_budget_yuan,
        adjusted_budget_decimals,
        adjusted_budget_label,
        cast(actual_yuan as decimal(18, 2)) as actual_yuan,
        actual_decimals,
        cast(reported_rate_pct as decimal(9, 2)) as reported_rate_pct,
        reported_rate_decimals,
        reported_rate_text,
        computed_rate_pct,
        rate_basis,
        line_start,
        line_end,
        {{ source_locator(page='cast(null as integer)') }} as source_locator,
        initial_budget_source,
        adjustment_source,
        adjusted_budget_source,
        actual_source,
        reported_rate_source
    from computed
)

select * from final
