{#- Rule NAR-COPY-003 (warning): the same sentence printed twice in one document about the same subject(s) with
    numbers that differ: once its numbers are masked (digits -> #) the two sentences are identical and the
    subjects the reader bound in them are the same (full path where printed), but the digits differ -- one of them
    was copied and not updated, or the numbers of two subjects were swapped. Sentences about different subjects
    (each item of a list says "2023年当年预算执行数为…") are no finding, nor are sentences about different scopes (the
    paragraph of 41个县 and the paragraph of 59个区 each say "一般公共预算支出完成…亿元"; `scope` is the area or level
    the reader read last before the sentence), nor sentences under headings of two different budgets (“加上转移性收入…，
    收入合计…” under 一般公共预算执行情况 and again under 政府性基金预算执行情况); the same sentence printed twice with the
    same numbers is none either, nor two sentences opening with 其中 after sentences that differ (each breaks down the
    whole of the sentence before it: 其中，A减少…，B减少… after 与年初预算相比… and again after 与上年执行数相比…). One row per later sentence. `statements`: statement rows (stg_raw__statements
    columns). -#}
{% macro repeated_sentences_check(statements, rule_id='NAR-COPY-003') %}
    with

    -- the key of each subject (its path where printed), computed once per distinct name, not once per statement
    subject_keys as (
        select _subject_name, {{ text_name_key('_subject_name') }} as _subject_key
        from (select distinct coalesce(subject_path, subject) as _subject_name from {{ statements }})
    ),

    -- the subjects of each sentence, apart from the sentence's other columns
    sentence_subjects as (
        select
            statements.document_sha256,
            statements.sentence_index,
            list_sort(list_distinct(list(subject_keys._subject_key)
                filter (where statements.subject is not null))) as _subjects
        from {{ statements }} as statements
        left join subject_keys on subject_keys._subject_name = coalesce(statements.subject_path, statements.subject)
        group by statements.document_sha256, statements.sentence_index
    ),

    sentence_rows as (
        select
            document_sha256,
            sentence_index,
            min(file_name) as file_name,
            min(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            -- the sentence's own text, the shortest its rows quote: a compared_budget / compared_actual mark quotes
            -- the sentence before it too (loaders/text_marks.py), and any_value picked either, build by build
            arg_min(sentence, (length(sentence), sentence)) as sentence,
            max(scope) as _scope,
            -- the budget (of the four: 一般公共预算, 政府性基金, 国有资本经营, 社会保险基金) the sentence's heading is about
            max(regexp_extract(coalesce(section, ''), '一般公共预算|政府性基金|国有资本经营|社会保险基金')) as _book
        from {{ statements }}
        group by document_sha256, sentence_index
    ),

    sentence_texts as (
        select
            *,
            {{ masked_sentence('sentence') }} as _masked,
            regexp_replace(sentence, '\s', '', 'g') as _text
        from sentence_rows
    ),

    sentences as (
        select
            sentence_texts.*,
            sentence_subjects._subjects,
            -- a sentence opening with 其中 breaks down the whole of the sentence before: it is about what that sentence is
            -- about (其中，因公出国（境）费减少…, after 与2013年年初预算相比… or after 与2013年执行数相比…)
            regexp_matches(sentence_texts._text, '^其中') as _continues,
            lag(sentence_texts._masked) over (
                partition by sentence_texts.document_sha256 order by sentence_texts.sentence_index) as _before_masked
        from sentence_texts
        inner join sentence_subjects using (document_sha256, sentence_index)
    ),

    repeated as (
        select
            later.*,
            earlier.file_name as earlier_file_name,
            earlier.page as earlier_page,
            earlier.line_start as earlier_line_start,
            earlier.line_end as earlier_line_end,
            earlier.sentence as earlier_sentence
        from sentences as later
        inner join sentences as earlier
            on earlier.document_sha256 = later.document_sha256
            and earlier.sentence_index < later.sentence_index
            and earlier._masked = later._masked
            and earlier._subjects = later._subjects
            and earlier._scope is not distinct from later._scope
            and (earlier._book = '' or later._book = '' or earlier._book = later._book)
            and earlier._text <> later._text
            and (not later._continues or earlier._before_masked is not distinct from later._before_masked)
        where len(later._subjects) > 0 and later._masked like '%#%'
        qualify row_number() over (
            partition by later.document_sha256, later.sentence_index order by earlier.sentence_index) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'the same sentence about “' || array_to_string(_subjects, '”, “')
                    || '” is printed twice with different numbers'",
                quoted_source=quoted_sentence('earlier_file_name', 'earlier_line_start', 'earlier_line_end',
                    'earlier_page', 'earlier_sentence') ~ " || chr(10) || " ~ quoted_sentence()) }}
        from repeated
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test repeated_sentences(model) %}
    {{ repeated_sentences_check(model) }}
{% endtest %}
