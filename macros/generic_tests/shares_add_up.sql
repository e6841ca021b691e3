{#- Rule NAR-SHARE-003: shares stated side by side (one group: same document, same `group_by` such as sentence
    and whole) add up to 100% within their rounding (the sum of their half-steps) -- checked only for groups whose
    parts exhaust the whole (the parts' amounts add up to the whole's amount within their half-steps), since a
    list of some parts need not reach 100. A group with a part or the whole unknown is not checked. -#}
{% macro shares_add_up_check(model, group_by, share, share_half_step, part, part_half_step, whole,
                             whole_half_step, rule_id='NAR-SHARE-003') %}
    {{ require_arguments('shares_add_up_check', {'group_by': group_by, 'share': share,
        'share_half_step': share_half_step, 'part': part, 'part_half_step': part_half_step, 'whole': whole,
        'whole_half_step': whole_half_step}) }}
    with

    grouped as (
        select
            document_sha256,
            any_value(file_name) as file_name,
            min(line_start) as line_start,
            max(line_end) as line_end,
            count(*) as share_count,
            count({{ part }}) as known_parts,
            count(distinct {{ whole }}) as whole_values,
            sum(cast({{ share }} as decimal(38, 6))) as share_sum,
            sum(cast({{ share_half_step }} as decimal(38, 6))) as share_tolerance,
            sum(cast({{ part }} as decimal(38, 6))) as part_sum,
            sum(cast({{ part_half_step }} as decimal(38, 6))) + max(cast({{ whole_half_step }} as decimal(38, 6)))
                as part_tolerance,
            max(cast({{ whole }} as decimal(38, 6))) as whole_amount
        from {{ model }}
        where {{ share }} is not null
        group by document_sha256, {{ group_by }}
    ),

    exhaustive as (
        select * from grouped
        where known_parts = share_count and whole_values = 1
            and abs(part_sum - whole_amount) <= part_tolerance
    ),

    failing as (
        select
            '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            {{ source_locator(page='cast(null as integer)') }} as source_locator,
            share_sum as lhs,
            cast(100 as decimal(38, 6)) as rhs,
            share_sum - 100 as difference,
            share_tolerance as tolerance,
            cast(share_count as varchar) || ' shares of parts that make up the whole add up to '
                || cast(share_sum as varchar) || '%, not 100% (allowed ' || cast(share_tolerance as varchar) || ')'
                as message
        from exhaustive
        where abs(share_sum - 100) > share_tolerance
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test shares_add_up(model, group_by, share, share_half_step, part, part_half_step, whole, whole_half_step) %}
    {{ shares_add_up_check(model, group_by, share, share_half_step, part, part_half_step, whole, whole_half_step) }}
{% endtest %}
