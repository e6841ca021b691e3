{#- Rule NAR-RATE-003 (error): a stated direction of 决算 against 预算 (决算数大于/小于/等于预算数, the marks reader's
    `budget_comparison` with its `direction`) that the 预算 and 决算 amounts of the same subject contradict. The amounts
    are the marks reader's `compared_budget` and `compared_actual` of the comparison's sentence: landed only when both
    are certain (exactly one amount after a 预算 word and one after a 决算 word, in the comparison's own sentence before
    it, or in the sentence just before a comparison that names no subject of its own: 年初预算为120.50万元，支出决算为
    130.20万元。决算数小于预算数的主要原因：…).
    With d = 决算 − 预算 and the tolerance the sum of both amounts' half steps, the direction is contradicted when
    大于 (+1) and d < −tolerance, 小于 (−1) and d > tolerance, 等于/持平 (0) and |d| > tolerance: a tie within the
    rounding of the amounts contradicts no direction. A 预算 of zero needs no division: 决算 above it is 大于.
    One row per comparison; lhs = 决算, rhs = 预算 (元), difference = d, tolerance = the half steps.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro budget_comparison_amounts_check(statements, rule_id='NAR-RATE-003') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('budget_comparison', 'compared_budget', 'compared_actual')
    ),

    comparisons as (
        select
            document_sha256, file_name, sentence_index,
            max(sentence) filter (where role <> 'budget_comparison') as sentence,
            min(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            {{ role_count('budget_comparison', 'comparisons') }},
            {{ role_count('compared_budget', 'budgets') }},
            {{ role_count('compared_actual', 'actuals') }},
            max(direction) filter (where role = 'budget_comparison') as direction,
            {{ role_amount('compared_actual', 'actual') }},
            {{ role_amount('compared_budget', 'budget') }}
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    -- exactly one comparison with one 预算 and one 决算: anything else is not judged
    paired as (
        select
            *,
            actual_yuan - budget_yuan as _d,
            actual_h + budget_h as _tol
        from comparisons
        where comparisons = 1 and budgets = 1 and actuals = 1 and direction is not null
            and actual_yuan is not null and budget_yuan is not null
    ),

    contradicted as (
        select *
        from paired
        where (direction = 1 and _d < -_tol)
            or (direction = -1 and _d > _tol)
            or (direction = 0 and abs(_d) > _tol)
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="'" ~ rule_id ~ "'",
                lhs='actual_yuan',
                rhs='budget_yuan',
                difference='_d',
                tolerance='_tol',
                message="'the text says 决算 is ' || case direction when 1 then 'above' when -1 then 'below'
                    else 'equal to' end || ' 预算, but 决算 ' || cast(cast(actual_yuan as decimal(38, 2)) as varchar)
                    || ' 元 against 预算 ' || cast(cast(budget_yuan as decimal(38, 2)) as varchar) || ' 元 is '
                    || case when _d > 0 then 'above' when _d < 0 then 'below' else 'equal to' end || ' it'") }}
        from contradicted
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test budget_comparison_amounts(model) %}
    {{ budget_comparison_amounts_check(model) }}
{% endtest %}
