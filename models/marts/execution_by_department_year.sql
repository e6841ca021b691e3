-- One row per department x fiscal year x source document: the budgets and spending of the execution lines to sum
-- (fct_execution.is_canonical_for_sum: every project of a 绩效评价报告; the leaf lines of the one table per document
-- and year that prints 年初预算 / 调整后预算 / 执行), added up, with the execution rate they give. Safe to sum over
-- departments for one source_kind; an evaluation report and a budget table of the same department and year may
-- describe the same money, so they are not added together here.
with

execution as (
    select * from {{ ref('fct_execution') }}
    where is_canonical_for_sum
),

summed as (
    select
        department_id,
        any_value(department_name) as department_name,
        fiscal_year,
        document_sha256,
        any_value(file_name) as file_name,
        source_kind,
        any_value(document_fiscal_year) as document_fiscal_year,
        any_value(table_name) as table_name,
        count(*) as lines,
        cast(sum(initial_budget_yuan) as decimal(18, 2)) as initial_budget_yuan,
        count(initial_budget_yuan) as initial_budget_lines,
        cast(sum(adjusted_budget_yuan) as decimal(18, 2)) as adjusted_budget_yuan,
        count(adjusted_budget_yuan) as adjusted_budget_lines,
        cast(sum(actual_yuan) as decimal(18, 2)) as actual_yuan,
        count(actual_yuan) as actual_lines,
        cast(sum(rate_basis_yuan) filter (where actual_yuan is not null) as decimal(18, 2)) as rate_basis_yuan,
        cast(sum(actual_yuan) filter (where rate_basis_yuan is not null) as decimal(18, 2)) as actual_on_basis_yuan
    from execution
    group by department_id, fiscal_year, document_sha256, source_kind
),

final as (
    select
        md5(concat_ws('|', coalesce(department_id, ''), cast(fiscal_year as varchar), document_sha256, source_kind))
            as execution_summary_id,
        department_id,
        department_name,
        fiscal_year,
        document_sha256,
        file_name,
        source_kind,
        document_fiscal_year,
        table_name,
        lines,
        initial_budget_yuan,
        initial_budget_lines,
        adjusted_budget_yuan,
        adjusted_budget_lines,
        actual_yuan,
        actual_lines,
        rate_basis_yuan,
        case when rate_basis_yuan > 0
            then cast(round(100 * actual_on_basis_yuan / rate_basis_yuan, 2) as decimal(9, 2))
        end as computed_rate_pct
    from summed
)

select * from final
