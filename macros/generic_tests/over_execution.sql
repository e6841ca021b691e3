{#- Rule EXE-RATE-003: execution above 100%. A line is over-executed for certain when even the lowest value its
    rate can stand for is above 100: a printed rate r with d decimals stands for [r - 0.5 x 10^-d, ...] (132% -> at
    least 131.5%); with no printed rate, the rate computed from the printed amounts stands for at least
    100 x (actual - h_a) / (basis + h_b), the half-steps of their printed decimals. lhs is the rate (printed, else
    computed), rhs 100, tolerance lhs minus that lowest value. Returns only failing rows, with evidence columns. -#}
{% macro over_execution_check(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                              rate_text=none, unit_multiplier='unit_multiplier', page='page',
                              rule_id='EXE-RATE-003') %}
    {{ require_arguments('over_execution_check', {'rate': rate, 'rate_decimals': rate_decimals, 'actual': actual,
        'actual_decimals': actual_decimals, 'basis': basis, 'basis_decimals': basis_decimals}) }}
    with

    inputs as (
        select
            *,
            cast({{ rate }} as decimal(38, 6)) as _r,
            cast({{ actual }} as decimal(38, 6)) as _a,
            cast({{ basis }} as decimal(38, 6)) as _b,
            cast({{ half_step(actual_decimals, unit_multiplier) }} as decimal(38, 6)) as _ha,
            cast({{ half_step(basis_decimals, unit_multiplier) }} as decimal(38, 6)) as _hb
        from {{ model }}
    ),

    rated as (
        select
            *,
            case
                when _r is not null then _r
                when _b > 0 then cast(round(100 * _a / _b, 6) as decimal(38, 6))
            end as _rate,
            case
                when _r is not null then _r - cast({{ half_step(rate_decimals, 1) }} as decimal(38, 12))
                when _b > 0 then cast(round(100 * (_a - _ha) / (_b + _hb), 6) as decimal(38, 6))
            end as _lowest
        from inputs
    ),

    failing as (
        select
            '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            {{ page }} as page,
            line_start,
            line_end,
            source_locator,
            _rate as lhs,
            cast(100 as decimal(38, 6)) as rhs,
            _rate - 100 as difference,
            cast(_rate - _lowest as decimal(38, 6)) as tolerance,
            'execution rate '
                || {% if rate_text %}coalesce({{ rate_text }}, cast(round(_rate, 2) as varchar)){% else %}cast(round(_rate, 2) as varchar){% endif %}
                || '% is above 100%' as message
        from rated
        where _lowest > 100
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test over_execution(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                       unit_multiplier='unit_multiplier', page='page') %}
    {{ over_execution_check(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                            none, unit_multiplier, page) }}
{% endtest %}
