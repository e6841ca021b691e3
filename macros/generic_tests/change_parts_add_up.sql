{#- Rule NAR-CHANGE-002: a stated change broken into the changes of its parts (与上年对比，支出预算增加 1,414.53 万元。
    其中：基本支出增加 294.71 万元；项目支出增加 1,119.82 万元) must equal their signed sum. The parts' changes add up
    to the whole's only when the parts make up the whole, so a row is checked only when the current amounts the
    text states for the parts add up to the one it states for the whole (a 其中 that lists a few notable items is
    not checked); rows without those amounts are skipped. Tolerance: the half-steps of the stated change and of
    every part's change. Returns only failing rows, with evidence. Columns are named by the arguments. -#}
{% macro change_parts_check(model, whole='stated_change_yuan', whole_half_step='stated_change_half_step_yuan',
                            parts='parts_change_yuan', parts_half_step='parts_change_half_step_yuan',
                            whole_current='whole_current_yuan', whole_current_half_step='whole_current_half_step_yuan',
                            parts_current='parts_current_yuan', parts_current_half_step='parts_current_half_step_yuan',
                            subject='subject_label', part_labels='part_labels') %}
    {{ require_arguments('change_parts_check', {'model': model}) }}
    with

    made_up as (
        -- the parts make up the whole: their current amounts add up to the whole's within rounding
        select *
        from {{ model }}
        where {{ whole }} is not null and {{ parts }} is not null
            and {{ whole_current }} is not null and {{ parts_current }} is not null
            and not {{ outside_rounding(whole_current ~ ' - ' ~ parts_current,
                                        whole_current_half_step ~ ' + ' ~ parts_current_half_step) }}
    ),

    checked as (
        select
            *,
            cast({{ whole }} as decimal(38, 6)) as _lhs,
            cast({{ parts }} as decimal(38, 6)) as _rhs,
            cast({{ whole_half_step }} + {{ parts_half_step }} as decimal(38, 6)) as _tolerance
        from made_up
    ),

    described as (
        select
            *,
            coalesce({{ subject }}, '(no subject)') || ': the text states a change of ' || {{ amount_text('_lhs') }}
                || ' but the changes it lists for ' || coalesce({{ part_labels }}, 'its parts') || ' add up to '
                || {{ amount_text('_rhs') }} || ' (difference ' || {{ amount_text('_lhs - _rhs') }} || ', allowed '
                || {{ amount_text('_tolerance') }} || ')' as _message
        from checked
        where {{ outside_rounding('_lhs - _rhs', '_tolerance') }}
    ),

    failing as (
        select
            {{ evidence_columns('NAR-CHANGE-002', lhs='_lhs', rhs='_rhs', difference='_lhs - _rhs',
                tolerance='_tolerance', message='_message') }}
        from described
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test change_parts_add_up(model) %}
    {{ change_parts_check(model) }}
{% endtest %}
