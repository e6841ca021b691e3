{#- Rule NAR-COPY-002 (warning): an item that carries another item's figures: two different subjects of one
    document state the same current amount, the same prior amount and the same growth percentage with the same
    direction (each as printed, with its unit). Only triples whose current amount has at least three significant
    digits count (leading and trailing zeros and the decimal point removed: 352.67 -> 35267; 25.00 -> 25 is a round
    figure two items may share). One row per later item (the first is quoted beside it). `statements`: statement
    rows (stg_raw__statements columns). -#}
{% macro copied_figures_check(statements, rule_id='NAR-COPY-002') %}
    with

    -- the key of each subject (its path where printed), computed once per distinct name, not once per statement
    subject_keys as (
        select _subject_name, {{ text_name_key('_subject_name') }} as _subject_key
        from (select distinct coalesce(subject_path, subject) as _subject_name from {{ statements }})
    ),

    items as (
        select
            document_sha256,
            sentence_index,
            subject_keys._subject_key,
            -- the subject as first printed: the item is one subject key, which two spellings may share
            arg_min(statements.subject, (statements.line_start, statements.subject)) as subject,
            min(file_name) as file_name,
            min(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            arg_min(sentence, (length(sentence), sentence)) as sentence,
            max(case when role = 'amount' then value_text || coalesce(printed_unit, '') end) as current_text,
            count(distinct case when role = 'amount' then value end) as current_count,
            max(case when role = 'amount' then value_text end) as current_value_text,
            max(case when role = 'amount' then value end) as current_value,
            max(case when role = 'prior_amount' then value_text || coalesce(printed_unit, '') end) as prior_text,
            count(distinct case when role = 'prior_amount' then value end) as prior_count,
            max(case when role = 'growth_pct' then value_text || '%' end) as growth_text,
            max(case when role = 'growth_pct' then direction end) as growth_direction,
            count(distinct case when role = 'growth_pct' then value end) as growth_count
        from {{ statements }} as statements
        inner join subject_keys on subject_keys._subject_name = coalesce(statements.subject_path, statements.subject)
        where statements.subject is not null
        group by statements.document_sha256, statements.sentence_index, subject_keys._subject_key
    ),

    triples as (
        select *
        from items
        where current_count = 1 and prior_count = 1 and growth_count = 1 and growth_direction is not null
            and current_value > 0
            and length(trim(regexp_replace(current_value_text, '[^0-9]', '', 'g'), '0')) >= 3
    ),

    copied as (
        select
            later.*,
            earlier.subject as earlier_subject,
            earlier.file_name as earlier_file_name,
            earlier.page as earlier_page,
            earlier.line_start as earlier_line_start,
            earlier.line_end as earlier_line_end,
            earlier.sentence as earlier_sentence
        from triples as later
        inner join triples as earlier
            on earlier.document_sha256 = later.document_sha256
            and earlier._subject_key <> later._subject_key
            and earlier.current_text = later.current_text
            and earlier.prior_text = later.prior_text
            and earlier.growth_text = later.growth_text
            and earlier.growth_direction = later.growth_direction
            and earlier.sentence_index < later.sentence_index
        qualify row_number() over (
            partition by later.document_sha256, later.sentence_index, later._subject_key
            order by earlier.sentence_index) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                message="'“' || subject || '” states ' || current_text || ', prior ' || prior_text || ', '
                    || case growth_direction when 1 then '+' when -1 then '−' else '' end || growth_text
                    || ': the same three figures as “' || earlier_subject || '”: possibly copied'",
                quoted_source=quoted_sentence('earlier_file_name', 'earlier_line_start', 'earlier_line_end',
                    'earlier_page', 'earlier_sentence') ~ " || chr(10) || " ~ quoted_sentence()) }}
        from copied
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test copied_figures(model) %}
    {{ copied_figures_check(model) }}
{% endtest %}
