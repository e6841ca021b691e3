-- One row per finding that belongs to one document and is computed from that document alone: what the loaders could
-- not place or read, and every failing row of the per-document arithmetic and prose rules, with its rule, severity,
-- quoted lines and the document's department, year and kind (the columns of fct_findings). Incremental, keyed by
-- document (macros/document_scope.sql): a rebuild recomputes the findings of the documents in scope only.
-- fct_findings adds the rules that compare documents (EVA-COPY-001 and int_statement_text_failures).
with

load_findings as (
    select * from {{ ref('stg_raw__load_findings') }}
    where {{ documents_in_scope() }}
),

rules as (
    select * from {{ ref('rule_catalog') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where {{ documents_in_scope() }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
    where {{ documents_in_scope() }}
),

execution as (
    select * from {{ ref('fct_execution') }}
    where {{ documents_in_scope() }}
),

stated_changes as (
    select * from {{ ref('fct_stated_changes') }}
    where {{ documents_in_scope() }}
),

change_parts as (
    select * from {{ ref('int_stated_change_parts') }}
    where {{ documents_in_scope() }}
),

evaluation_scores as (
    select * from {{ ref('fct_evaluation_scores') }}
    where {{ documents_in_scope() }}
),

indicator_targets as (
    select * from {{ ref('fct_indicator_targets') }}
    where {{ documents_in_scope() }}
),

figures_converted as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
),

source_lines as (
    select distinct document_sha256, line_start, line_end, raw_text from figures
),

adjustment_failures as (
    {{ adjustment_balances_check('execution', 'initial_budget_yuan', 'adjustment_yuan',
        'adjusted_budget_yuan', 'initial_budget_decimals', 'adjustment_decimals', 'adjusted_budget_decimals') }}
),

rate_failures as (
    {{ reported_rate_check('execution', 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'rate_basis_yuan', 'rate_basis_decimals') }}
),

over_execution_failures as (
    {{ over_execution_check('execution', 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'rate_basis_yuan', 'rate_basis_decimals', rate_text='reported_rate_text') }}
),

function_codes_printed as (
    select * from figures_converted
    where row_code_scheme = 'function'
),

economic_codes_printed as (
    select * from figures_converted
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

-- narrative rules of one document (fct_stated_changes, evaluation scoring, rate basis, taxonomy)
stated_amount_failures as (
    {{ stated_amount_check('stated_changes', 'stated_yuan', 'stated_half_step', 'computed_yuan',
        'computed_half_step_yuan',
        rule_id="case statement_kind when 'change' then 'NAR-CHANGE-001' else 'NAR-TOTAL-001' end") }}
),

stated_ratio_failures as (
    {{ stated_ratio_check('stated_changes', 'stated_pct', 'stated_half_step', 'ratio_numerator_yuan',
        'ratio_numerator_half_step_yuan', 'ratio_denominator_yuan', 'ratio_denominator_half_step_yuan',
        'ratio_offset_pct',
        rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-001' else 'NAR-SHARE-001' end",
        zero_rule_id="case statement_kind when 'growth' then 'NAR-GROWTH-002' else 'NAR-SHARE-002' end") }}
),

change_parts_failures as (
    {{ change_parts_check('change_parts') }}
),

shares_sum_failures as (
    {{ shares_add_up_check('stated_changes', 'sentence, parent_label', 'stated_pct', 'stated_half_step',
        'current_yuan', 'current_half_step_yuan', 'whole_yuan', 'whole_half_step_yuan') }}
),

weight_failures as (
    {{ evaluation_weights_check('evaluation_scores') }}
),

rate_basis_failures as (
    {{ rate_basis_check('execution', 'reported_rate_pct', 'reported_rate_decimals', 'actual_yuan',
        'actual_decimals', 'initial_budget_yuan', 'initial_budget_decimals', 'adjusted_budget_yuan',
        'adjusted_budget_decimals', 'rate_basis') }}
),

taxonomy_failures as (
    {{ indicator_taxonomy_check('indicator_targets', ref('indicator_taxonomy')) }}
),

-- numbers stated in prose (fct_stated_figures): against their table figure, inside their sentence, and lists;
-- computed once in int_statement_rule_failures, whose data tests report the same rows
statement_failures as (
    select * exclude (check_name) from {{ ref('int_statement_rule_failures') }}
    where {{ documents_in_scope() }}
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
-- on overlapping lines of the same document (both per document: the general rows are in fct_findings, from
-- int_statement_list_and_blank_failures)
listed_change_failures as (
    select * from {{ ref('int_statement_list_and_blank_failures') }}
    where {{ documents_in_scope() }}
        and rule_id in ('NAR-CHANGE-101', 'NAR-CHANGE-102')
),

change_parts_not_found_otherwise as (
    select change_parts_failures.*
    from change_parts_failures
    where not exists (
        select 1 from listed_change_failures
        where listed_change_failures.document_sha256 = change_parts_failures.document_sha256
            and listed_change_failures.line_start <= change_parts_failures.line_end
            and change_parts_failures.line_start <= listed_change_failures.line_end
            and listed_change_failures.rhs = change_parts_failures.lhs)
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
    select * from rate_basis_failures
    union all by name
    select * from taxonomy_failures
),

-- table arithmetic (rules TBL-*): computed once in int_table_rule_failures, whose data tests report the same rows
table_failures as (
    select * exclude (check_name) from {{ ref('int_table_rule_failures') }}
    where {{ documents_in_scope() }}
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
    {{ quoted_lines('rule_failures', 'source_lines') }}
),

rule_rows as (
    select
        {{ finding_id('rule_failures', 'coalesce(rule_failures.quoted_source, quoted.quoted_source)') }}
            as finding_id,
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
    qualify row_number() over (partition by finding_id order by {{ finding_tie_break('rule_failures') }}) = 1
),

findings as (
    select * from loader_rows
    union all by name
    select * from rule_rows
),

final as (
    {{ findings_in_document_units('findings', 'rules', 'documents', 'figures') }}
)

select * from final
