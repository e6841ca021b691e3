-- One row per result figure an evaluation report states (measure result_quantity: 3576 名, 6.32万条 …) with the
-- project it belongs to across its printed names (dim_projects) and the fiscal year evaluated, in base units.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where measure = 'result_quantity'
),

documents as (
    select * from {{ ref('dim_documents') }}
),

projects as (
    select * from {{ ref('dim_projects') }}
),

final as (
    select
        figures.figure_id,
        figures.document_sha256,
        figures.file_name,
        documents.fiscal_year,
        documents.department_name,
        figures.subject as project_name,
        projects.project_id,
        figures.value_text,
        figures.printed_unit,
        figures.printed_decimals,
        figures.unit_multiplier,
        figures.base_unit,
        figures.value_in_base_unit,
        figures.comparison,
        figures.context_text,
        figures.line_start,
        figures.line_end,
        figures.source_locator
    from figures
    inner join documents using (document_sha256)
    left join projects
        on projects.department_name = documents.department_name
        and projects.printed_name = figures.subject
)

select * from final
