with

taxonomy as (
    select * from {{ ref('indicator_taxonomy') }}
),

final as (
    select
        indicator_code,
        indicator_name,
        indicator_level,
        parent_code,
        name_en
    from taxonomy
)

select * from final
