-- One row per execution comparison: an evaluated project of a 绩效评价报告 (narrative), or a table line that prints
-- 年初预算 / 调整后预算 / 执行 side by side with its 执行率 or 完成率 (a 部门预算's prior-year columns, a 决算).
with

narrative as (
    select * from {{ ref('int_execution_pivoted') }}
),

table_rows as (
    select * from {{ ref('int_execution_table_rows_pivoted') }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

narrative_keyed as (
    select
        *,
        'evaluation_report' as source_kind,
        md5(document_sha256 || '|' || coalesce(project_name, '')) as execution_id,
        cast(null as integer) as page,
        cast(null as varchar) as table_name,
        cast(null as varchar) as row_kind,
        cast(null as varchar) as row_code,
        cast(null as varchar) as row_code_scheme,
        cast(null as varchar) as unit_code,
        cast(null as varchar) as row_label,
        cast(null as integer) as column_year
    from narrative
),

table_keyed as (
    select
        *,
        'table' as source_kind,
        md5(document_sha256 || '|' || table_name || '|' || coalesce(cast(page as varchar), '') || '|'
            || cast(line_start as varchar) || '|' || coalesce(cast(column_year as varchar), '')) as execution_id,
        cast(null as varchar) as project_name,
        cast(null as varchar) as adjustment_label,
        cast(null as decimal(38, 6)) as adjustment_yuan,
        cast(null as integer) as adjustment_decimals,
        cast(null as varchar) as adjustment_source
    from table_rows
),

unioned as (
    select * from narrative_keyed
    union all by name
    select * from table_keyed
),

joined as (
    select
        unioned.*,
        coalesce(unioned.column_year, documents.fiscal_year) as fiscal_year,
        documents.fiscal_year as document_fiscal_year,
        documents.department_id,
        documents.department_name
    from unioned
    inner join documents using (document_sha256)
),

with_basis as (
    select
        *,
        -- The rate's denominator: 调整后预算 when the document prints one, else 年初预算 (a 决算's 完成率).
        case
            when adjusted_budget_yuan is not null then 'adjusted_budget'
            when initial_budget_yuan is not null then 'initial_budget'
        end as rate_basis,
        coalesce(adjusted_budget_yuan, initial_budget_yuan) as rate_basis_yuan,
        case when adjusted_budget_yuan is not null then adjusted_budget_decimals else initial_budget_decimals end
            as rate_basis_decimals
    from joined
),

computed as (
    select
        *,
        case when rate_basis_yuan > 0
            then cast(round(100 * actual_yuan / rate_basis_yuan, 2) as decimal(9, 2))
        end as computed_rate_pct
    from with_basis
),

final as (
    select
        execution_id,
        source_kind,
        document_sha256,
        file_name,
        fiscal_year,
        document_fiscal_year,
        department_id,
        department_name,
        project_name,
        table_name,
        row_kind,
        case when row_code_scheme = 'function' then row_code end as function_code,
        case when row_code_scheme = 'economic' then row_code end as economic_code,
        unit_code,
        row_label,
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
        cast(rate_basis_yuan as decimal(18, 2)) as rate_basis_yuan,
        rate_basis_decimals,
        page,
        line_start,
        line_end,
        {{ source_locator() }} as source_locator,
        initial_budget_source,
        adjustment_source,
        adjusted_budget_source,
        actual_source,
        reported_rate_source
    from computed
)

select * from final
