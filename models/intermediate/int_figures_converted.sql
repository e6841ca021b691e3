-- Every landed figure with its unit split into multiplier and base unit (万元 -> 10000 x 元), converted to the
-- base unit, and the half-step of its printed precision (the rounding it is honest within).
-- A view: a projection of raw.figures, cheaper to recompute in each reader than to write out (1M rows at
-- 10,000 documents); the heavy intermediate models are tables (dbt_project.yml).
{{ config(materialized='view', meta={'document_rows': true}) }}
with

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

units_split as (
    select
        *,
        {{ unit_multiplier('printed_unit') }} as unit_multiplier,
        {{ base_unit('printed_unit') }} as base_unit
    from figures
),

converted as (
    select
        *,
        cast(printed_value * unit_multiplier as decimal(38, 6)) as value_in_base_unit,
        {{ half_step_in_base_unit('printed_decimals', 'unit_multiplier') }} as half_step_in_base_unit
    from units_split
),

final as (
    select
        *,
        case when base_unit = '元' then value_in_base_unit end as amount_yuan,
        {{ source_locator() }} as source_locator
    from converted
)

select * from final
