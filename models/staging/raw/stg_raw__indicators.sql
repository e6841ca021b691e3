with

source as (
    select * from {{ source('raw', 'indicators') }}
),

renamed as (
    select
        document_sha256 || ':' || cast(indicator_index as varchar) as indicator_value_id,
        document_sha256,
        load_id,
        file_name,
        indicator_index,
        page,
        line_start,
        line_end,
        subject as project_name,
        sequence_no,
        level1_code,
        level1_name,
        level2_code,
        level2_name,
        indicator_name,
        value_period_kind,
        value_text,
        comparison,
        number_text,
        number as target_number,
        number_high as target_number_high,
        printed_decimals,
        unit as target_unit,
        period as target_period,
        is_qualitative,
        raw_text
    from source
)

select * from renamed
