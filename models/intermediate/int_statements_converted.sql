-- Every statement of fiscal prose with its printed value converted: money to yuan (万元 x 10^4, 亿元 x 10^8, 万亿元 x 10^12,
-- 千元 x 10^3), percentages and counts as printed; the half-step its printed precision is honest within (in yuan
-- for money), and a change or growth signed by its direction (减少 x -> -x). A view: a projection of raw.statements.
{{ config(materialized='view', meta={'document_rows': true}) }}
with

statements as (
    select * from {{ ref('stg_raw__statements') }}
),

documents as (
    select document_sha256, document_kind, fiscal_year as document_fiscal_year
    from {{ ref('stg_raw__documents') }}
),

units_split as (
    select
        statements.*,
        documents.document_kind,
        documents.document_fiscal_year,
        case
            when printed_unit in ('元', '万元', '亿元', '万亿元', '千元') then 'money'
            when printed_unit = '%' then 'percent'
            when printed_unit is not null then 'count'
        end as value_kind,
        case printed_unit
            when '万元' then cast(10000 as decimal(38, 0))
            when '亿元' then cast(100000000 as decimal(38, 0))
            when '万亿元' then cast(1000000000000 as decimal(38, 0))
            when '千元' then cast(1000 as decimal(38, 0))
            else cast(1 as decimal(38, 0))
        end as unit_multiplier
    from statements
    left join documents using (document_sha256)
),

converted as (
    select
        *,
        cast(value * unit_multiplier as decimal(38, 6)) as value_in_base_unit,
        case when value is not null and printed_decimals is not null
            then {{ half_step_in_base_unit('printed_decimals', 'unit_multiplier') }} end
            as half_step_in_base_unit
    from units_split
),

final as (
    select
        *,
        case when value_kind = 'money' then value_in_base_unit end as value_yuan,
        case when value_kind = 'money' then half_step_in_base_unit end as half_step_yuan,
        case when role in ('change', 'growth_pct') and direction is not null
            then cast(value_in_base_unit * direction as decimal(38, 6)) end as signed_change,
        {{ source_locator() }} as source_locator
    from converted
)

select * from final
