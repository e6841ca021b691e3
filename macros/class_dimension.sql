{#- The body of a classification dimension (dim_function_classes, dim_economic_classes): one row per code of the
    seed `seed` (columns code, name_zh, level, parent_code, name_source and the `extra_columns`), keyed as
    `code_column`: the national name where the seed has one, else the name printed in the documents (the smallest,
    when several are), its level and parent (null for a 类), its 类 code and name, each of `extra_columns` (one
    value per code), whether the name is national, and every other name printed for the code, separated by "；".
    With `seen_scheme`, the well-formed codes the documents print under that scheme and the seed lacks are listed
    too (is_listed false): a 款 under a 类 of the list, a 项 under a 款 of the list or seen, with the name printed
    for it (the smallest, when several are); their extra columns are their 类's. -#}
{% macro class_dimension(seed, code_column, extra_columns=[], seen_scheme=none) -%}
with

listed as (
    select * from {{ ref(seed) }}
),
{%- if seen_scheme %}

printed as (
    select
        row_code as code,
        min(regexp_replace(row_label, '\s', '', 'g')) as name_zh
    from {{ ref('int_figures_converted') }}
    where row_code_scheme = '{{ seen_scheme }}'
        and row_label is not null
        and regexp_full_match(row_code, '[0-9]{3}([0-9]{2}){1,2}')
        and row_code not in (select code from listed)
    group by row_code
),

seen_sections as (
    select code, name_zh, '款' as level, left(code, 3) as parent_code
    from printed
    where length(code) = 5
        and left(code, 3) in (select code from listed where level = '类')
),

seen_items as (
    select code, name_zh, '项' as level, left(code, 5) as parent_code
    from printed
    where length(code) = 7
        and left(code, 5) in (select code from listed union all select code from seen_sections)
),

seen as (
    select * from seen_sections
    union all
    select * from seen_items
),
{%- endif %}

classes as (
    select
        code, name_zh, level, parent_code, name_source,
        {%- for column in extra_columns %}
        {{ column }},
        {%- endfor %}
        true as is_listed
    from listed
    {%- if seen_scheme %}
    union all
    select
        seen.code, seen.name_zh, seen.level, seen.parent_code, 'seen' as name_source,
        {%- for column in extra_columns %}
        (select min(listed.{{ column }}) from listed where listed.code = left(seen.code, 3)) as {{ column }},
        {%- endfor %}
        false as is_listed
    from seen
    {%- endif %}
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
        bool_or(name_source = 'national') as is_national_name,
        bool_or(is_listed) as is_listed
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
        named.is_listed,
        other_names.other_printed_names
    from named
    left join other_names using ({{ code_column }})
    left join named as class_names on class_names.{{ code_column }} = left(named.{{ code_column }}, 3)
)

select * from final
{%- endmacro %}
