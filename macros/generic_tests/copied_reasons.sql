{#- Rule NAR-COPY-001 (warning): the reason of one subject's change copied from another subject: the same reason,
    word for word, stands under two different subjects of one document, and it names the other subject and not its
    own (万里街道 2024: item 15 职业年金缴费支出 carries item 13's reason "事业单位离退休经费增加"). A reason shared
    without naming a subject (项目调整) and a reason that names its own subject are no finding. A subject's names
    are its last path element and its last two joined (see subject_names); a name of the other subject that is
    also one of its own (一般行政管理事务 under two 款) does not count. One row per copied reason.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro copied_reasons_check(statements, rule_id='NAR-COPY-001') %}
    with

    reasons as (
        select distinct
            document_sha256, file_name, page, line_start, line_end, sentence, subject, subject_path, reason_text,
            {{ reason_key('reason_text') }} as _reason_key,
            {{ subject_path_elements('subject', 'subject_path') }} as _elements
        from {{ statements }}
        where reason_text is not null and subject is not null
    ),

    named as (
        select
            *,
            {{ subject_names('_elements') }} as _names,
            array_to_string(_elements, '/') as _subject_key
        from reasons
        where {{ reason_key('reason_text') }} is not null
    ),

    copied as (
        select
            copy.*,
            source.subject as source_subject,
            source.file_name as source_file_name,
            source.page as source_page,
            source.line_start as source_line_start,
            source.line_end as source_line_end,
            source.sentence as source_sentence
        from named as copy
        inner join named as source
            on source.document_sha256 = copy.document_sha256
            and source._reason_key = copy._reason_key
            and source._subject_key <> copy._subject_key
        where len(list_filter(source._names,
                lambda name: contains(copy._reason_key, name) and not list_contains(copy._names, name))) > 0
            and len(list_filter(copy._names, lambda name: contains(copy._reason_key, name))) = 0
        qualify row_number() over (
            partition by copy.document_sha256, copy.line_start, copy.page, copy._subject_key
            order by source.page, source.line_start) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'the reason given for “' || subject || '” (“' || reason_text
                    || '”) is the reason given for “' || source_subject || '” and names it, not “' || subject
                    || '”: possibly copied'",
                quoted_source=quoted_sentence() ~ " || chr(10) || "
                    ~ quoted_sentence('source_file_name', 'source_line_start', 'source_line_end', 'source_page',
                        'source_sentence')) }}
        from copied
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test copied_reasons(model) %}
    {{ copied_reasons_check(model) }}
{% endtest %}
