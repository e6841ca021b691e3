{#- The key a narrative subject and a table row or column are matched on: the printed name without spaces,
    with one kind of brackets, without a leading ordinal (一、 （一） 1.), without the qualifiers a narrative puts
    in front (部门预算, 一般公共预算安排) and without the endings that differ between prose and table
    (合计/总计, 预算, 支出): 一、一般公共服务支出 and 一般公共服务支出 -> 一般公共服务; 对个人和家庭的补助支出 and
    对个人和家庭的补助 -> 对个人和家庭的补助; 本年收入合计 and 本年收入 -> 本年收入. An empty key matches nothing. -#}
{% macro subject_key(text_column) -%}
    nullif(
        regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
            replace(replace(regexp_replace(coalesce({{ text_column }}, ''), '\s', '', 'g'), '(', '（'), ')', '）'),
            '^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]|其中[：:]?)+', ''),
            '^(?:部门预算)?(?:一般公共预算安排)?', ''),
            '(?:合计|总计)$', ''),
            '预算$', ''),
            '支出$', ''),
        '')
{%- endmacro %}
