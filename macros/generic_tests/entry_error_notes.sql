{#- Rule NAR-TEXT-012 (warning): the publisher writes in its own text that a figure was entered wrongly (因系统卡顿，
    …修改后未能在系统中改变; 录入错误; 填报有误) -- the printed figure is then not the intended one, whatever its
    arithmetic (the marks reader's role `entry_error_note`, `value_text` = the words matched). One row per mention.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro entry_error_notes_check(statements, rule_id='NAR-TEXT-012') %}
    with

    notes as (
        select distinct document_sha256, file_name, page, line_start, line_end, sentence, value_text
        from {{ statements }}
        where role = 'entry_error_note'
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'the text says a figure was entered wrongly (“' || value_text
                    || '”): the figure printed may not be the one intended'") }}
        from notes
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test entry_error_notes(model) %}
    {{ entry_error_notes_check(model) }}
{% endtest %}
