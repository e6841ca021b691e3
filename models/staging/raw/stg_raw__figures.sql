with

source as (
    select * from {{ source('raw', 'figures') }}
),

renamed as (
    select
        document_sha256 || ':' || cast(figure_index as varchar) as figure_id,
        document_sha256,
        load_id,
        file_name,
        figure_index,
        page,
        line_start,
        line_end,
        section,
        table_name,
        row_code,
        row_code_scheme,
        row_kind,
        unit_code,
        row_label,
        column_code,
        column_label,
        subject,
        measure,
        label,
        parent_label,
        value_text,
        value as printed_value,
        printed_decimals,
        printed_unit,
        cast(sign as integer) as sign,
        comparison,
        raw_text,
        context_text
    from source
)

select * from renamed
