{#- Rule EXE-RATE-001: a printed rate (percent) = 100 x actual / basis, allowing for rounding.
    The printed rate r (d_r decimals) is honest within h_r = 0.5 x 10^-d_r; actual a and basis b within their
    half-steps h_a, h_b. The rate passes when some a' in [a-h_a, a+h_a] and b' in [b-h_b, b+h_b] give a value
    100 a'/b' in [r-h_r, r+h_r], i.e. 100(a-h_a) <= (r+h_r)(b+h_b) and (r-h_r)(b-h_b) <= 100(a+h_a).
    Compared by cross-multiplication, in exact decimals (rate_fits, shared with rate_basis_check). A basis that is zero, or zero within its rounding,
    cannot carry a rate: such rows fail with that message (rule EXE-RATE-002). -#}
{% macro reported_rate_check(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                             unit_multiplier='unit_multiplier', rule_id='EXE-RATE-001',
                             zero_basis_rule_id='EXE-RATE-002') %}
    {{ require_arguments('reported_rate_check', {'rate': rate, 'rate_decimals': rate_decimals, 'actual': actual,
        'actual_decimals': actual_decimals, 'basis': basis, 'basis_decimals': basis_decimals}) }}
    with

    inputs as (
        select
            *,
            {{ rate_and_actual(rate, rate_decimals, actual, actual_decimals, unit_multiplier) }},
            {{ amount_with_half_step(basis, basis_decimals, unit_multiplier, 'b') }}
        from {{ model }}
        where {{ rate }} is not null and {{ actual }} is not null and {{ basis }} is not null
    ),

    judged as (
        select
            *,
            _b - _hb <= 0 as _zero_basis,
            case when _b - _hb > 0 then not {{ rate_fits('_r', '_hr', '_a', '_ha', '_b', '_hb') }} end as _outside
        from inputs
    ),

    failing as (
        select
            case when _zero_basis then '{{ zero_basis_rule_id }}' else '{{ rule_id }}' end as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            source_locator,
            _r as lhs,
            case when not _zero_basis then cast(round(100 * _a / _b, 6) as decimal(38, 6)) end as rhs,
            case when not _zero_basis then cast(round(_r - 100 * _a / _b, 6) as decimal(38, 6)) end as difference,
            case when not _zero_basis then cast(round(
                _hr + greatest(100 * (_a + _ha) / (_b - _hb) - 100 * _a / _b, 100 * _a / _b - 100 * (_a - _ha) / (_b + _hb)),
                6) as decimal(38, 6)) end as tolerance,
            case
                when _zero_basis then 'a rate of ' || cast(_r as varchar) || '% is printed against a basis of '
                    || cast(_b as varchar) || ', which is zero within its rounding'
                else 'printed rate ' || cast(_r as varchar) || '% but actual / basis = '
                    || cast(round(100 * _a / _b, 4) as varchar) || '%'
            end as message
        from judged
        where _zero_basis or _outside
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test reported_rate_matches(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                              unit_multiplier='unit_multiplier') %}
    {{ reported_rate_check(model, rate, rate_decimals, actual, actual_decimals, basis, basis_decimals,
                           unit_multiplier) }}
{% endtest %}
