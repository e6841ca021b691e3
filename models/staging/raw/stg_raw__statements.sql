with

source as (
    select * from {{ source('raw', 'statements') }}
),

renamed as (
    select
        document_sha256 || ':' || cast(statement_index as varchar) as statement_id,
        document_sha256,
        load_id,
        file_name,
        statement_index,
        sentence_index,
        page,
        line_start,
        line_end,
        section,
        sentence,
        subject,
        subject_kind,
        subject_path,
        parent_subject,
        list_index,
        role,
        period_year,
        basis,
        compared_year,
        compared_basis,
        direction,
        value_text,
        value,
        printed_decimals,
        printed_unit,
        reason_text,
        reason_direction,
        raw_text,
        scope
    from source
)

select * from renamed
