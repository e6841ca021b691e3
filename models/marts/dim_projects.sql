-- Projects as printed: project names of evaluation reports, projects of 项目支出绩效目标表 and key tasks of
-- 部门整体绩效目标申报表. A printed name listed in project_aliases maps to the project's common name, so one project
-- can be followed across years.
with

attributes as (
    select * from {{ ref('stg_raw__attributes') }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

aliases as (
    select * from {{ ref('project_aliases') }}
),

evaluated as (
    select document_sha256, value_text as printed_name, 'evaluation_report' as named_in
    from attributes
    where attribute = 'project_name'
),

targeted as (
    select distinct document_sha256, row_label as printed_name, 'project_targets' as named_in
    from figures
    where row_kind = 'project'
),

tasks as (
    select document_sha256, value_text as printed_name, 'department_targets' as named_in
    from attributes
    where attribute = 'task_name'
),

named as (
    select * from evaluated
    union all
    select * from targeted
    union all
    select * from tasks
),

with_department as (
    select
        named.printed_name,
        named.named_in,
        documents.department_name,
        documents.fiscal_year
    from named
    inner join documents using (document_sha256)
),

resolved as (
    select
        with_department.*,
        coalesce(aliases.project_name, with_department.printed_name) as project_name
    from with_department
    left join aliases
        on aliases.printed_name = with_department.printed_name
        and aliases.department_name = with_department.department_name
),

final as (
    select
        md5(coalesce(department_name, '') || '|' || printed_name) as printed_project_key,
        md5(coalesce(department_name, '') || '|' || project_name) as project_id,
        printed_name,
        project_name,
        md5(department_name) as department_id,
        department_name,
        min(named_in) as named_in,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year,
        count(*) as mentions
    from resolved
    group by all
)

select * from final
