{#- Rule EXE-ADJ-001: 年初预算 + signed adjustment = 调整后预算 (a cut is a negative adjustment).
    Tolerance: the sum of the half-steps of the three printed figures (each printed with its own decimals
    in a unit worth `unit_multiplier` yuan). Returns only failing rows, with evidence columns. -#}
{% macro adjustment_balances_check(model, initial, adjustment, adjusted, initial_decimals, adjustment_decimals,
                                   adjusted_decimals, unit_multiplier='unit_multiplier', rule_id='EXE-ADJ-001') %}
    {{ require_arguments('adjustment_balances_check', {'initial': initial, 'adjustment': adjustment,
        'adjusted': adjusted, 'initial_decimals': initial_decimals, 'adjustment_decimals': adjustment_decimals,
        'adjusted_decimals': adjusted_decimals}) }}
    with

    checked as (
        select
            '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            source_locator,
            cast({{ initial }} + {{ adjustment }} as decimal(38, 6)) as lhs,
            cast({{ adjusted }} as decimal(38, 6)) as rhs,
            cast({{ initial }} + {{ adjustment }} - {{ adjusted }} as decimal(38, 6)) as difference,
            cast({{ half_step(initial_decimals, unit_multiplier) }}
                + {{ half_step(adjustment_decimals, unit_multiplier) }}
                + {{ half_step(adjusted_decimals, unit_multiplier) }} as decimal(38, 6)) as tolerance
        from {{ model }}
        where {{ initial }} is not null and {{ adjustment }} is not null and {{ adjusted }} is not null
    ),

    failing as (
        select
            *,
            'initial + adjustment = ' || cast(lhs as varchar) || ' but the adjusted budget is '
                || cast(rhs as varchar) || ' (difference ' || cast(difference as varchar) || ', allowed '
                || cast(tolerance as varchar) || ')' as message
        from checked
        where abs(difference) > tolerance
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test adjustment_balances(model, initial, adjustment, adjusted, initial_decimals, adjustment_decimals,
                            adjusted_decimals, unit_multiplier='unit_multiplier') %}
    {{ adjustment_balances_check(model, initial, adjustment, adjusted, initial_decimals, adjustment_decimals,
                                 adjusted_decimals, unit_multiplier) }}
{% endtest %}
