{#- Rules NAR-TEXT-003 (error) and NAR-TEXT-004 (warning): an empty reason ("主要原因是。", role `empty_reason`).
    The change it explains is the change (a statement with a direction) of the same subject in the same sentence,
    else in the sentence before (a reason printed as a sentence of its own); a subject the reader left open matches
    any. After a real change (增加/减少) the empty reason is NAR-TEXT-003; after 持平, or with no change found, the
    template is still unfilled: NAR-TEXT-004 (普陀区社会福利院 2024: 公务用车购置及运行费6.40万元，与2023年预算持平，
    主要原因是。). One row per empty reason. `statements`: statement rows (stg_raw__statements columns). -#}
{% macro empty_reasons_check(statements, rule_id='NAR-TEXT-003', unchanged_rule_id='NAR-TEXT-004') %}
    with

    empty_reasons as (
        select distinct document_sha256, file_name, page, line_start, line_end, sentence_index, sentence, subject
        from {{ statements }}
        where role = 'empty_reason'
    ),

    changes as (
        select document_sha256, sentence_index, subject, direction, role, value_text, printed_unit
        from {{ statements }}
        where direction is not null
    ),

    explained as (
        select
            empty_reasons.*,
            changes.direction,
            changes.subject as change_subject,
            changes.value_text as change_text,
            changes.printed_unit as change_unit
        from empty_reasons
        left join changes
            on changes.document_sha256 = empty_reasons.document_sha256
            and changes.sentence_index between empty_reasons.sentence_index - 1 and empty_reasons.sentence_index
            and (changes.subject is null or empty_reasons.subject is null
                or {{ text_name_key('changes.subject') }} = {{ text_name_key('empty_reasons.subject') }})
        qualify row_number() over (
            partition by empty_reasons.document_sha256, empty_reasons.sentence_index, empty_reasons.line_start,
                empty_reasons.subject
            order by changes.sentence_index desc nulls last, abs(coalesce(changes.direction, 0)) desc,
                changes.role) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when direction in (1, -1) then '" ~ rule_id ~ "' else '" ~ unchanged_rule_id ~ "' end",
                lhs='direction',
                message="'the reason given for '
                    || coalesce('“' || coalesce(subject, change_subject) || '”', 'a change') || ' is empty'
                    || case
                        when direction = 1 then ' although it increases'
                            || coalesce(' by ' || change_text || coalesce(change_unit, ''), '')
                        when direction = -1 then ' although it decreases'
                            || coalesce(' by ' || change_text || coalesce(change_unit, ''), '')
                        when direction = 0 then ' (the amount is unchanged): an unfilled template'
                        else ': an unfilled template'
                    end") }}
        from explained
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test empty_reasons(model) %}
    {{ empty_reasons_check(model) }}
{% endtest %}
