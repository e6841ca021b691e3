{#- The body of a classification dimension (dim_function_classes, dim_economic_classes): one row per code of the
    seed `seed` (columns code, name_zh, level, parent_code, name_source and the `extra_columns`), keyed as
    `code_column`: the national name where the seed has one, else the name printed in the documents (the smallest,
    when several are), its level and parent (null for a 类), its 类 code and name, each of `extra_columns` (one
    value per code), whether the name is national, and every other name printed for the code, separated by "；". -#}
{% macro class_dimension(seed, code_column, extra_columns=[]) -%}
with

classes as (
    select * from {{ ref(seed) }}
),

named as (
    select
        code as {{ code_column }},
        coalesce(
            min(name_zh) filter (where name_source = 'national'),
            min(name_zh)
        ) as name_zh,
        min(level) as level,
        min(nullif(parent_code, '')) as parent_code,
        {%- for column in extra_columns %}
        min({{ column }}) as {{ column }},
        {%- endfor %}
        bool_or(name_source = 'national') as is_national_name
    from classes
    group by code
),

other_names as (
    select
        classes.code as {{ code_column }},
        string_agg(distinct classes.name_zh, '；' order by classes.name_zh) as other_printed_names
    from classes
    inner join named on named.{{ code_column }} = classes.code
    where classes.name_zh <> named.name_zh
    group by classes.code
),

final as (
    select
        named.{{ code_column }},
        named.name_zh,
        named.level,
        named.parent_code,
        left(named.{{ code_column }}, 3) as class_code,
        class_names.name_zh as class_name_zh,
        {%- for column in extra_columns %}
        named.{{ column }},
        {%- endfor %}
        named.is_national_name,
        other_names.other_printed_names
    from named
    left join other_names using ({{ code_column }})
    left join named as class_names on class_names.{{ code_column }} = left(named.{{ code_column }}, 3)
)

select * from final
{%- endmacro %}
