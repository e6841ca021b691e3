-- One row per document x project: the budget execution figures an evaluation report states, side by side.
-- When a report states a figure twice (with the same value; different values are refused by the loader),
-- the first statement is used.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    -- Narrative statements of a report; execution printed in tables (2015 执行 columns of a 部门预算) is in
    -- fct_appropriations with its phase.
    where {{ documents_in_scope() }}
        and table_name is null
        and measure in (
        'initial_budget', 'budget_adjustment', 'adjusted_budget', 'actual_spending', 'reported_execution_rate'
    )
),

pivoted as (
    select
        document_sha256,
        file_name,
        subject as project_name,
        arg_min(printed_unit, figure_index) filter (where measure = 'initial_budget') as printed_unit,
        arg_min(unit_multiplier, figure_index) filter (where measure = 'initial_budget') as unit_multiplier,

        arg_min(amount_yuan, figure_index) filter (where measure = 'initial_budget') as initial_budget_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'initial_budget') as initial_budget_decimals,
        arg_min(source_locator, figure_index) filter (where measure = 'initial_budget') as initial_budget_source,

        arg_min(amount_yuan * sign, figure_index) filter (where measure = 'budget_adjustment') as adjustment_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'budget_adjustment') as adjustment_decimals,
        arg_min(label, figure_index) filter (where measure = 'budget_adjustment') as adjustment_label,
        arg_min(source_locator, figure_index) filter (where measure = 'budget_adjustment') as adjustment_source,

        arg_min(amount_yuan, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'adjusted_budget')
            as adjusted_budget_decimals,
        arg_min(label, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_label,
        arg_min(source_locator, figure_index) filter (where measure = 'adjusted_budget') as adjusted_budget_source,

        arg_min(amount_yuan, figure_index) filter (where measure = 'actual_spending') as actual_yuan,
        arg_min(printed_decimals, figure_index) filter (where measure = 'actual_spending') as actual_decimals,
        arg_min(source_locator, figure_index) filter (where measure = 'actual_spending') as actual_source,

        arg_min(printed_value, figure_index) filter (where measure = 'reported_execution_rate') as reported_rate_pct,
        arg_min(printed_decimals, figure_index) filter (where measure = 'reported_execution_rate')
            as reported_rate_decimals,
        arg_min(value_text, figure_index) filter (where measure = 'reported_execution_rate') as reported_rate_text,
        arg_min(source_locator, figure_index) filter (where measure = 'reported_execution_rate')
            as reported_rate_source,

        min(line_start) as line_start,
        max(line_end) as line_end
    from figures
    group by document_sha256, file_name, subject
)

select * from pivoted
