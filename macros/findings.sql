{#- The key of a finding: its rule, document, locator, message and the source it quotes. The quoted source is part of
    it because a locator can name one line holding several sentences (a news item printed as one line): two
    sentences repeated on line 1 are two findings, not one of them picked at random. `f` is the relation alias. -#}
{% macro finding_id(f, quoted_source) -%}
    md5({{ f }}.rule_id || '|' || {{ f }}.document_sha256 || '|' || {{ f }}.source_locator || '|'
        || coalesce({{ f }}.message, '') || '|' || coalesce({{ quoted_source }}, ''))
{%- endmacro %}


{#- The order that keeps one row of each finding_id: rows with the same key differ at most in their evidence (the same
    finding from two checks); every column is in the order so the row kept is the same build after build. -#}
{% macro finding_tie_break(f) -%}
    {{ f }}.lhs, {{ f }}.rhs, {{ f }}.difference, {{ f }}.tolerance, {{ f }}.line_start, {{ f }}.line_end,
        {{ f }}.page
{%- endmacro %}


{#- The columns of fct_findings for findings with the evidence columns (finding_id, rule_id, severity, document_sha256,
    file_name, page, lines, source_locator, quoted_source, lhs, rhs, difference, tolerance, message): the rule's
    text and publication category, the document's department, year and kind, and lhs / rhs / difference /
    tolerance in the unit the document prints. Arguments are relations or CTE names: the findings, the rule catalog,
    the documents (stg_raw__documents) and the figures (stg_raw__figures) of those documents. Used by
    int_document_findings and fct_findings, so both give a finding the same columns. -#}
{% macro findings_in_document_units(findings, rules, documents, figures) %}
    with

    -- the decimals a document prints its amounts with, in its own unit (the most frequent; 2 for 350.35 万元)
    document_decimals as (
        select
            figures.document_sha256,
            mode(figures.printed_decimals order by figures.printed_decimals) as printed_decimals
        from {{ figures }} as figures
        inner join {{ documents }} as documents using (document_sha256)
        where figures.printed_unit = documents.printed_unit
            and figures.document_sha256 in (select document_sha256 from {{ findings }})
            and figures.printed_decimals is not null
        group by figures.document_sha256
    ),

    -- the unit lhs and rhs are shown in: an amount in the unit the document prints (万元, 元; 元 when it prints none),
    -- a rate in %, an evaluation score in 分; mixed and none rules keep the stored value and no unit
    units as (
        select
            findings.finding_id,
            case rules.value_kind
                when 'amount' then
                    case when {{ base_unit('documents.printed_unit') }} = '元' then documents.printed_unit else '元' end
                when 'percent' then '%'
                when 'points' then '分'
            end as value_unit,
            -- 1 / the unit's multiplier, as an exact decimal (a division of decimals would be a double)
            case
                when rules.value_kind = 'amount' and {{ base_unit('documents.printed_unit') }} = '元'
                    and {{ unit_multiplier('documents.printed_unit') }} = 100000000 then cast('0.00000001' as decimal(38, 10))
                when rules.value_kind = 'amount' and {{ base_unit('documents.printed_unit') }} = '元'
                    and {{ unit_multiplier('documents.printed_unit') }} = 10000 then cast('0.0001' as decimal(38, 10))
                else cast(1 as decimal(38, 10))
            end as unit_scale,
            case when rules.value_kind = 'amount' then document_decimals.printed_decimals end as value_decimals
        from {{ findings }} as findings
        left join {{ rules }} as rules using (rule_id)
        left join {{ documents }} as documents using (document_sha256)
        left join document_decimals using (document_sha256)
    ),

    in_document_units as (
        select
            findings.finding_id,
            findings.rule_id,
            findings.severity,
            rules.publication_category,
            findings.document_sha256,
            findings.file_name,
            documents.department_name,
            md5(documents.department_name) as department_id,
            documents.fiscal_year,
            documents.document_kind,
            findings.page,
            findings.line_start,
            findings.line_end,
            findings.source_locator,
            findings.quoted_source,
            findings.lhs,
            findings.rhs,
            findings.difference,
            findings.tolerance,
            rules.value_kind,
            units.value_unit,
            units.value_decimals,
            cast(findings.lhs * units.unit_scale as decimal(38, 10)) as lhs_in_unit,
            cast(findings.rhs * units.unit_scale as decimal(38, 10)) as rhs_in_unit,
            cast(findings.difference * units.unit_scale as decimal(38, 10)) as difference_in_unit,
            cast(findings.tolerance * units.unit_scale as decimal(38, 10)) as tolerance_in_unit,
            findings.message,
            rules.description_zh as rule_description_zh,
            rules.description_en as rule_description_en
        from {{ findings }} as findings
        left join {{ rules }} as rules using (rule_id)
        left join {{ documents }} as documents using (document_sha256)
        left join units using (finding_id)
    )

    select * from in_document_units
{% endmacro %}


{#- The lines a finding covers, quoted in the order printed (the same text on two lines is quoted once per line): one
    row per (rule_id, document_sha256, source_locator) of `failures` with its quoted_source. `source_lines`: distinct
    (document_sha256, line_start, line_end, raw_text) of the documents' figures. Used by int_document_findings and
    fct_findings. -#}
{% macro quoted_lines(failures, source_lines) %}
    select
        failures.rule_id,
        failures.document_sha256,
        failures.source_locator,
        array_to_string(list_transform(
            list_sort(list_distinct(list({'line': source_lines.line_start, 'text': source_lines.raw_text}))),
            lambda quoted_line: quoted_line.text), chr(10)) as quoted_source
    from {{ failures }} as failures
    inner join {{ source_lines }} as source_lines
        on source_lines.document_sha256 = failures.document_sha256
        and source_lines.line_start <= failures.line_end
        and source_lines.line_end >= failures.line_start
    group by all
{% endmacro %}
