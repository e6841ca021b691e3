-- Which lines were cut hardest mid-year: adjustments as a share of the initial budget, largest cut first.
select
    department_name,
    fiscal_year,
    project_name,
    adjustment_label,
    initial_budget_yuan,
    adjustment_yuan,
    round(100 * adjustment_yuan / nullif(initial_budget_yuan, 0), 2) as adjustment_share_pct,
    adjustment_source
from {{ ref('fct_execution') }}
where adjustment_yuan < 0
order by adjustment_share_pct, adjustment_yuan
