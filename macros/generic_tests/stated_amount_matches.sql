{#- Rules NAR-TOTAL-001 / NAR-CHANGE-001: an amount the narrative states (a total, or a change 增加/减少 x 万元,
    signed) equals the amount recomputed from the tables (the table figure, or current − prior-year base).
    Tolerance: the half-step of the stated figure plus the half-steps of the table figures it is computed from
    (`computed_half_step`, already summed). `rule_id` is a SQL expression (a quoted literal or a case on a column).
    Rows whose computed value is null (not checked) are skipped. Returns only failing rows, with evidence. -#}
{% macro stated_amount_check(model, stated, stated_half_step, computed, computed_half_step,
                             rule_id="'NAR-TOTAL-001'", subject="subject_label") %}
    {{ require_arguments('stated_amount_check', {'stated': stated, 'stated_half_step': stated_half_step,
        'computed': computed, 'computed_half_step': computed_half_step}) }}
    with

    checked as (
        select
            {{ rule_id }} as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            source_locator,
            cast({{ stated }} as decimal(38, 6)) as lhs,
            cast({{ computed }} as decimal(38, 6)) as rhs,
            cast({{ stated }} - {{ computed }} as decimal(38, 6)) as difference,
            cast({{ stated_half_step }} + {{ computed_half_step }} as decimal(38, 6)) as tolerance,
            {{ subject }} as _subject
        from {{ model }}
        where {{ stated }} is not null and {{ computed }} is not null
    ),

    failing as (
        select
            *,
            coalesce(_subject, '(no subject)') || ': the text states ' || cast(lhs as varchar)
                || ' but the tables give ' || cast(rhs as varchar) || ' (difference ' || cast(difference as varchar)
                || ', allowed ' || cast(tolerance as varchar) || ')' as message
        from checked
        where abs(difference) > tolerance
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test stated_amount_matches(model, stated, stated_half_step, computed, computed_half_step,
                              rule_id="'NAR-TOTAL-001'", subject="subject_label") %}
    {{ stated_amount_check(model, stated, stated_half_step, computed, computed_half_step, rule_id, subject) }}
{% endtest %}
