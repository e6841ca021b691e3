-- Which lines were cut hardest mid-year: every cut (调减) as a share of the line's 年初预算, largest share first,
-- with what was then spent and the printed 执行率 — a line can be "fully executed" only because its budget was cut.
with

adjustments as (
    select * from {{ ref('fct_budget_adjustments') }}
),

execution as (
    select * from {{ ref('fct_execution') }}
),

cuts as (
    select
        adjustments.department_name,
        adjustments.fiscal_year,
        adjustments.line_name,
        adjustments.adjustment_label,
        adjustments.adjustment_basis,
        adjustments.initial_budget_yuan,
        adjustments.adjustment_yuan,
        adjustments.share_of_initial_pct,
        adjustments.adjusted_budget_yuan,
        execution.actual_yuan,
        execution.reported_rate_pct,
        adjustments.source_locator as adjustment_source
    from adjustments
    inner join execution using (execution_id)
    where adjustments.direction = 'cut'
),

final as (
    select * from cuts
    order by share_of_initial_pct, adjustment_yuan
)

select * from final
