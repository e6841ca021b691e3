with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

final as (
    select
        document_sha256,
        file_name,
        document_kind,
        kind_source,
        fiscal_year,
        fiscal_year_source,
        department_name,
        md5(department_name) as department_id,
        printed_unit,
        document_title,
        document_source,
        size_bytes,
        text_encoding,
        page_count,
        line_count,
        registered_at,
        government_level,
        level_source,
        printed_unit_source,
        detection_evidence,
        parser_name
    from documents
)

select * from final
