-- Performance targets by indicator type (一级/二级), with how many are quantitative and an example of each.
select
    level1_code,
    level1_name,
    level2_code,
    level2_name,
    count(*) as printed_values,
    count(*) filter (where not is_qualitative) as quantitative_values,
    min(indicator_name || ': ' || value_text) as example
from {{ ref('fct_indicator_targets') }}
where level2_code is not null
group by all
order by level1_code, level2_code
