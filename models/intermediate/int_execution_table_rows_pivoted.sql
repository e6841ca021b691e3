-- One row per document x table x printed line x year: a budget or final-accounts table row that prints execution
-- side by side — 年初预算, 调整后预算, 执行/决算 and the printed 执行率/完成率 (e.g. the 2015 columns of a 2016 部门预算's
-- 表四). Rows printing only one of these (a 决算数 alone) are not an execution comparison and stay in
-- fct_appropriations only.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and measure in ('initial_budget', 'adjusted_budget', 'actual', 'execution_rate')
),

with_year as (
    select
        *,
        -- The year a column is about, when its header prints one (2015年预算/预算执行 in a 2016 budget).
        try_cast(nullif(regexp_extract(column_label, '^(\d{4})年', 1), '') as integer) as column_year
    from figures
),

pivoted as (
    select
        document_sha256,
        file_name,
        table_name,
        page,
        line_start,
        row_kind,
        row_code,
        row_code_scheme,
        unit_code,
        row_label,
        subject,
        column_year,
        max(line_end) as line_end,
        -- the row's first amount: its level and leaf flag are the row's (int_figure_sum_roles)
        arg_min(figure_id, figure_index) filter (where measure <> 'execution_rate') as first_amount_figure_id,
        arg_min(printed_unit, figure_index) filter (where measure <> 'execution_rate') as printed_unit,
        arg_min(unit_multiplier, figure_index) filter (where measure <> 'execution_rate') as unit_multiplier,

        arg_min(amount_yuan * sign, figure_index) filter (where measure = 'initial_budget') as initial_budget_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'initial_budget') as initial_budget_decimals,
        arg_min(source_locator, figure_index) filter (where measure = 'initial_budget') as initial_budget_source,

        arg_min(amount_yuan * sign, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'adjusted_budget')
            as adjusted_budget_decimals,
        arg_min(column_label, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_label,
        arg_min(source_locator, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_source,

        arg_min(amount_yuan * sign, figure_index) filter (where measure = 'actual') as actual_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'actual') as actual_decimals,
        arg_min(source_locator, figure_index) filter (where measure = 'actual') as actual_source,

        arg_min(printed_value, figure_index) filter (where measure = 'execution_rate') as reported_rate_pct,
        arg_min(printed_decimals, figure_index) filter (where measure = 'execution_rate') as reported_rate_decimals,
        arg_min(value_text, figure_index) filter (where measure = 'execution_rate') as reported_rate_text,
        arg_min(source_locator, figure_index) filter (where measure = 'execution_rate') as reported_rate_source,

        count(distinct measure) filter (where measure <> 'execution_rate') as amount_measures
    from with_year
    group by all
),

comparisons as (
    select * exclude (amount_measures)
    from pivoted
    where reported_rate_pct is not null or amount_measures >= 2
)

select * from comparisons
