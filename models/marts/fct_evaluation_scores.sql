-- One row per scoring item of an evaluated project: the shares of 预算执行率/产出/效益, the weights of 数量/质量/
-- 时效/社会效益, the points for meeting a condition, and the total score with its grade (优/良/中/差).
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and measure in ('weight', 'scoring_points', 'scoring_condition', 'total_score')
),

attributes as (
    select * from {{ ref('stg_raw__attributes') }}
    where {{ documents_in_scope() }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

grades as (
    select document_sha256, subject, min(value_text) as grade
    from attributes
    where attribute = 'grade'
    group by all
),

final as (
    select
        figures.figure_id as score_item_id,
        figures.document_sha256,
        figures.file_name,
        documents.fiscal_year,
        documents.department_id,
        documents.department_name,
        figures.subject as project_name,
        figures.measure as item_kind,
        figures.label as item_label,
        figures.parent_label,
        cast(figures.printed_value as decimal(18, 4)) as value,
        figures.printed_decimals,
        figures.printed_unit,
        figures.comparison,
        case when figures.measure = 'total_score' then grades.grade end as grade,
        figures.line_start,
        figures.line_end,
        figures.source_locator
    from figures
    inner join documents using (document_sha256)
    left join grades
        on grades.document_sha256 = figures.document_sha256
        and grades.subject = figures.subject
)

select * from final
