with

source as (
    select * from {{ source('raw', 'attributes') }}
),

renamed as (
    select
        document_sha256 || ':' || cast(attribute_index as varchar) as attribute_id,
        document_sha256,
        load_id,
        file_name,
        attribute_index,
        page,
        line_start,
        line_end,
        subject,
        attribute,
        value_text,
        raw_text
    from source
)

select * from renamed
