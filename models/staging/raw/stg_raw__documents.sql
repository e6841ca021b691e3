with

source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        document_sha256,
        file_name,
        file_path,
        size_bytes,
        encoding as text_encoding,
        kind as document_kind,
        kind_source,
        cast(fiscal_year as integer) as fiscal_year,
        fiscal_year_source,
        department as department_name,
        department_source,
        printed_unit,
        source as document_source,
        title as document_title,
        page_count,
        line_count,
        registered_at,
        level as government_level,
        level_source,
        unit_source as printed_unit_source,
        detection_evidence,
        parser_name
    from source
)

select * from renamed
