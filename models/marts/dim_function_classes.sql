-- One row per 支出功能分类 code (类 3 digits, 款 5, 项 7): the national name where the seed has one, else the name
-- printed in the documents, its level and parent, and every other name printed for the code.
with

classes as (
    select * from {{ ref('function_classes') }}
),

named as (
    select
        code as function_code,
        coalesce(
            min(name_zh) filter (where name_source = 'national'),
            min(name_zh)
        ) as name_zh,
        min(level) as level,
        min(nullif(parent_code, '')) as parent_code,
        bool_or(name_source = 'national') as is_national_name
    from classes
    group by code
),

other_names as (
    select
        classes.code as function_code,
        string_agg(distinct classes.name_zh, '；' order by classes.name_zh) as other_printed_names
    from classes
    inner join named on named.function_code = classes.code
    where classes.name_zh <> named.name_zh
    group by classes.code
),

final as (
    select
        named.function_code,
        named.name_zh,
        named.level,
        named.parent_code,
        left(named.function_code, 3) as class_code,
        class_names.name_zh as class_name_zh,
        named.is_national_name,
        other_names.other_printed_names
    from named
    left join other_names using (function_code)
    left join named as class_names on class_names.function_code = left(named.function_code, 3)
)

select * from final
