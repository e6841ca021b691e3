{#- Rule NAR-TEXT-001 (error): the reason given for a change says the opposite of the change -- the sentence states a
    decrease (减少/下降, direction -1) and its reason an increase (经费增加, reason_direction +1), or the reverse
    (万里街道 2024 item 4: 宣传事务 比2023年预算执行数减少2.98%，主要原因是：宣传事务一般行政管理事务经费增加). A change
    of 持平 (0) and a reason without a direction (项目调整) never contradict. One row per sentence and subject; the
    quote is the sentence and the reason as printed.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro reason_direction_check(statements, rule_id='NAR-TEXT-001') %}
    with

    contradicted as (
        select distinct
            document_sha256, file_name, page, line_start, line_end, sentence, subject,
            coalesce(replace(subject_path, '/', ' / '), subject) as subject_label, direction, reason_direction,
            reason_text
        from {{ statements }}
        where direction in (1, -1)
            and reason_direction in (1, -1)
            and reason_direction = -direction
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                lhs='direction',
                rhs='reason_direction',
                message="coalesce('“' || subject_label || '” ', 'the amount ')
                    || case direction when 1 then 'increases' else 'decreases' end
                    || ', but the reason given says it '
                    || case reason_direction when 1 then 'increases' else 'decreases' end
                    || ': “' || reason_text || '”'",
                quoted_source="sentence || ' … ' || reason_text") }}
        from contradicted
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test reason_direction(model) %}
    {{ reason_direction_check(model) }}
{% endtest %}
