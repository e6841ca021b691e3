{#- Shared argument guard for the check macros: fail at compile time, naming the macro and argument. -#}
{% macro require_arguments(macro_name, arguments) -%}
    {%- for name, value in arguments.items() -%}
        {%- if value is none or (value is string and value | trim == '') -%}
            {{ exceptions.raise_compiler_error(macro_name ~ ": argument '" ~ name ~ "' is required") }}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- The evidence columns every check returns, in this order. -#}
{% macro evidence_columns() -%}
    rule_id, document_sha256, file_name, page, line_start, line_end, source_locator,
    lhs, rhs, difference, tolerance, message
{%- endmacro %}
