{#- Rules NAR-PRIOR-001 (error) and NAR-PRIOR-002 (notice): when the warehouse also holds the same department's
    document of the year before, the prior-year amount a sentence states -- directly (2023年预算为X万元: a
    `prior_amount`) or through its change (本年 Y 万元，比2023年预算增加 Z 万元: prior = Y − Z; 持平: prior = Y) -- must
    equal the figure that document printed for the same subject (keys: subject_key of the name without quotes). The prior document is found by the department's
    normalised name (department_key, dim_departments) and year = this year − 1, and by the basis compared with: a
    预算 basis (预算, 年初预算, budget) reads a budget, a 决算 basis a final-accounts document, no basis printed (比2023年度)
    the kind of the document itself; a 预算执行数 is printed by neither and is not checked. `prior_figures`: one row per candidate figure (department_key, fiscal_year,
    document_kind, subject_key, amount_yuan, half_step_yuan, file_name, page, line_start, raw_text), the subject key
    of its row as in `subject_key` (a subject with a path: its last element). When the prior document prints the subject with more than one amount (two
    tables of different scope), or the warehouse holds more than one document of the department of that year and
    kind, the sentence is not checked: no guess; with several documents the ambiguity is said (NAR-PRIOR-003, notice,
    naming them) when one of them prints the subject. Tolerance: the half-steps of the stated
    figures and of the prior figure; within it but not zero: notice. One row per stated prior amount.
    `statements`: statement rows with department_key, document_fiscal_year and document_kind. -#}
{% macro basis_document_family(basis_column) -%}
    case
        when regexp_matches(coalesce({{ basis_column }}, ''), '执行|execution') then null
        when regexp_matches(coalesce({{ basis_column }}, ''), '决算|final_accounts|actual') then 'final_accounts'
        when regexp_matches(coalesce({{ basis_column }}, ''), '预算|budget') then 'budget'
    end
{%- endmacro %}

{% macro prior_document_amounts_check(statements, prior_figures, rule_id='NAR-PRIOR-001',
                                      rounding_rule_id='NAR-PRIOR-002', ambiguous_rule_id='NAR-PRIOR-003') %}
    with

    prior_statements as (
        select * from {{ statements }}
        where department_key is not null and document_fiscal_year is not null
    ),

    prior_subject_keys as materialized (
        -- the key of each distinct subject, computed once per name (a chain of patterns: once per statement, it was
        -- most of this check's time); a 功能分类 subject is matched by its 项 (the last element of its path), as its
        -- table row is named
        select
            subject,
            subject_path,
            {{ subject_key(text_name_key("coalesce(string_split(subject_path, '/')[-1], subject)")) }} as _subject_key
        from (select distinct subject, subject_path from prior_statements)
    ),

    prior_inputs as (
        select
            prior_statements.*,
            {{ statement_yuan('prior_statements.value', 'prior_statements.printed_unit') }} as _yuan,
            {{ statement_half_step_yuan('prior_statements.printed_decimals', 'prior_statements.printed_unit') }}
                as _half_step,
            prior_subject_keys._subject_key,
            case
                when prior_statements.document_kind like '%final_accounts%' then 'final_accounts'
                when prior_statements.document_kind like '%budget%' then 'budget'
            end as _own_family
        from prior_statements
        left join prior_subject_keys
            on prior_subject_keys.subject is not distinct from prior_statements.subject
            and prior_subject_keys.subject_path is not distinct from prior_statements.subject_path
    ),

    stated_priors as (
        select
            document_sha256, file_name, page, line_start, line_end, sentence, subject, _subject_key,
            department_key, document_fiscal_year,
            coalesce({{ basis_document_family('basis') }}, case when basis is null then _own_family end) as _family,
            _yuan as prior_yuan,
            _half_step as prior_half_step,
            value_text || printed_unit as _stated_text
        from prior_inputs
        where role = 'prior_amount' and _yuan is not null
            and coalesce(period_year, compared_year) = document_fiscal_year - 1
    ),

    currents as (
        select document_sha256, sentence_index, _subject_key, _yuan, _half_step, value_text, printed_unit
        from prior_inputs
        where role = 'amount' and _yuan is not null
            and coalesce(period_year, document_fiscal_year) = document_fiscal_year
    ),

    changes as (
        select
            changes.document_sha256, changes.file_name, changes.page, changes.line_start, changes.line_end,
            changes.sentence, changes.subject, changes._subject_key, changes.department_key,
            changes.document_fiscal_year,
            coalesce({{ basis_document_family('coalesce(changes.compared_basis, changes.basis)') }},
                case when coalesce(changes.compared_basis, changes.basis) is null then changes._own_family end)
                as _family,
            currents._yuan - changes.direction * coalesce(changes._yuan, 0) as prior_yuan,
            currents._half_step + coalesce(changes._half_step, 0) as prior_half_step,
            currents.value_text || currents.printed_unit
                || case changes.direction when 0 then ', unchanged'
                    else case changes.direction when 1 then ' − ' else ' + ' end
                        || changes.value_text || changes.printed_unit end as _stated_text
        from prior_inputs as changes
        inner join currents
            on currents.document_sha256 = changes.document_sha256
            and currents.sentence_index = changes.sentence_index
            and currents._subject_key = changes._subject_key
        where changes.role = 'change'
            and changes.direction is not null
            and (changes._yuan is not null or (changes.direction = 0 and changes.value is null))
            and coalesce(changes.compared_year, changes.document_fiscal_year - 1) = changes.document_fiscal_year - 1
        qualify count(*) over (partition by changes.document_sha256, changes.sentence_index, changes.line_start,
            changes._subject_key, changes.value_text) = 1
    ),

    stated as (
        select * from stated_priors
        union all by name
        select * from changes
    ),

    prior_documents as (
        -- the department's documents of one year and kind: with more than one (two 部门预算 of 2023 in the
        -- warehouse), which of them is "the document of the year before" is not known: none is compared, and the
        -- sentence is said not to be (NAR-PRIOR-003, naming them)
        select
            department_key, fiscal_year, document_kind,
            count(distinct file_name) as _documents,
            string_agg(distinct file_name, ', ' order by file_name) as _document_names
        from {{ prior_figures }}
        group by department_key, fiscal_year, document_kind
    ),

    matched as (
        -- each stated prior amount with every figure of the year before printed for its subject
        select
            stated.*,
            prior_figures.amount_yuan as _printed_yuan,
            prior_figures.half_step_yuan as _printed_half_step,
            prior_figures.file_name || coalesce(':' || cast(prior_figures.line_start as varchar), '')
                || coalesce(' (p. ' || cast(prior_figures.page as varchar) || ')', '') || ': '
                || trim(prior_figures.raw_text) as _printed_quote,
            prior_documents._documents,
            prior_documents._document_names
        from stated
        inner join {{ prior_figures }} as prior_figures
            on prior_figures.department_key = stated.department_key
            and prior_figures.fiscal_year = stated.document_fiscal_year - 1
            and prior_figures.subject_key = stated._subject_key
            and prior_figures.document_kind like '%' || stated._family || '%'
        inner join prior_documents
            on prior_documents.department_key = prior_figures.department_key
            and prior_documents.fiscal_year = prior_figures.fiscal_year
            and prior_documents.document_kind = prior_figures.document_kind
        where stated._family is not null and stated._subject_key is not null
    ),

    not_compared as (
        select
            * exclude (_printed_yuan, _printed_half_step, _printed_quote, _documents, _document_names),
            min(_documents) as _documents,
            min(_document_names) as _document_names
        from matched
        where _documents > 1
        group by all
    ),

    printed_before as (
        select
            * exclude (_printed_yuan, _printed_half_step, _printed_quote, _documents, _document_names),
            count(distinct _printed_yuan) as _amounts,
            min(_printed_yuan) as printed_yuan,
            max(_printed_half_step) as printed_half_step,
            min(_printed_quote) as _quoted_prior
        from matched
        where _documents = 1
        group by all
    ),

    compared as (
        select
            *,
            prior_yuan - printed_yuan as _difference,
            prior_half_step + printed_half_step as _tolerance
        from printed_before
        where _amounts = 1 and prior_yuan <> printed_yuan
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when abs(_difference) >= _tolerance then '" ~ rule_id ~ "' else '"
                    ~ rounding_rule_id ~ "' end",
                lhs='prior_yuan',
                rhs='printed_yuan',
                difference='_difference',
                tolerance='_tolerance',
                message="'the prior-year amount of “' || subject || '” stated here (' || _stated_text || ' = '
                    || " ~ amount_text('prior_yuan') ~ " || ') is not what the ' || cast(document_fiscal_year - 1 as varchar)
                    || ' document printed (' || " ~ amount_text('printed_yuan') ~ " || ')'
                    || case when abs(_difference) < _tolerance then ', within the rounding of the figures' else '' end",
                quoted_source="sentence || chr(10) || _quoted_prior") }}
        from compared
    ),

    ambiguous as (
        select
            {{ statement_failure_columns(
                rule_id="'" ~ ambiguous_rule_id ~ "'",
                lhs='prior_yuan',
                message="'the prior-year amount of “' || subject || '” stated here (' || _stated_text || ' = '
                    || " ~ amount_text('prior_yuan') ~ " || ') is not compared: the warehouse holds '
                    || cast(_documents as varchar) || ' documents of the department of '
                    || cast(document_fiscal_year - 1 as varchar) || ' of that kind (' || _document_names
                    || '), and which one is its own is not known'",
                quoted_source='sentence') }}
        from not_compared
    )

    select {{ statement_evidence_columns() }} from failing
    union all
    select {{ statement_evidence_columns() }} from ambiguous
{% endmacro %}

{% test prior_document_amounts(model, prior_figures) %}
    {{ prior_document_amounts_check(model, prior_figures) }}
{% endtest %}
