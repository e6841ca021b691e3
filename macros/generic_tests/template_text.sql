{#- Rule NAR-TEXT-011 (error): a template's instruction left where the content belongs -- a cell or line that holds
    only the instruction and its length limit (对照年度目标，说明相关任务目标的完成情况（100字以内）), or 请填写… /
    此处填写… (the marks reader's role `template_text`: `subject` = the instruction, `value_text` = the words matched).
    A label followed by its content on the same line or cell is not read as one. One row per instruction.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro template_text_check(statements, rule_id='NAR-TEXT-011') %}
    with

    instructions as (
        select distinct document_sha256, file_name, page, line_start, line_end, sentence, subject, value_text
        from {{ statements }}
        where role = 'template_text'
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'the template''s instruction is printed where the content belongs (“' || value_text
                    || '”): “' || subject || '”'") }}
        from instructions
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test template_text(model) %}
    {{ template_text_check(model) }}
{% endtest %}
