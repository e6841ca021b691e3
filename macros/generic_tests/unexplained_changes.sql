{#- Rule NAR-TEXT-009 (notice): a real change (增加/减少 a non-zero amount) printed with no reason where the other
    changes of the same kind (subject_kind) in the same section give one -- the reason the template asks for is left
    out (百色 2024: 公务用车运行维护费2505万元，比上年年初预算减少174万元。 the only 三公 item without one). An editorial
    omission, never an error. A sentence that words its reason without 主要原因 (主要是, 由于, 因为) has one.
    One row per change; lhs = the change (signed, in the printed unit), rhs = the number of sibling changes that
    give a reason. `statements`: statement rows (stg_raw__statements columns). -#}
{% macro unexplained_changes_check(statements, rule_id='NAR-TEXT-009', min_siblings=2) %}
    with

    changes as (
        select document_sha256, file_name, page, line_start, line_end, sentence_index, sentence, section, subject,
            subject_kind, direction, value, value_text, printed_unit, reason_text
        from {{ statements }}
        where role = 'change' and direction in (1, -1) and value > 0 and subject_kind is not null
    ),

    -- a whole whose parts are listed (三公经费 over its items) is not one of the siblings: its parts carry the reasons
    wholes as (
        select distinct document_sha256, parent_subject as subject
        from {{ statements }}
        where parent_subject is not null
    ),

    explained as (
        select document_sha256, coalesce(section, '') as section_key, subject_kind,
            count(distinct sentence_index) as explained_sentences
        from changes
        where reason_text is not null
        group by all
    ),

    unexplained as (
        select changes.*, explained.explained_sentences
        from changes
        inner join explained
            on explained.document_sha256 = changes.document_sha256
            and explained.section_key = coalesce(changes.section, '')
            and explained.subject_kind = changes.subject_kind
        where changes.reason_text is null
            and not exists (
                select 1 from wholes
                where wholes.document_sha256 = changes.document_sha256 and wholes.subject = changes.subject)
            and not regexp_matches(changes.sentence, '原因|主要是|由于|因为|是因|用于')
            and explained.explained_sentences >= {{ min_siblings }}
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                lhs='value * direction',
                rhs='explained_sentences',
                message="coalesce('“' || subject || '” ', 'the amount ')
                    || case direction when 1 then 'increases' else 'decreases' end || ' by ' || value_text
                    || coalesce(printed_unit, '') || ' with no reason, where ' || cast(explained_sentences as varchar)
                    || ' other changes of the same kind in this section give one'") }}
        from unexplained
    )

    select distinct {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test unexplained_changes(model) %}
    {{ unexplained_changes_check(model) }}
{% endtest %}
