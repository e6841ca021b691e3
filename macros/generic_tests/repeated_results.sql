{#- Rule EVA-COPY-001 (warning): the same result figure reported for the same project in different fiscal years
    (possible copy-paste from the earlier report). Two figures are the same when they have the same base unit and
    the more precise one rounds or truncates to the less precise one as printed: with p the less precise value
    and s one step of its last printed digit (in base units), the other lies in [p − s/2, p + s) -- 63219 条 and
    6.32万条 (63150 ≤ 63219 < 63300), 143459 条 and 14.34万条 (truncated), 3576 名 and 3576 名. Only figures
    whose less precise form has at least three significant digits count (trailing zeros of a whole number are
    not significant): agreeing on 10万 or 95% is no sign of copying, agreeing on 6.32万 or 837 is. -#}
{% macro repeated_results_check(model, rule_id='EVA-COPY-001') %}
    with

    results as (
        select
            *,
            2 * {{ half_step('printed_decimals', 'unit_multiplier') }} as _step,
            length(case
                when value_text like '%.%' then ltrim(regexp_replace(value_text, '[^0-9]', '', 'g'), '0')
                else trim(regexp_replace(value_text, '[^0-9]', '', 'g'), '0')
            end) as _significant_digits
        from {{ model }}
        where project_id is not null and fiscal_year is not null and value_in_base_unit is not null
    ),

    pairs as (
        select
            later.document_sha256,
            later.file_name,
            later.line_start,
            later.line_end,
            later.source_locator,
            later.value_in_base_unit as later_value,
            earlier.value_in_base_unit as earlier_value,
            later.value_text || coalesce(later.printed_unit, '') as later_text,
            earlier.value_text || coalesce(earlier.printed_unit, '') as earlier_text,
            earlier.source_locator as earlier_source,
            later.fiscal_year as later_year,
            earlier.fiscal_year as earlier_year,
            case when later._step >= earlier._step then later.value_in_base_unit else earlier.value_in_base_unit end
                as coarse_value,
            case when later._step >= earlier._step then earlier.value_in_base_unit else later.value_in_base_unit end
                as fine_value,
            greatest(later._step, earlier._step) as coarse_step,
            case when later._step >= earlier._step then later._significant_digits
                else earlier._significant_digits end as coarse_digits
        from results as later
        inner join results as earlier
            on earlier.project_id = later.project_id
            and earlier.base_unit is not distinct from later.base_unit
            and earlier.fiscal_year < later.fiscal_year
    ),

    copied as (
        select
            *,
            'the ' || cast(later_year as varchar) || ' report gives ' || later_text || ', the same result as the '
                || cast(earlier_year as varchar) || ' report (' || earlier_text || ', ' || earlier_source
                || '): possibly copied' as _message
        from pairs
        where coarse_digits >= 3
            and fine_value >= coarse_value - coarse_step / 2
            and fine_value < coarse_value + coarse_step
    ),

    failing as (
        select
            {{ evidence_columns(rule_id,
                lhs='cast(later_value as decimal(38, 6))',
                rhs='cast(earlier_value as decimal(38, 6))',
                difference='cast(later_value - earlier_value as decimal(38, 6))',
                tolerance='cast(coarse_step as decimal(38, 6))',
                message='_message') }}
        from copied
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test repeated_results(model) %}
    {{ repeated_results_check(model) }}
{% endtest %}
