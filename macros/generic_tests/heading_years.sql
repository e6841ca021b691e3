{#- Rule NAR-YEAR-003 (warning): a heading or table-of-contents entry "<organisation><year>年<document words>" names a
    year other than the document's, while another heading of the same organisation names the document's year with
    the same document words or more (迪庆州州本级2020年度“三公”经费决支出情况说明 under the title 迪庆州州本级2021年度
    “三公”经费决算支出情况说明): most likely a heading kept from the year before. The document words are those of a
    fixed list (预算, 决算, 执行, 草案, 调整, 绩效, 自评, 评价, 三公, 收入, 支出, 目标) printed after the year; a heading
    naming none of them is not judged, nor one whose words are not all among the own-year heading's (a report on
    2023年预算执行情况 and 2024年预算草案 names two years for different documents). One row per heading; the message
    names both headings. `statements`: statement rows with document_fiscal_year (statements_with_their_document). -#}
{% macro heading_years_check(statements, rule_id='NAR-YEAR-003') %}
    with

    headings as (
        select distinct
            document_sha256, file_name, document_fiscal_year, page, line_start, line_end, sentence,
            subject as organisation,
            try_cast(left(value_text, 4) as integer) as heading_year,  -- (value_text: 2021年度, 2020年)
            list_filter(['预算', '决算', '执行', '草案', '调整', '绩效', '自评', '评价', '三公', '收入', '支出', '目标'],
                lambda word: contains(regexp_extract(sentence, left(value_text, 4) || '年度?(.*)$', 1), word)) as words
        from {{ statements }}
        where role = 'unit_heading' and subject is not null and document_fiscal_year is not null
    ),

    own_year as (
        select document_sha256, organisation, words as own_words, sentence as own_sentence, line_start as own_line
        from headings
        where heading_year = document_fiscal_year
    ),

    other_years as (
        select headings.*, own_year.own_sentence, own_year.own_line
        from headings
        inner join own_year using (document_sha256, organisation)
        where headings.heading_year <> headings.document_fiscal_year
            and len(headings.words) > 0
            and list_has_all(own_year.own_words, headings.words)
        qualify row_number() over (
            partition by headings.document_sha256, headings.line_start, headings.sentence
            order by own_year.own_line) = 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="'" ~ rule_id ~ "'",
                message="'the heading names ' || cast(heading_year as varchar) || ', not the document''s year '
                    || cast(document_fiscal_year as varchar) || ' that “' || own_sentence || '” (line '
                    || cast(own_line as varchar) || ') names for the same document'") }}
        from other_years
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test heading_years(model) %}
    {{ heading_years_check(model) }}
{% endtest %}
