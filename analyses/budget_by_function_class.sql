-- Budget by 功能分类 类 across years: for each department, year and phase (年初预算, 调整后预算, 执行/决算, 预算), the
-- amount of every 类 line, from the document's widest expenditure table that prints 类 lines (the all-funds
-- 支出预算总表 / 支出决算表 when it has 类 lines, else e.g. the 一般公共预算支出预算表), with the printed figure beside it.
-- Years come from the column headers: a 2016 部门预算 prints the 2015 年初预算, 调整后预算 and 执行 too.
with

appropriations as (
    select * from {{ ref('fct_appropriations') }}
),

classes as (
    select * from {{ ref('dim_function_classes') }}
),

class_lines as (
    select
        *,
        case
            when (table_name like '%支出预算总表%' or table_name like '%支出决算表%')
                and table_name not like '%财政拨款%' and table_name not like '%一般公共预算%' then 1
            else 2
        end as table_rank
    from appropriations
    where length(function_code) = 3
        and measure in ('total', 'initial_budget', 'adjusted_budget', 'actual')
),

preferred_table as (
    select
        document_sha256,
        figure_year,
        phase,
        arg_min(table_name, cast(table_rank as varchar) || table_name) as table_name
    from class_lines
    group by all
),

chosen as (
    select class_lines.*
    from class_lines
    inner join preferred_table using (document_sha256, figure_year, phase, table_name)
),

final as (
    select
        chosen.department_name,
        chosen.figure_year as fiscal_year,
        chosen.phase,
        chosen.function_code as class_code,
        classes.name_zh as class_name_zh,
        chosen.row_label as printed_label,
        chosen.amount_yuan,
        chosen.value_text,
        chosen.printed_unit,
        chosen.table_name,
        chosen.source_locator
    from chosen
    left join classes on classes.function_code = chosen.function_code
    order by
        chosen.department_name,
        chosen.figure_year,
        case chosen.phase when '年初预算' then 1 when '调整后预算' then 2 when '执行/决算' then 3 else 4 end,
        chosen.function_code
)

select * from final
