{#- Rule DIM-CODE-001: a 功能分类 / 经济分类 code printed in a document is wrong, not merely absent from our list.
    The national lists in seeds function_classes / economic_classes hold every 类, the 款/项 this project has
    sources for, and the names they are printed under; a well-formed code the list lacks is recorded (it is listed
    in dim_function_classes / dim_economic_classes as seen in the documents), not reported. A finding is raised only
    for what is wrong:
      * malformed: the code's digits do not fit the parts printed (类 3 digits, 款 5, 项 7: "7 11 02" is 71102,
        five digits for a 项 printed in three parts), or it is not digits of such a length;
      * unknown 类: its first three digits are no 类 of the list;
      * name conflict: the list has the code, and the printed name is none of the names it lists for it but the
        name of another code of the list (whitespace, list prefixes such as 一、 and full-width brackets aside; a
        name printed cut short, where a text reader lost the part wrapped onto the next line, is a prefix of its
        listed name and no conflict; a row naming a project, as 项目支出明细表 rows do, names no code);
      * unknown 款: a 项 whose 款 is neither in the list nor printed in the same document.
    One row per printed line, code and reason (a line printing five amounts gives one finding). No tolerance.
    `level_kind` is the figure's row_kind (class / section / item, by the number of code parts printed). -#}
{% macro classification_code_check(model, code, code_list, name='row_label', level_kind='row_kind',
                                   code_list_column='code', name_column='name_zh', scheme_label='code',
                                   max_parts=3, rule_id='DIM-CODE-001') %}
    {{ require_arguments('classification_code_check', {'code': code, 'code_list': code_list}) }}
    with

    printed as (
        select distinct
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            source_locator,
            cast({{ code }} as varchar) as _code,
            {{ level_kind }} as _level_kind,
            -- the printed name without spaces, list prefix (一、 （一） 1.) or full-width brackets
            regexp_replace(
                replace(replace(regexp_replace(cast({{ name }} as varchar), '\s', '', 'g'), '（', '('), '）', ')'),
                '^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[.、．])', '') as _name
        from {{ model }}
        where {{ code }} is not null
    ),

    listed as (
        select
            cast({{ code_list_column }} as varchar) as _code,
            replace(replace(regexp_replace({{ name_column }}, '\s', '', 'g'), '（', '('), '）', ')') as _name
        from {{ code_list }}
    ),

    listed_codes as (
        select _code, string_agg(distinct _name, '；' order by _name) as _names from listed group by _code
    ),

    printed_in_document as (
        select distinct document_sha256, _code from printed
    ),

    judged as (
        select
            printed.*,
            listed_codes._names as _listed_names,
            case
                when not regexp_full_match(printed._code, '[0-9]{3}([0-9]{2}){0,{{ max_parts - 1 }}}')
                    then 'malformed'
                when printed._level_kind = 'class' and length(printed._code) <> 3
                    then 'malformed'
                when printed._level_kind = 'section' and length(printed._code) <> 5
                    then 'malformed'
                when printed._level_kind = 'item' and {{ max_parts }} = 3 and length(printed._code) <> 7
                    then 'malformed'
                when printed._level_kind = 'item' and {{ max_parts }} = 2 and length(printed._code) <> 5
                    then 'malformed'
                when left(printed._code, 3) not in (select _code from listed where length(_code) = 3)
                    then 'unknown_class'
                when listed_codes._code is not null and printed._name is not null and printed._name <> ''
                        and printed._name in (select _name from listed where _code <> printed._code)
                        and not exists (select 1 from listed
                                        where listed._code = printed._code
                                          and starts_with(listed._name, printed._name))
                    then 'name_conflict'
                when length(printed._code) = 7 and listed_codes._code is null
                        and left(printed._code, 5) not in (select _code from listed)
                        and not exists (select 1 from printed_in_document d
                                        where d.document_sha256 = printed.document_sha256
                                          and d._code = left(printed._code, 5))
                    then 'unknown_section'
            end as _reason
        from printed
        left join listed_codes using (_code)
    ),

    failing as (
        select distinct
            '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            source_locator,
            cast(null as decimal(38, 6)) as lhs,
            cast(null as decimal(38, 6)) as rhs,
            cast(null as decimal(38, 6)) as difference,
            cast(null as decimal(38, 6)) as tolerance,
            '{{ scheme_label }} ' || _code || case _reason
                when 'malformed' then ' is malformed: its digits do not fit the parts printed (类 3 digits, 款 5, 项 7)'
                when 'unknown_class' then ' is under 类 ' || left(_code, 3) || ', which is no class of the code list'
                when 'name_conflict' then ' is printed as ' || _name || '; the code list names it ' || _listed_names
                when 'unknown_section' then ' is under 款 ' || left(_code, 5)
                    || ', which is neither in the code list nor printed in the document'
            end as message
        from judged
        where _reason is not null
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test classification_code_known(model, column_name, code_list, code_list_column='code', scheme_label='code') %}
    {{ classification_code_check(model, column_name, code_list, code_list_column=code_list_column,
                                 scheme_label=scheme_label) }}
{% endtest %}
