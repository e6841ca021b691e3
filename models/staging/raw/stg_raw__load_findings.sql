with

source as (
    select * from {{ source('raw', 'load_findings') }}
),

renamed as (
    select
        load_id || ':' || cast(finding_index as varchar) as load_finding_id,
        document_sha256,
        load_id,
        file_name,
        finding_index,
        rule_id,
        severity,
        page,
        line_start,
        line_end,
        raw_text,
        message
    from source
)

select * from renamed
