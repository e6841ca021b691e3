{#- Rule NAR-TEXT-008 (error): a reason that explains a change is attached to a change of zero -- 公务接待费减少0万元，
    主要是……压缩接待开支 (the marks reader's role `zero_change_reason`: a change printed as 0 with a direction, and the
    reason clause after it). A reason counts when it states a reason word of the seed reason_direction_words
    (压缩, 追加, 新增 …; not negated): a zero has nothing for it to explain, so the reason was copied or the amount is
    wrong. One row per such change; lhs = the change printed (0), rhs = the side the reason word explains (+1 / -1).
    `statements`: statement rows (stg_raw__statements columns); `words`: the seed's rows. -#}
{% macro zero_change_reasons_check(statements, words, rule_id='NAR-TEXT-008') %}
    with

    zero_changes as (
        select document_sha256, file_name, page, line_start, line_end, sentence, subject, direction, value,
            value_text, printed_unit, reason_text
        from {{ statements }}
        where role = 'zero_change_reason' and value = 0 and reason_text is not null
    ),

    matched as (
        {{ reason_words_matched('zero_changes', words) }}
    ),

    explained as (
        select
            document_sha256, file_name, page, line_start, line_end, sentence, subject, direction, value, value_text,
            printed_unit, reason_text,
            string_agg(distinct reason_word, '、' order by reason_word) as reason_words,
            min(word_direction) as word_direction
        from matched
        group by all
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                lhs='value',
                rhs='word_direction',
                message="coalesce('“' || subject || '” ', 'the amount ')
                    || case direction when 1 then 'increases' else 'decreases' end || ' by ' || value_text
                    || coalesce(printed_unit, '') || ' (no change), yet a reason is given that explains a change ('
                    || reason_words || '): “' || reason_text || '”'") }}
        from explained
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test zero_change_reasons(model, words) %}
    {{ zero_change_reasons_check(model, words) }}
{% endtest %}
