{#- Rule NAR-TEXT-005 (error): a table printed with figures and, under it, the note that it is empty (万里街道 2024:
    the 三公 table prints 47.91 … 443.18 and "注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。").
    The note (role `empty_table_note`) is about the table printed just above it: the nearest table of the same
    document whose figures end above the note on its page, or on the page before (for text without pages: above
    it). That table must also be the one the note names: after the words every table title shares are removed
    (year, 部门/单位, 预算/决算, 财政拨款, 收支/收入/支出, 表 …), the note's subject and the title share four
    characters (三公经费, 政府性基金). Finding when that table prints a figure other than 0. One row per note.
    `statements`: statement rows; `figures`: table figures (stg_raw__figures columns: table_name, printed_value,
    page, line_start, line_end, raw_text). -#}
{% macro table_title_key(text_column) -%}
    coalesce(regexp_replace({{ text_name_key(text_column) }},
        '[0-9]+年度?|本年度?|部门|单位|本|预算|决算|财政拨款|收支|收入|支出|总表|表|无|安排的|安排|故|为空|注', '', 'g'), '')
{%- endmacro %}

{% macro empty_table_notes_check(statements, figures, rule_id='NAR-TEXT-005') %}
    with

    notes as (
        select distinct
            document_sha256, file_name, page, line_start, line_end, sentence, subject,
            {{ table_title_key('subject') }} as _subject_key
        from {{ statements }}
        where role = 'empty_table_note'
    ),

    tables as (
        select
            document_sha256,
            table_name,
            {{ table_title_key('table_name') }} as _table_key,
            max(page) as last_page,
            max_by(line_end, coalesce(page, 0) * 1000000 + line_end) as last_line,
            count(*) filter (where printed_value <> 0) as nonzero_figures,
            arg_min(raw_text, coalesce(page, 0) * 1000000 + line_start) filter (where printed_value <> 0)
                as first_nonzero_text,
            arg_min(page, coalesce(page, 0) * 1000000 + line_start) filter (where printed_value <> 0)
                as first_nonzero_page,
            arg_min(line_start, coalesce(page, 0) * 1000000 + line_start) filter (where printed_value <> 0)
                as first_nonzero_line
        from {{ figures }}
        group by document_sha256, table_name
    ),

    table_above as (
        select
            notes.*,
            tables.table_name,
            tables._table_key,
            tables.nonzero_figures,
            tables.first_nonzero_text,
            tables.first_nonzero_page,
            tables.first_nonzero_line
        from notes
        inner join tables
            on tables.document_sha256 = notes.document_sha256
            and (
                (notes.page is null and tables.last_page is null and tables.last_line < notes.line_start)
                or (tables.last_page = notes.page and tables.last_line < notes.line_start)
                or tables.last_page = notes.page - 1
            )
        qualify row_number() over (
            partition by notes.document_sha256, notes.page, notes.line_start
            order by tables.last_page desc nulls last, tables.last_line desc) = 1
    ),

    named as (
        select *
        from table_above
        where length(_subject_key) > 0 and length(_table_key) > 0
            and (contains(_table_key, _subject_key) or contains(_subject_key, _table_key))
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                lhs='nonzero_figures',
                rhs='0',
                message="'the note says the table “' || table_name || '” is empty, but it prints '
                    || cast(nonzero_figures as varchar) || ' figure(s) other than 0'",
                quoted_source="sentence || chr(10) || file_name || coalesce(':' || cast(first_nonzero_line as varchar), '')
                    || coalesce(' (p. ' || cast(first_nonzero_page as varchar) || ')', '') || ': '
                    || trim(first_nonzero_text)") }}
        from named
        where nonzero_figures > 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test empty_table_notes(model, figures) %}
    {{ empty_table_notes_check(model, figures) }}
{% endtest %}
