-- One row per failing statement of a prose rule on raw.statements (NAR-TEXT, NAR-YEAR, NAR-COPY, NAR-TARGETS,
-- NAR-PRIOR, NAR-RATE, NAR-UNIT), with its evidence and the quoted sentence(s): computed here once, by the check macros of
-- macros/generic_tests/, for both readers -- the data tests on this model (which warn, one per check) and
-- fct_findings (which publishes them). The rules that read one document at a time are computed per document, for the
-- documents in scope only, in int_statement_text_document_failures; the two that compare a document with its
-- department's other documents (NAR-TARGETS: the 项目支出绩效目标表 held for the year; NAR-PRIOR: the document of the
-- year before) are computed here, across documents. Incremental, keyed by department (macros/document_scope.sql,
-- documents_in_department_scope): an incremental build recomputes the rows of every document of a department that
-- a changed, added or removed document belongs or belonged to, reading only those documents.
with

per_document_failures as (
    select * from {{ ref('int_statement_text_document_failures') }}
    where {{ documents_in_department_scope() }}
),

statements as (
    select * from {{ ref('stg_raw__statements') }}
    where {{ documents_in_department_scope() }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

departments as (
    select * from {{ ref('dim_departments') }}
),

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_department_scope() }}
),

-- the statements with what the rules need to know of their document: year, kind, department (normalised name),
-- read once for both rules: only those either reads (NAR-TARGETS: a 绩效目标 summary; NAR-PRIOR: an amount, prior
-- amount or change in a document with a department and a year)
document_statements as materialized (
    select * from ({{ statements_with_their_document('statements', 'documents', 'departments') }})
    where subject_kind = 'performance_targets'
        or (role in ('amount', 'prior_amount', 'change')
            and department_key is not null and document_fiscal_year is not null)
),

-- the figures with their document's year, kind and department, read once for the three uses below: only those in
-- yuan of the measures they read
document_figures as materialized (
    select
        figures.*,
        documents.fiscal_year,
        documents.document_kind,
        departments.normalized_name as department_key
    from figures
    inner join documents using (document_sha256)
    left join departments on departments.department_name = documents.department_name
    where figures.base_unit = '元' and figures.measure in ('project_expenditure', 'total', 'budget', 'actual')
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
prior_figure_rows as (
    select *
    from document_figures
    where measure in ('total', 'budget', 'actual') and base_unit = '元' and department_key is not null
        and fiscal_year is not null and row_label is not null
),

-- the subject key of each distinct row label, computed once per label (a chain of patterns)
row_label_keys as materialized (
    select row_label, {{ subject_key(text_name_key('row_label')) }} as subject_key
    from (select distinct row_label from prior_figure_rows)
),

prior_figures as (
    select
        prior_figure_rows.department_key,
        prior_figure_rows.fiscal_year,
        prior_figure_rows.document_kind,
        row_label_keys.subject_key,
        prior_figure_rows.value_in_base_unit as amount_yuan,
        prior_figure_rows.half_step_in_base_unit as half_step_yuan,
        prior_figure_rows.file_name,
        prior_figure_rows.page,
        prior_figure_rows.line_start,
        prior_figure_rows.raw_text
    from prior_figure_rows
    inner join row_label_keys using (row_label)
),

target_failures as (
    {{ performance_targets_summary_check('document_statements', 'project_totals', 'target_forms') }}
),

prior_failures as (
    {{ prior_document_amounts_check('document_statements', 'prior_figures') }}
),

final as (
    select * from per_document_failures
    union all by name
    select 'performance_targets_summary' as check_name, * from target_failures
    union all by name
    select 'prior_document_amounts' as check_name, * from prior_failures
)

select * from final
