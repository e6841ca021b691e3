-- One row per 支出经济分类 code (类 3 digits, 款 5; 3xx 部门预算支出经济分类, 5xx 政府预算支出经济分类): the national
-- name, its level, parent and scheme, and every other name printed for the code in the documents.
with

classes as (
    select * from {{ ref('economic_classes') }}
),

named as (
    select
        code as economic_code,
        coalesce(
            min(name_zh) filter (where name_source = 'national'),
            min(name_zh)
        ) as name_zh,
        min(level) as level,
        min(nullif(parent_code, '')) as parent_code,
        min(scheme) as scheme,
        bool_or(name_source = 'national') as is_national_name
    from classes
    group by code
),

other_names as (
    select
        classes.code as economic_code,
        string_agg(distinct classes.name_zh, '；' order by classes.name_zh) as other_printed_names
    from classes
    inner join named on named.economic_code = classes.code
    where classes.name_zh <> named.name_zh
    group by classes.code
),

final as (
    select
        named.economic_code,
        named.name_zh,
        named.level,
        named.parent_code,
        left(named.economic_code, 3) as class_code,
        class_names.name_zh as class_name_zh,
        named.scheme,
        named.is_national_name,
        other_names.other_printed_names
    from named
    left join other_names using (economic_code)
    left join named as class_names on class_names.economic_code = left(named.economic_code, 3)
)

select * from final
