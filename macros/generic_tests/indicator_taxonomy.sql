{#- Rule IND-TAX-001: the 一级/二级 indicator codes and names printed with a target agree with the national
    taxonomy (seed indicator_taxonomy): a printed code exists and carries the printed name; the 二级 indicator
    sits under the printed 一级 (11 数量指标 under 1 产出指标, 22 社会效益指标 under 2 效益指标 …). Names are
    compared without spaces and without the ending 指标 (社会效益 = 社会效益指标). Without printed codes the names
    alone are placed. One row per document and printed (一级, 二级) pair that fails. -#}
{% macro indicator_taxonomy_check(model, taxonomy, rule_id='IND-TAX-001') %}
    with

    taxonomy as (
        select
            indicator_code,
            parent_code,
            regexp_replace(regexp_replace(indicator_name, '\s', '', 'g'), '指标$', '') as name_key
        from {{ taxonomy }}
    ),

    printed as (
        select
            document_sha256,
            any_value(file_name) as file_name,
            level1_code,
            level1_name,
            level2_code,
            level2_name,
            nullif(regexp_replace(regexp_replace(coalesce(level1_name, ''), '\s', '', 'g'), '指标$', ''), '')
                as level1_key,
            nullif(regexp_replace(regexp_replace(coalesce(level2_name, ''), '\s', '', 'g'), '指标$', ''), '')
                as level2_key,
            min(line_start) as line_start,
            min(line_end) as line_end,
            arg_min(source_locator, line_start) as source_locator
        from {{ model }}
        where coalesce(level1_code, level1_name, level2_code, level2_name) is not null
        group by document_sha256, level1_code, level1_name, level2_code, level2_name
    ),

    placed as (
        select
            printed.*,
            coalesce(printed.level1_code, l1_by_name.indicator_code) as l1,
            coalesce(printed.level2_code, l2_by_name.indicator_code) as l2,
            l1_by_code.name_key as l1_code_name,
            l2_by_code.name_key as l2_code_name,
            l2_by_code.parent_code as l2_code_parent,
            l2_by_name.parent_code as l2_name_parent
        from printed
        left join taxonomy as l1_by_code on l1_by_code.indicator_code = printed.level1_code
        left join taxonomy as l2_by_code on l2_by_code.indicator_code = printed.level2_code
        left join taxonomy as l1_by_name on l1_by_name.name_key = printed.level1_key and l1_by_name.parent_code is null
        left join taxonomy as l2_by_name
            on l2_by_name.name_key = printed.level2_key and l2_by_name.parent_code is not null
    ),

    judged as (
        select
            *,
            case
                when level1_code is not null and l1_code_name is null
                    then '一级 code ' || level1_code || ' is not in the taxonomy'
                when level2_code is not null and l2_code_name is null
                    then '二级 code ' || level2_code || ' is not in the taxonomy'
                when level1_code is not null and level1_key is not null and l1_code_name <> level1_key
                    then '一级 code ' || level1_code || ' is ' || l1_code_name || ' in the taxonomy, not ' || level1_name
                when level2_code is not null and level2_key is not null and l2_code_name <> level2_key
                    then '二级 code ' || level2_code || ' is ' || l2_code_name || ' in the taxonomy, not ' || level2_name
                when level1_key is not null and l1 is null then '一级 indicator ' || level1_name || ' is not in the taxonomy'
                when level2_key is not null and l2 is null then '二级 indicator ' || level2_name || ' is not in the taxonomy'
                when l1 is not null and l2 is not null and coalesce(l2_code_parent, l2_name_parent) <> l1
                    then '二级 ' || coalesce(level2_code || ' ', '') || coalesce(level2_name, '') || ' belongs under 一级 '
                        || coalesce(l2_code_parent, l2_name_parent) || ', not under '
                        || coalesce(level1_code || ' ', '') || coalesce(level1_name, '')
            end as problem
        from placed
    ),

    failing as (
        select
            {{ evidence_columns(rule_id, message='problem') }}
        from judged
        where problem is not null
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test indicator_codes_match_taxonomy(model, taxonomy) %}
    {{ indicator_taxonomy_check(model, taxonomy) }}
{% endtest %}
