{#- The place of a table row, aggregated from its cells (`group by row_key`): the columns every row-level table
    check (rows_add_up, rows_have_parents, rows_have_children) starts from. -#}
{% macro row_place_columns() -%}
            row_key,
            any_value(document_sha256) as document_sha256,
            any_value(file_name) as file_name,
            any_value(table_name) as table_name,
            any_value(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end
{%- endmacro %}
