-- 执行率 by department and year: for each department and year, what its evaluated projects (绩效评价报告) and its
-- budget tables' 合计 lines planned, had after mid-year adjustment and spent, with the printed rate beside the
-- recomputed one, the rate's basis (调整后预算 or 年初预算) and the line it was printed on.
with

execution as (
    select * from {{ ref('fct_execution') }}
),

department_lines as (
    select
        department_name,
        fiscal_year,
        coalesce(project_name, row_label) as line_name,
        source_kind,
        initial_budget_yuan,
        adjustment_yuan,
        adjusted_budget_yuan,
        actual_yuan,
        reported_rate_pct,
        computed_rate_pct,
        rate_basis,
        coalesce(reported_rate_source, source_locator) as rate_source
    from execution
    where source_kind = 'evaluation_report'
        or row_kind = 'total'
),

final as (
    select * from department_lines
    order by department_name, fiscal_year, line_name
)

select * from final
