{#- Rule EXE-BASIS-001 (warning): a printed execution rate computed on the wrong basis. When both 年初预算 and
    调整后预算 are printed and differ beyond their rounding, a rate that fits actual ÷ 年初预算 but not actual ÷
    调整后预算 divides by the initial budget although an adjusted one exists; the reverse (fits the adjusted, not
    the initial) is reported where the document declares the initial budget as its basis (`declared_basis` =
    'initial_budget'). "Fits" is the rounding interval of reported_rate_check: 100(a − h_a) <= (r + h_r)(b + h_b)
    and (r − h_r)(b − h_b) <= 100(a + h_a). -#}
{% macro _rate_fits(r, hr, a, ha, b, hb) -%}
    ({{ b }} - {{ hb }} > 0 and 100 * ({{ a }} - {{ ha }}) <= ({{ r }} + {{ hr }}) * ({{ b }} + {{ hb }})
        and ({{ r }} - {{ hr }}) * ({{ b }} - {{ hb }}) <= 100 * ({{ a }} + {{ ha }}))
{%- endmacro %}

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
            cast({{ rate }} as decimal(38, 6)) as _r,
            cast({{ half_step(rate_decimals, 1) }} as decimal(38, 12)) as _hr,
            cast({{ actual }} as decimal(38, 6)) as _a,
            cast({{ half_step(actual_decimals, unit_multiplier) }} as decimal(38, 6)) as _ha,
            cast({{ initial }} as decimal(38, 6)) as _i,
            cast({{ half_step(initial_decimals, unit_multiplier) }} as decimal(38, 6)) as _hi,
            cast({{ adjusted }} as decimal(38, 6)) as _j,
            cast({{ half_step(adjusted_decimals, unit_multiplier) }} as decimal(38, 6)) as _hj,
            {{ declared_basis }} as _declared
        from {{ model }}
        where {{ rate }} is not null and {{ actual }} is not null and {{ initial }} is not null
            and {{ adjusted }} is not null
    ),

    judged as (
        select
            *,
            {{ _rate_fits('_r', '_hr', '_a', '_ha', '_i', '_hi') }} as _fits_initial,
            {{ _rate_fits('_r', '_hr', '_a', '_ha', '_j', '_hj') }} as _fits_adjusted
        from inputs
        where abs(_i - _j) > _hi + _hj
    ),

    failing as (
        select
            '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            source_locator,
            _r as lhs,
            cast(round(100 * _a / case when _fits_initial then _i else _j end, 6) as decimal(38, 6)) as rhs,
            cast(round(_r - 100 * _a / case when _fits_initial then _i else _j end, 6) as decimal(38, 6))
                as difference,
            _hr as tolerance,
            case when _fits_initial
                then 'the rate ' || cast(_r as varchar) || '% is actual ÷ 年初预算 (' || cast(_i as varchar)
                    || ') although an adjusted budget (' || cast(_j as varchar) || ') exists'
                else 'the rate ' || cast(_r as varchar) || '% is actual ÷ 调整后预算 (' || cast(_j as varchar)
                    || ') although the declared basis is 年初预算 (' || cast(_i as varchar) || ')'
            end as message
        from judged
        where (_fits_initial and not _fits_adjusted and coalesce(_declared, 'adjusted_budget') <> 'initial_budget')
            or (_fits_adjusted and not _fits_initial and _declared = 'initial_budget')
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test rate_basis_matches(model, rate, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
                           adjusted_decimals, declared_basis, unit_multiplier='unit_multiplier') %}
    {{ rate_basis_check(model, rate, rate_decimals, actual, actual_decimals, initial, initial_decimals, adjusted,
                        adjusted_decimals, declared_basis, unit_multiplier) }}
{% endtest %}
