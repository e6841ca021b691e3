{#- Rules NAR-UNIT-001 (error) and NAR-UNIT-002 (warning): a heading or table-of-contents entry of the form
    "<organisation><year>年<document word>" (三江侗族自治县独峒镇农业农村工作站2024年预算绩效目标) names another body of
    the same level than the document's own -- a part copied from another unit's document. The document's own body is
    the one its headings name most often (at least twice, and more often than any other); another name is judged
    only when it is of the same level and parent: it ends with the same character (站, 局, 中心 …), shares at least
    two leading characters with the own name, and neither name holds the other (a department's own 机关 or a
    subordinate named after it is not another body). In a unit's own document (单位预算 / 单位决算: it holds no
    other unit's part) that is NAR-UNIT-001, in any other document NAR-UNIT-002 (a department's document may hold
    its units' parts). One row per heading; the message names both bodies.
    `statements`: statement rows (stg_raw__statements columns, with document_kind). -#}
{% macro unit_headings_check(statements, rule_id='NAR-UNIT-001', other_kind_rule_id='NAR-UNIT-002') %}
    with

    headings as (
        select distinct
            document_sha256, file_name, document_kind, page, line_start, line_end, sentence,
            replace(replace(subject, '(', '（'), ')', '）') as organisation
        from {{ statements }}
        where role = 'unit_heading' and subject is not null
    ),

    named as (
        select document_sha256, organisation, count(*) as times
        from headings
        group by all
    ),

    own_units as (
        select document_sha256, organisation as own_organisation, times as own_times
        from named
        qualify row_number() over (partition by document_sha256 order by times desc) = 1
            and times >= 2
            and times > coalesce(lead(times) over (partition by document_sha256 order by times desc), 0)
    ),

    others as (
        select headings.*, own_units.own_organisation, own_units.own_times
        from headings
        inner join own_units using (document_sha256)
        where headings.organisation <> own_units.own_organisation
            and right(headings.organisation, 1) = right(own_units.own_organisation, 1)
            and not contains(headings.organisation, own_units.own_organisation)
            and not contains(own_units.own_organisation, headings.organisation)
            and len(list_filter(range(1, least(length(headings.organisation), length(own_units.own_organisation)) + 1),
                lambda i: left(headings.organisation, i) = left(own_units.own_organisation, i))) >= 2
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when document_kind like 'unit%' then '" ~ rule_id ~ "' else '"
                    ~ other_kind_rule_id ~ "' end",
                message="'the heading names “' || organisation || '”, another body than the document''s own “'
                    || own_organisation || '” (named by ' || cast(own_times as varchar) || ' headings)'") }}
        from others
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test unit_headings(model) %}
    {{ unit_headings_check(model) }}
{% endtest %}
