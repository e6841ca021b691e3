-- One row per fiscal year (预算年度) the warehouse holds figures about: the year of a document, or a year printed in
-- a column header (the 2015 执行 columns of a 2016 部门预算). China's fiscal year is the calendar year.
with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

document_years as (
    select fiscal_year, document_sha256
    from documents
    where fiscal_year is not null
),

column_years as (
    select distinct
        cast(regexp_extract(column_label, '^(\d{4})年', 1) as integer) as fiscal_year,
        document_sha256
    from figures
    where regexp_matches(column_label, '^\d{4}年')
),

years as (
    select fiscal_year, document_sha256, true as is_document_year from document_years
    union all
    select fiscal_year, document_sha256, false as is_document_year from column_years
),

final as (
    select
        fiscal_year,
        cast(fiscal_year as varchar) || '年度' as year_label,
        make_date(fiscal_year, 1, 1) as starts_on,
        make_date(fiscal_year, 12, 31) as ends_on,
        count(distinct document_sha256) filter (where is_document_year) as document_count,
        count(distinct document_sha256) as documents_with_figures
    from years
    group by fiscal_year
)

select * from final
