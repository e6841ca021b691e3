{#- Rules NAR-YEAR-001 and NAR-YEAR-002 (error): years that do not fit the document's year.
    NAR-YEAR-001, the year compared with: a 预算 compares with the year before (比2023年预算 in a 2024 budget; "比2026年
    预算" in a 2026 budget is a slip); a 决算 compares its own year's 预算/年初预算/调整预算 (比2024年年初预算 in the 2024
    决算) and the year before's 决算 or 执行数, and the next year's budget it may state compares with its own year. The year compared is compared_year, or the period of a stated prior
    amount (2023年当年预算执行数为… in a 2024 budget). For other document kinds only a year after the document's
    is a slip (their comparisons are not fixed). NAR-YEAR-002, the year of a current amount: an `amount` whose
    period_year is not the document's year (2025年预算安排… in a 2024 budget), in a 预算 or 决算 only (a report or a news
    item, unclassified, speaks of several years: 2023年预算执行情况和2024年预算草案). Amounts the reader dated by their own
    basis to another year are left alone: assets (截至2023年12月31日), and in a budget an amount of 执行/决算 (which can
    only be of an earlier year). `statements`: statement rows with the document's document_fiscal_year and
    document_kind. -#}
{% macro same_year_basis(basis_column) -%}
    coalesce(regexp_matches({{ basis_column }}, '^(?:.*年初.*|.*调整.*|预算(?:数)?|(?:initial_|adjusted_)?budget)$'), false)
{%- endmacro %}

{% macro comparison_years_check(statements, rule_id='NAR-YEAR-001', period_rule_id='NAR-YEAR-002') %}
    with

    dated as (
        select
            *,
            document_kind like '%budget%' as _is_budget,
            document_kind like '%final_accounts%' as _is_final_accounts,
            coalesce(compared_year, case when role = 'prior_amount' then period_year end) as _year_compared,
            coalesce(compared_basis, case when role = 'prior_amount' then basis end) as _basis_compared
        from {{ statements }}
        where document_fiscal_year is not null
    ),

    compared as (
        select distinct
            document_sha256, file_name, page, line_start, line_end, sentence, sentence_index, subject,
            document_fiscal_year,
            _year_compared,
            _basis_compared,
            case
                when _is_budget then document_fiscal_year - 1
                -- the next year's budget a 决算 states beside its own figures (2011年预算数比2010年决算数增长, in the 2010
                -- 决算 published with the 2011 budget) compares with the document's own year
                when _is_final_accounts and period_year = document_fiscal_year + 1 and {{ same_year_basis('basis') }}
                    then document_fiscal_year
                when _is_final_accounts and {{ same_year_basis('_basis_compared') }} then document_fiscal_year
                when _is_final_accounts then document_fiscal_year - 1
            end as _expected_year
        from dated
        where _year_compared is not null
    ),

    compared_in_sentence as (
        -- a sentence that also compares with the expected year (or says 上年) may add an earlier base on purpose:
        -- 比上年决算数增加…；比2019年（疫情前）决算数减少… (广东省财政厅 2023 三公决算) is no slip
        select
            *,
            -- the same subject, in this sentence or the one before or after (a clause after "；" is a sentence)
            bool_or(_year_compared = _expected_year
                    or regexp_matches(sentence, '比上年|较上年|上年度?同期|同比|比去年|较去年|上一年度?'))
                over (partition by document_sha256, coalesce(subject, sentence) order by sentence_index
                      range between 1 preceding and 1 following) as _names_expected
        from compared
    ),

    sentence_lines as (
        -- the lines of every number of the sentence: a wrong year stands where the sentence starts
        -- ("2017年当年预算执行数为527.15万元，2017年预算安排…，比2017年预算执行数增加104.70%"), not only at the growth
        select document_sha256, sentence_index, min(line_start) as sentence_line_start,
            max(line_end) as sentence_line_end
        from dated
        group by document_sha256, sentence_index
    ),

    wrong_comparisons as (
        select
            compared_in_sentence.* exclude (_names_expected, sentence_index, line_start, line_end),
            least(compared_in_sentence.line_start, sentence_lines.sentence_line_start) as line_start,
            greatest(compared_in_sentence.line_end, sentence_lines.sentence_line_end) as line_end,
            '{{ rule_id }}' as _rule_id,
            'compares with ' || cast(_year_compared as varchar) || coalesce(' (' || _basis_compared || ')', '')
                || ' in a document of ' || cast(document_fiscal_year as varchar)
                || coalesce(': the year compared with should be ' || cast(_expected_year as varchar),
                    ': a year after the document''s') as _message
        from compared_in_sentence
        inner join sentence_lines using (document_sha256, sentence_index)
        where (_expected_year is not null and _year_compared > _expected_year)
            or (_expected_year is not null and _year_compared < _expected_year and not _names_expected)
            or (_expected_year is null and _year_compared > document_fiscal_year)
        -- one finding per wrong year of a sentence (its change and its growth both compare with it)
        qualify row_number() over (partition by document_sha256, sentence_index, _year_compared
            order by compared_in_sentence.line_start, compared_in_sentence.line_end) = 1
    ),

    current_amounts as (
        select distinct
            document_sha256, file_name, page, line_start, line_end, sentence, subject, document_fiscal_year,
            period_year, basis, value_text, printed_unit
        from dated
        where role = 'amount'
            and period_year is not null
            and period_year <> document_fiscal_year
            -- only a document of one year by its kind (a 预算, a 决算); a report or a news item speaks of several
            -- (2023年预算执行情况和2024年预算草案)
            and (_is_budget or _is_final_accounts)
            and coalesce(subject_kind, '') <> 'assets'
            and not (_is_budget and coalesce(regexp_matches(basis, '执行|决算|execution|final_accounts|actual'), false))
            -- a 决算 published with the next year's budget states that budget too (2011年“三公经费”预算551.59万元 in
            -- the 2010 决算): a budget amount of the year after is no slip; a 决算 amount of it is
            and not (_is_final_accounts and period_year = document_fiscal_year + 1 and {{ same_year_basis('basis') }})
    ),

    wrong_periods as (
        select
            *,
            '{{ period_rule_id }}' as _rule_id,
            coalesce('“' || subject || '” ', '') || value_text || coalesce(printed_unit, '') || ' is stated for '
                || cast(period_year as varchar) || ' in a document of ' || cast(document_fiscal_year as varchar)
                as _message
        from current_amounts
    ),

    failing as (
        select
            {{ statement_failure_columns('_rule_id',
                lhs='_year_compared',
                rhs='_expected_year',
                difference='_year_compared - _expected_year',
                message='_message') }}
        from wrong_comparisons
        union all
        select
            {{ statement_failure_columns('_rule_id',
                lhs='period_year',
                rhs='document_fiscal_year',
                difference='period_year - document_fiscal_year',
                message='_message') }}
        from wrong_periods
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test comparison_years(model) %}
    {{ comparison_years_check(model) }}
{% endtest %}
