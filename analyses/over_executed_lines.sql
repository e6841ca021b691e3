-- Over-executed lines: every line whose spending exceeded its budget (执行率 above 100%), highest first. A printed
-- rate counts as printed (132% is above 100% even at its lowest honest value, 131.5%); where no rate is printed
-- the rate computed from the amounts is used.
with

execution as (
    select * from {{ ref('fct_execution') }}
),

rated as (
    select
        department_name,
        fiscal_year,
        coalesce(project_name, row_label) as line_name,
        function_code,
        rate_basis,
        rate_basis_yuan,
        actual_yuan,
        actual_yuan - rate_basis_yuan as overspend_yuan,
        reported_rate_pct,
        computed_rate_pct,
        coalesce(reported_rate_pct, computed_rate_pct) as rate_pct,
        source_locator
    from execution
),

final as (
    select * from rated
    where rate_pct > 100
    order by computed_rate_pct desc, source_locator
)

select * from final
