{#- Rule EXE-BASIS-001 (warning): a printed execution rate computed on the wrong basis. When both 年初预算 and
    调整后预算 are printed and differ beyond their rounding, a rate that fits actual ÷ 年初预算 but not actual ÷
    调整后预算 divides by the initial budget although an adjusted one exists; the reverse (fits the adjusted, not
    the initial) is reported where the document declares the initial budget as its basis (`declared_basis` =
    'initial_budget'). "Fits" is the rounding interval of reported_rate_check (the shared macro rate_fits):
    100(a − h_a) <= (r + h_r)(b + h_b) and (r − h_r)(b − h_b) <= 100(a + h_a). -#}

{% macro rate_basis_check(model, rate, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
                          adjusted_decimals, declared_basis, unit_multiplier='unit_multiplier',
                          rule_id='EXE-BASIS-001') %}
    {{ require_arguments('rate_basis_check', {'rate': rate, 'rate_decimals': rate_decimals, 'actual': actual,
        'actual_decimals': actual_decimals, 'initial': initial, 'initial_decimals': initial_decimals,
        'adjusted': adjusted, 'adjusted_decimals': adjusted_decimals, 'declared_basis': declared_basis}) }}
    with

    inputs as (
        select
            *,
            {{ rate_and_actual(rate, rate_decimals, actual, actual_decimals, unit_multiplier) }},
            {{ amount_with_half_step(initial, initial_decimals, unit_multiplier, 'i') }},
            {{ amount_with_half_step(adjusted, adjusted_decimals, unit_multiplier, 'j') }},
            {{ declared_basis }} as _declared
        from {{ model }}
        where {{ rate }} is not null and {{ actual }} is not null and {{ initial }} is not null
            and {{ adjusted }} is not null
    ),

    judged as (
        select
            *,
            {{ rate_fits('_r', '_hr', '_a', '_ha', '_i', '_hi') }} as _fits_initial,
            {{ rate_fits('_r', '_hr', '_a', '_ha', '_j', '_hj') }} as _fits_adjusted
        from inputs
        where abs(_i - _j) > _hi + _hj
    ),

    wrong_basis as (
        select
            *,
            case when _fits_initial then _i else _j end as _basis_used,
            case when _fits_initial
                then 'the rate ' || cast(_r as varchar) || '% is actual ÷ 年初预算 (' || cast(_i as varchar)
                    || ') although an adjusted budget (' || cast(_j as varchar) || ') exists'
                else 'the rate ' || cast(_r as varchar) || '% is actual ÷ 调整后预算 (' || cast(_j as varchar)
                    || ') although the declared basis is 年初预算 (' || cast(_i as varchar) || ')'
            end as _message
        from judged
        where (_fits_initial and not _fits_adjusted and coalesce(_declared, 'adjusted_budget') <> 'initial_budget')
            or (_fits_adjusted and not _fits_initial and _declared = 'initial_budget')
    ),

    failing as (
        select
            {{ evidence_columns(rule_id,
                lhs='_r',
                rhs='cast(round(100 * _a / _basis_used, 6) as decimal(38, 6))',
                difference='cast(round(_r - 100 * _a / _basis_used, 6) as decimal(38, 6))',
                tolerance='_hr',
                message='_message') }}
        from wrong_basis
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test rate_basis_matches(model, rate, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
                           adjusted_decimals, declared_basis, unit_multiplier='unit_multiplier') %}
    {{ rate_basis_check(model, rate, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
                        adjusted_decimals, declared_basis, unit_multiplier) }}
{% endtest %}
