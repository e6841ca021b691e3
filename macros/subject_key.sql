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

{#- The printed subject of a prose statement as the link seed (statement_table_links) matches it: no spaces, no
    quotes (“三公”经费 -> 三公经费), one kind of brackets, no leading year or 本部门/本单位, no trailing 预算/决算(数)
    (收入预算 -> 收入, 财政拨款支出预算 -> 财政拨款支出). -#}
{% macro statement_subject_norm(text_column) -%}
    regexp_replace(regexp_replace(
        replace(replace(regexp_replace(coalesce({{ text_column }}, ''), '[\s“”"‘’]', '', 'g'), '(', '（'), ')', '）'),
        '^(?:\d{4}年度?)?(?:本部门|本单位|本年度)?', ''),
        '(?:预算|决算)数?$', '')
{%- endmacro %}

{#- A printed 功能分类 name as the code-from-names link compares it: no spaces, one kind of brackets, no level marker
    （类）/（款）/（项） and no leading ordinal. -#}
{% macro class_name_key(text_column) -%}
    regexp_replace(regexp_replace(
        replace(replace(regexp_replace(coalesce({{ text_column }}, ''), '[\s“”"]', '', 'g'), '(', '（'), ')', '）'),
        '（[类款项]）$', ''),
        '^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])', '')
{%- endmacro %}
