{#- Rules NAR-SHARE-001 / NAR-GROWTH-001: a percentage the narrative states (a share 占 z%, or a growth 增长 y%)
    equals 100 x numerator / denominator − offset (share: part / whole, offset 0; growth: current / base,
    offset 100), allowing for rounding: the stated s (half-step h_s) and numerator n, denominator d (half-steps
    h_n, h_d) pass when some n' in [n ± h_n], d' in [d ± h_d] give 100 n'/d' within [s + offset ± h_s], i.e.
    100(n − h_n) <= (s + offset + h_s)(d + h_d) and (s + offset − h_s)(d − h_d) <= 100(n + h_n); compared by
    cross-multiplication in exact decimals. A denominator that is zero (or zero within its rounding) cannot carry
    a percentage: such rows fail under `zero_rule_id` (a growth stated for a base of zero). -#}
{% macro stated_ratio_check(model, stated, stated_half_step, numerator, numerator_half_step, denominator,
                            denominator_half_step, offset, rule_id="'NAR-SHARE-001'",
                            zero_rule_id="'NAR-SHARE-002'", subject="subject_label") %}
    {{ require_arguments('stated_ratio_check', {'stated': stated, 'stated_half_step': stated_half_step,
        'numerator': numerator, 'numerator_half_step': numerator_half_step, 'denominator': denominator,
        'denominator_half_step': denominator_half_step, 'offset': offset}) }}
    with

    inputs as (
        select
            *,
            {{ rule_id }} as _rule_id,
            {{ zero_rule_id }} as _zero_rule_id,
            {{ subject }} as _subject,
            cast({{ stated }} as decimal(38, 6)) as _s,
            cast({{ offset }} as decimal(38, 6)) as _o,
            cast({{ stated_half_step }} as decimal(38, 12)) as _hs,
            cast({{ numerator }} as decimal(38, 6)) as _n,
            cast({{ numerator_half_step }} as decimal(38, 6)) as _hn,
            cast({{ denominator }} as decimal(38, 6)) as _d,
            cast({{ denominator_half_step }} as decimal(38, 6)) as _hd
        from {{ model }}
        where {{ stated }} is not null and {{ numerator }} is not null and {{ denominator }} is not null
    ),

    judged as (
        select
            *,
            _d - _hd <= 0 as _zero,
            case when _d - _hd > 0 then
                not (100 * (_n - _hn) <= (_s + _o + _hs) * (_d + _hd)
                     and (_s + _o - _hs) * (_d - _hd) <= 100 * (_n + _hn))
            end as _outside
        from inputs
    ),

    failing as (
        select
            case when _zero then _zero_rule_id else _rule_id end as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            source_locator,
            _s as lhs,
            case when not _zero then cast(round(100 * _n / _d - _o, 6) as decimal(38, 6)) end as rhs,
            case when not _zero then cast(round(_s - (100 * _n / _d - _o), 6) as decimal(38, 6)) end as difference,
            case when not _zero then cast(round(_hs + greatest(100 * (_n + _hn) / (_d - _hd) - 100 * _n / _d,
                100 * _n / _d - 100 * (_n - _hn) / (_d + _hd)), 6) as decimal(38, 6)) end as tolerance,
            case
                when _zero then coalesce(_subject, '(no subject)') || ': ' || cast(_s as varchar)
                    || '% is stated against a base of ' || cast(_d as varchar)
                    || ', which is zero (within its rounding): no percentage can be computed from it'
                else coalesce(_subject, '(no subject)') || ': the text states ' || cast(_s as varchar)
                    || '% but the tables give ' || cast(round(100 * _n / _d - _o, 4) as varchar) || '%'
            end as message
        from judged
        where _zero or _outside
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test stated_ratio_matches(model, stated, stated_half_step, numerator, numerator_half_step, denominator,
                             denominator_half_step, offset, rule_id="'NAR-SHARE-001'",
                             zero_rule_id="'NAR-SHARE-002'", subject="subject_label") %}
    {{ stated_ratio_check(model, stated, stated_half_step, numerator, numerator_half_step, denominator,
                          denominator_half_step, offset, rule_id, zero_rule_id, subject) }}
{% endtest %}
