{#- Custom schemas are used as named (staging, intermediate, reference); marts stay in the default
    schema so analysts can write `from fct_execution`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
