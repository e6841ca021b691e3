-- One row per failing statement of the prose rules that read one document at a time: every rule of
-- int_statement_text_failures but NAR-TARGETS and NAR-PRIOR, which compare a document with its department's other
-- documents (those stay in int_statement_text_failures). Incremental, keyed by document (macros/document_scope.sql):
-- computed for the documents in scope only, their statements read once for every rule.
with

statements as (
    select * from {{ ref('stg_raw__statements') }}
    where {{ documents_in_scope() }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where {{ documents_in_scope() }}
),

departments as (
    select * from {{ ref('dim_departments') }}
),

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
),

reason_words as (
    select * from {{ ref('reason_direction_words') }}
),

-- the statements with what the rules need to know of their document: year, kind, department (normalised name),
-- read once for all the rules below
document_statements as materialized (
    {{ statements_with_their_document('statements', 'documents', 'departments') }}
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

heading_year_failures as (
    {{ heading_years_check('document_statements') }}
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
    union all by name
    select 'heading_years' as check_name, * from heading_year_failures
)

select * from final
