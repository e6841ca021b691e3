-- One row per failing statement of a prose rule on raw.statements (NAR-TEXT, NAR-YEAR, NAR-COPY, NAR-TARGETS,
-- NAR-PRIOR, NAR-RATE, NAR-UNIT), with its evidence and the quoted sentence(s): computed here once, by the check macros of
-- macros/generic_tests/, for both readers -- the data tests on this model (which warn, one per check) and
-- fct_findings (which publishes them).
with

statements as (
    select * from {{ ref('stg_raw__statements') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

departments as (
    select * from {{ ref('dim_departments') }}
),

figures as (
    select * from {{ ref('int_figures_converted') }}
),

reason_words as (
    select * from {{ ref('reason_direction_words') }}
),

-- the statements with what the rules need to know of their document: year, kind, department (normalised name)
document_statements as (
    select
        statements.*,
        documents.fiscal_year as document_fiscal_year,
        documents.document_kind,
        departments.normalized_name as department_key
    from statements
    inner join documents using (document_sha256)
    left join departments on departments.department_name = documents.department_name
),

-- the figures with their document's year, kind and department
document_figures as (
    select
        figures.*,
        documents.fiscal_year,
        documents.document_kind,
        departments.normalized_name as department_key
    from figures
    inner join documents using (document_sha256)
    left join departments on departments.department_name = documents.department_name
),

-- 项目支出 totals a document prints (the rows 合计 of its 项目支出 columns), in yuan
project_totals as (
    select
        document_sha256,
        file_name,
        page,
        line_start,
        raw_text,
        value_in_base_unit as amount_yuan,
        half_step_in_base_unit as half_step_yuan
    from document_figures
    where measure = 'project_expenditure' and row_kind = 'total' and base_unit = '元'
),

-- one row per 项目支出绩效目标表 project held: the total of its project row
target_forms as (
    select
        department_key,
        fiscal_year,
        value_in_base_unit as amount_yuan,
        half_step_in_base_unit as half_step_yuan
    from document_figures
    where table_name like '%项目支出绩效目标表%' and measure = 'total' and row_kind = 'item' and base_unit = '元'
        and department_key is not null and fiscal_year is not null
),

-- figures a later document's stated prior amount can be checked against: the 合计 / 预算数 / 决算 column of a named row
prior_figures as (
    select
        department_key,
        fiscal_year,
        document_kind,
        {{ subject_key(text_name_key('row_label')) }} as subject_key,
        value_in_base_unit as amount_yuan,
        half_step_in_base_unit as half_step_yuan,
        file_name,
        page,
        line_start,
        raw_text
    from document_figures
    where measure in ('total', 'budget', 'actual') and base_unit = '元' and department_key is not null
        and fiscal_year is not null and row_label is not null
),

reason_direction_failures as (
    {{ reason_direction_check('document_statements') }}
),

placeholder_failures as (
    {{ text_placeholders_check('document_statements') }}
),

empty_reason_failures as (
    {{ empty_reasons_check('document_statements') }}
),

empty_table_note_failures as (
    {{ empty_table_notes_check('document_statements', 'document_figures') }}
),

part_failures as (
    {{ stated_parts_within_whole_check('document_statements') }}
),

year_failures as (
    {{ comparison_years_check('document_statements') }}
),

copied_reason_failures as (
    {{ copied_reasons_check('document_statements') }}
),

copied_figure_failures as (
    {{ copied_figures_check('document_statements') }}
),

repeated_sentence_failures as (
    {{ repeated_sentences_check('document_statements') }}
),

target_failures as (
    {{ performance_targets_summary_check('document_statements', 'project_totals', 'target_forms') }}
),

prior_failures as (
    {{ prior_document_amounts_check('document_statements', 'prior_figures') }}
),

zero_change_reason_failures as (
    {{ zero_change_reasons_check('document_statements', 'reason_words') }}
),

unexplained_change_failures as (
    {{ unexplained_changes_check('document_statements') }}
),

completion_failures as (
    {{ completion_contradictions_check('document_statements') }}
),

budget_reason_failures as (
    {{ budget_reason_direction_check('document_statements', 'reason_words') }}
),

budget_comparison_failures as (
    {{ budget_comparison_amounts_check('document_statements') }}
),

template_text_failures as (
    {{ template_text_check('document_statements') }}
),

entry_error_failures as (
    {{ entry_error_notes_check('document_statements') }}
),

unit_heading_failures as (
    {{ unit_headings_check('document_statements') }}
),

final as (
    select 'reason_direction' as check_name, * from reason_direction_failures
    union all by name
    select 'text_placeholders' as check_name, * from placeholder_failures
    union all by name
    select 'empty_reasons' as check_name, * from empty_reason_failures
    union all by name
    select 'empty_table_notes' as check_name, * from empty_table_note_failures
    union all by name
    select 'stated_parts_within_whole' as check_name, * from part_failures
    union all by name
    select 'comparison_years' as check_name, * from year_failures
    union all by name
    select 'copied_reasons' as check_name, * from copied_reason_failures
    union all by name
    select 'copied_figures' as check_name, * from copied_figure_failures
    union all by name
    select 'repeated_sentences' as check_name, * from repeated_sentence_failures
    union all by name
    select 'performance_targets_summary' as check_name, * from target_failures
    union all by name
    select 'prior_document_amounts' as check_name, * from prior_failures
    union all by name
    select 'zero_change_reasons' as check_name, * from zero_change_reason_failures
    union all by name
    select 'unexplained_changes' as check_name, * from unexplained_change_failures
    union all by name
    select 'completion_contradictions' as check_name, * from completion_failures
    union all by name
    select 'budget_reason_direction' as check_name, * from budget_reason_failures
    union all by name
    select 'budget_comparison_amounts' as check_name, * from budget_comparison_failures
    union all by name
    select 'template_text' as check_name, * from template_text_failures
    union all by name
    select 'entry_error_notes' as check_name, * from entry_error_failures
    union all by name
    select 'unit_headings' as check_name, * from unit_heading_failures
)

select * from final
