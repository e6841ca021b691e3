{#- Rules NAR-TEXT-006 (error) and NAR-TEXT-007 (notice): a listed part (其中, a 三公 part, a 政府采购 category) whose
    amount is above the whole it belongs to, in any prose list. The part is an `amount` statement with a
    parent_subject and a list_index; its whole is the `amount` statement of the sentence list_index whose subject is
    the parent_subject (keys compared without quotes, spaces and markers), of the same period and basis. Amounts in
    yuan; the tolerance is the sum of both half-steps: above it, error; above the whole but within it, notice (a
    part may equal its whole). One row per part. `statements`: statement rows (stg_raw__statements columns). -#}
{% macro stated_parts_within_whole_check(statements, rule_id='NAR-TEXT-006', rounding_rule_id='NAR-TEXT-007') %}
    with

    amounts as (
        select
            *,
            {{ statement_yuan('value', 'printed_unit') }} as _yuan,
            {{ statement_half_step_yuan('printed_decimals', 'printed_unit') }} as _half_step
        from {{ statements }}
        where role = 'amount' and value is not null
    ),

    parts as (
        select * from amounts
        where parent_subject is not null and list_index is not null and _yuan is not null
    ),

    compared as (
        select
            parts.document_sha256,
            parts.file_name,
            parts.page,
            parts.line_start,
            parts.line_end,
            parts.sentence,
            parts.subject,
            parts.value_text || parts.printed_unit as part_text,
            wholes.subject as whole_subject,
            wholes.value_text || wholes.printed_unit as whole_text,
            wholes.sentence as whole_sentence,
            wholes.file_name as whole_file_name,
            wholes.page as whole_page,
            wholes.line_start as whole_line_start,
            wholes.line_end as whole_line_end,
            parts._yuan - wholes._yuan as _difference,
            parts._half_step + wholes._half_step as _tolerance,
            parts._yuan as part_yuan,
            wholes._yuan as whole_yuan
        from parts
        inner join amounts as wholes
            on wholes.document_sha256 = parts.document_sha256
            and wholes.sentence_index = parts.list_index
            and wholes._yuan is not null
            and {{ text_name_key('wholes.subject') }} = {{ text_name_key('parts.parent_subject') }}
            and wholes.period_year is not distinct from parts.period_year
            and wholes.basis is not distinct from parts.basis
            and not (wholes.line_start = parts.line_start and wholes.value_text = parts.value_text
                and wholes.subject is not distinct from parts.subject)
        qualify row_number() over (
            partition by parts.document_sha256, parts.sentence_index, parts.line_start, parts.subject, parts.value_text
            order by wholes._yuan desc) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when _difference >= _tolerance then '" ~ rule_id ~ "' else '" ~ rounding_rule_id ~ "' end",
                lhs='part_yuan',
                rhs='whole_yuan',
                difference='_difference',
                tolerance='_tolerance',
                message="'the part “' || coalesce(subject, '?') || '” (' || part_text || ') is above its whole “'
                    || whole_subject || '” (' || whole_text || ')'
                    || case when _difference < _tolerance then ', within the rounding of the two' else '' end",
                quoted_source="case when whole_line_start = line_start and whole_page is not distinct from page
                    then sentence
                    else " ~ quoted_sentence('whole_file_name', 'whole_line_start', 'whole_line_end', 'whole_page',
                        'whole_sentence') ~ " || chr(10) || " ~ quoted_sentence() ~ " end") }}
        from compared
        where _difference > 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test stated_parts_within_whole(model) %}
    {{ stated_parts_within_whole_check(model) }}
{% endtest %}
