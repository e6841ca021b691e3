with

source as (
    select * from {{ source('raw', 'loads') }}
),

renamed as (
    select
        load_id,
        document_sha256,
        file_name,
        parser_name,
        parser_version,
        started_at,
        finished_at,
        status as load_status,
        figures_loaded,
        indicators_loaded,
        findings_loaded,
        error_message
    from source
)

select * from renamed
