-- 执行率 by department and year: what each department's evaluated projects planned, received after mid-year
-- adjustment and spent, with the printed rate beside the recomputed one and the line it was printed on.
select
    department_name,
    fiscal_year,
    project_name,
    initial_budget_yuan,
    adjustment_yuan,
    adjusted_budget_yuan,
    actual_yuan,
    reported_rate_pct,
    computed_rate_pct,
    reported_rate_source
from {{ ref('fct_execution') }}
order by department_name, fiscal_year, project_name
