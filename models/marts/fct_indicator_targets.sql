with

-- Incremental, keyed by department (macros/document_scope.sql): a row's project_id is found in dim_projects among
-- the names every document of its department prints, so a changed, added or removed document can change the
-- project_id of its department's other documents' rows; an incremental build recomputes those documents' rows.
indicators as (
    select * from {{ ref('stg_raw__indicators') }}
    where {{ documents_in_department_scope() }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

projects as (
    select * from {{ ref('dim_projects') }}
),

joined as (
    select
        indicators.*,
        documents.fiscal_year,
        documents.department_id,
        documents.department_name,
        documents.document_kind
    from indicators
    inner join documents using (document_sha256)
),

with_project as (
    select
        joined.*,
        projects.project_id
    from joined
    left join projects
        on projects.department_id = joined.department_id
        and projects.printed_name = joined.project_name
),

final as (
    select
        indicator_value_id,
        document_sha256,
        file_name,
        document_kind,
        fiscal_year,
        department_id,
        department_name,
        project_id,
        project_name,
        sequence_no,
        level1_code,
        level1_name,
        level2_code,
        level2_name,
        indicator_name,
        value_period_kind,
        value_text,
        comparison,
        cast(target_number as decimal(38, 6)) as target_value,
        cast(target_number_high as decimal(38, 6)) as target_value_high,
        printed_decimals,
        target_unit,
        target_period,
        is_qualitative,
        line_start,
        line_end,
        page,
        {{ source_locator() }} as source_locator
    from with_project
)

select * from final
