{#- Rule NAR-TEXT-013 (warning): a blank left where the template's number belongs -- a unit or % printed with no
    number before it after the words that ask for one (占 %, 比上年减少 万元, 增长 %, 增加万元, 減少 萬元; the marks reader's
    role `empty_value`: `value_text` = the words and the unit, `subject` = the clause, `raw_text` = the line as
    printed). Unit labels (单位：万元), bracketed headings (（%）) and 万元以上 are not marked by the reader. One row
    per blank; the line is quoted as printed, then the sentence as read.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro empty_values_check(statements, rule_id='NAR-TEXT-013') %}
    with

    blanks as (
        select distinct document_sha256, file_name, page, line_start, line_end, sentence_index, sentence, subject,
            value_text, printed_unit, raw_text
        from {{ statements }}
        where role = 'empty_value'
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'no number is printed before the ' || printed_unit || ' in “' || coalesce(subject, value_text)
                    || '”: the template''s blank was left unfilled'",
                quoted_source="raw_text || case when sentence <> raw_text then chr(10) || sentence else '' end") }}
        from blanks
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test empty_values(model) %}
    {{ empty_values_check(model) }}
{% endtest %}
