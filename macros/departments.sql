{#- The key that says two printed department names are one department (dim_departments.normalized_name): 中共 is the
    usual short form of 中国共产党, and 区委/市委/县委 of 区委员会/市委员会/县委员会 when a body of the committee follows
    (中国共产党广州市番禺区委员会政法委员会 -> 中共广州市番禺区委政法委员会). One definition for the dimension and for
    the department scope of an incremental build (macros/document_scope.sql), which must name the same departments. -#}
{% macro department_key(name) -%}
    regexp_replace(
        replace({{ name }}, '中国共产党', '中共'),
        '([区市县])委员会(.+)$', '\1委\2'
    )
{%- endmacro %}
