-- One row per finding: what the loaders could not place or read, and every failing row of the arithmetic
-- rules (the same check macros the dbt tests run), each with its rule, severity and quoted source lines; with its
-- document (department, year, kind), the rule's text and publication category, and lhs / rhs in the document's unit.
with

load_findings as (
    select * from {{ ref('stg_raw__load_findings') }}
),

rules as (
    select * from {{ ref('rule_catalog') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

source_lines as (
    select distinct document_sha256, line_start, line_end, raw_text from figures
),

adjustment_failures as (
    {{ adjustment_balances_check(ref('fct_execution'), 'initial_budget_yuan', 'adjustment_yuan',
        'adjusted_budget_yuan', 'initial_budget_decimals', 'adjustment_decimals', 'adjusted_budget_decimals') }}
),

rate_failures as (
    {{ reported_rate_check(ref('fct_execution'), 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'rate_basis_yuan', 'rate_basis_decimals') }}
),

over_execution_failures as (
    {{ over_execution_check(ref('fct_execution'), 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'rate_basis_yuan', 'rate_basis_decimals', rate_text='reported_rate_text') }}
),

function_codes_printed as (
    select * from {{ ref('int_figures_converted') }}
    where row_code_scheme = 'function'
),

economic_codes_printed as (
    select * from {{ ref('int_figures_converted') }}
    where row_code_scheme = 'economic'
),

unknown_function_codes as (
    {{ classification_code_check('function_codes_printed', 'row_code', ref('function_classes'),
        scheme_label='功能分类', max_parts=3) }}
),

unknown_economic_codes as (
    {{ classification_code_check('economic_codes_printed', 'row_code', ref('economic_classes'),
        scheme_label='经济分类', max_parts=2) }}
),

-- narrative and cross-document rules (fct_stated_changes, evaluation scoring, repeated results, rate basis, taxonomy)
stated_amount_failures as (
    {{ stated_amount_check(ref('fct_stated_changes'), 'stated_yuan', 'stated_half_step', 'computed_yuan',
        'computed_half_step_yuan',
        rule_id="case statement_kind when 'change' then 'NAR-CHANGE-001' else 'NAR-TOTAL-001' end") }}
),

stated_ratio_failures as (
    {{ stated_ratio_check(ref('fct_stated_changes'), 'stated_pct', 'stated_half_step', 'ratio_numerator_yuan',
        'ratio_numerator_half_step_yuan', 'ratio_denominator_yuan', 'ratio_denominator_half_step_yuan',
        'ratio_offset_pct',
        rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-001' else 'NAR-SHARE-001' end",
        zero_rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-002' else 'NAR-SHARE-002' end") }}
),

change_parts_failures as (
    {{ change_parts_check(ref('int_stated_change_parts')) }}
),

shares_sum_failures as (
    {{ shares_add_up_check(ref('fct_stated_changes'), 'sentence, parent_label', 'stated_pct', 'stated_half_step',
        'current_yuan', 'current_half_step_yuan', 'whole_yuan', 'whole_half_step_yuan') }}
),

weight_failures as (
    {{ evaluation_weights_check(ref('fct_evaluation_scores')) }}
),

repeated_result_failures as (
    {{ repeated_results_check(ref('int_result_quantities')) }}
),

rate_basis_failures as (
    {{ rate_basis_check(ref('fct_execution'), 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'initial_budget_yuan', 'initial_budget_decimals', 'adjusted_budget_yuan',
        'adjusted_budget_decimals', 'rate_basis') }}
),

taxonomy_failures as (
    {{ indicator_taxonomy_check(ref('fct_indicator_targets'), ref('indicator_taxonomy')) }}
),

-- numbers stated in prose (fct_stated_figures): against their table figure, inside their sentence, and lists;
-- computed once in int_statement_rule_failures, whose data tests report the same rows
statement_failures as (
    select * exclude (check_name) from {{ ref('int_statement_rule_failures') }}
),

-- the Guangzhou narrative rules (fct_stated_changes: prose against the tables' current and prior-year columns) and
-- the general statement rule that finds the same problem: one error, one finding -- an old rule's row is left out
-- when its general rule reports the same stated value on overlapping lines of the same document (2016 budget line
-- 168: NAR-CALC-004 on lines 166-168, not NAR-GROWTH-002 too). The old rules stay for what the general ones cannot
-- see: a change or growth against the tables' prior-year column, a share of a whole the sentence does not state.
general_rule_of_old as (
    select * from (values
        ('NAR-TOTAL-001', 'NAR-STATED-001'),
        ('NAR-GROWTH-001', 'NAR-CALC-002'),
        ('NAR-GROWTH-002', 'NAR-CALC-004'),
        ('NAR-SHARE-001', 'NAR-SHARE-101'),
        ('NAR-SHARE-002', 'NAR-SHARE-103'),
        ('NAR-SHARE-003', 'NAR-SHARE-102')
    ) as t(old_rule_id, general_rule_id)
),

table_narrative_failures as (
    select * from stated_amount_failures
    union all by name
    select * from stated_ratio_failures
    union all by name
    select * from shares_sum_failures
),

table_narrative_not_found_otherwise as (
    select table_narrative_failures.*
    from table_narrative_failures
    left join general_rule_of_old on general_rule_of_old.old_rule_id = table_narrative_failures.rule_id
    where general_rule_of_old.old_rule_id is null
        or not exists (
            select 1 from statement_failures
            where statement_failures.rule_id = general_rule_of_old.general_rule_id
                and statement_failures.document_sha256 = table_narrative_failures.document_sha256
                and statement_failures.line_start <= table_narrative_failures.line_end
                and table_narrative_failures.line_start <= statement_failures.line_end
                and statement_failures.lhs = table_narrative_failures.lhs)
),

-- the Guangzhou NAR-CHANGE-002 (fct_stated_changes) and the general NAR-CHANGE-101/102 (any document's lists) find the
-- same wrong change: the old rule's row is left out when the general one reports the same whole's change (its rhs)
-- on overlapping lines of the same document
change_parts_not_found_otherwise as (
    select change_parts_failures.*
    from change_parts_failures
    where not exists (
        select 1 from {{ ref('int_statement_list_and_blank_failures') }} as listed_changes
        where listed_changes.rule_id in ('NAR-CHANGE-101', 'NAR-CHANGE-102')
            and listed_changes.document_sha256 = change_parts_failures.document_sha256
            and listed_changes.line_start <= change_parts_failures.line_end
            and change_parts_failures.line_start <= listed_changes.line_end
            and listed_changes.rhs = change_parts_failures.lhs)
),

narrative_failures as (
    select * from statement_failures
    union all by name
    select * from table_narrative_not_found_otherwise
    union all by name
    select * from change_parts_not_found_otherwise
    union all by name
    select * from weight_failures
    union all by name
    select * from repeated_result_failures
    union all by name
    select * from rate_basis_failures
    union all by name
    select * from taxonomy_failures
),

-- table arithmetic (rules TBL-*): computed once in int_table_rule_failures, whose data tests report the same rows
table_failures as (
    select * exclude (check_name) from {{ ref('int_table_rule_failures') }}
),

rule_failures as (
    select * from narrative_failures
    union all by name
    select * from table_failures
    union all by name
    select * from adjustment_failures
    union all by name
    select * from rate_failures
    union all by name
    select * from over_execution_failures
    union all by name
    select * from unknown_function_codes
    union all by name
    select * from unknown_economic_codes
),

loader_rows as (
    select
        load_finding_id as finding_id,
        rule_id,
        severity,
        document_sha256,
        file_name,
        page,
        line_start,
        line_end,
        {{ source_locator() }} as source_locator,
        raw_text as quoted_source,
        cast(null as decimal(38, 6)) as lhs,
        cast(null as decimal(38, 6)) as rhs,
        cast(null as decimal(38, 6)) as difference,
        cast(null as decimal(38, 6)) as tolerance,
        message
    from load_findings
),

quoted as (
    select
        rule_failures.rule_id,
        rule_failures.document_sha256,
        rule_failures.source_locator,
        -- the quoted lines in the order they are printed (the same text on two lines is quoted once per line)
        array_to_string(list_transform(
            list_sort(list_distinct(list({'line': source_lines.line_start, 'text': source_lines.raw_text}))),
            lambda quoted_line: quoted_line.text), chr(10)) as quoted_source
    from rule_failures
    inner join source_lines
        on source_lines.document_sha256 = rule_failures.document_sha256
        and source_lines.line_start <= rule_failures.line_end
        and source_lines.line_end >= rule_failures.line_start
    group by all
),

rule_rows as (
    select
        md5(rule_failures.rule_id || '|' || rule_failures.document_sha256 || '|' || rule_failures.source_locator
            || '|' || coalesce(rule_failures.message, '')) as finding_id,
        rule_failures.rule_id,
        rules.severity,
        rule_failures.document_sha256,
        rule_failures.file_name,
        rule_failures.page,
        rule_failures.line_start,
        rule_failures.line_end,
        rule_failures.source_locator,
        -- a prose rule quotes its sentence (and the table row it compares); the others the lines they cover
        coalesce(rule_failures.quoted_source, quoted.quoted_source) as quoted_source,
        rule_failures.lhs,
        rule_failures.rhs,
        rule_failures.difference,
        rule_failures.tolerance,
        rule_failures.message
    from rule_failures
    left join rules using (rule_id)
    left join quoted using (rule_id, document_sha256, source_locator)
    qualify row_number() over (partition by finding_id order by rule_failures.message) = 1
),

-- prose rules (NAR-TEXT/YEAR/COPY/TARGETS/PRIOR/RATE/UNIT, NAR-COUNT, NAR-CHANGE-1xx) on raw.statements: computed once
-- in int_statement_text_failures and int_statement_list_and_blank_failures, whose data tests report the same rows;
-- each quotes its own sentence(s), not the table lines
statement_text_rows as (
    select
        md5(text_failures.rule_id || '|' || text_failures.document_sha256 || '|' || text_failures.source_locator
            || '|' || coalesce(text_failures.message, '')) as finding_id,
        text_failures.rule_id,
        rules.severity,
        text_failures.document_sha256,
        text_failures.file_name,
        text_failures.page,
        text_failures.line_start,
        text_failures.line_end,
        text_failures.source_locator,
        text_failures.quoted_source,
        text_failures.lhs,
        text_failures.rhs,
        text_failures.difference,
        text_failures.tolerance,
        text_failures.message
    from (
        select * from {{ ref('int_statement_text_failures') }}
        union all by name
        -- counts listed after 其中, a whole's change against its parts' changes, blanks (NAR-COUNT, NAR-CHANGE-1xx,
        -- NAR-TEXT-013)
        select * from {{ ref('int_statement_list_and_blank_failures') }}
    ) as text_failures
    left join rules using (rule_id)
    qualify row_number() over (partition by finding_id order by text_failures.check_name) = 1
),

findings as (
    select * from loader_rows
    union all by name
    select * from rule_rows
    union all by name
    select * from statement_text_rows
),

-- the decimals a document prints its amounts with, in its own unit (the most frequent; 2 for 350.35 万元)
document_decimals as (
    select
        figures.document_sha256,
        mode(figures.printed_decimals order by figures.printed_decimals) as printed_decimals
    from figures
    inner join documents using (document_sha256)
    where figures.printed_unit = documents.printed_unit
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
    from findings
    left join rules using (rule_id)
    left join documents using (document_sha256)
    left join document_decimals using (document_sha256)
),

final as (
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
    from findings
    left join rules using (rule_id)
    left join documents using (document_sha256)
    left join units using (finding_id)
)

select * from final
