{#- Rule NAR-TEXT-002 (error): a template placeholder left in the published text ("XX局", "××万元"): the reader
    lands it as a statement of role `placeholder` (the placeholder as printed in value_text, or as its subject). One row per placeholder.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro text_placeholders_check(statements, rule_id='NAR-TEXT-002') %}
    with

    placeholders as (
        select distinct document_sha256, file_name, page, line_start, line_end, sentence, subject, value_text, raw_text
        from {{ statements }}
        where role = 'placeholder'
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'a placeholder is left in the text: “' || coalesce(value_text, subject, raw_text) || '”'") }}
        from placeholders
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test text_placeholders(model) %}
    {{ text_placeholders_check(model) }}
{% endtest %}
