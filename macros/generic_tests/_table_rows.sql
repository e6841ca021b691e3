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

{#- The coded rows of `cells` (row_code set), one per row_key, with what rows_have_children_check (and, of fewer
    columns, rows_have_parents_check) reads of them. int_table_rule_failures aggregates them once and passes them to
    both checks as `rows` (at 10,000 documents the two aggregates of the same rows cost about 0.3 CPU s more). -#}
{% macro coded_rows(cells) -%}
        select
            {{ row_place_columns() }},
            min(row_order) as row_order,
            any_value(row_code) as row_code,
            any_value(row_code_scheme) as row_code_scheme,
            any_value(row_label) as row_label,
            any_value(unit_code) as unit_code,
            any_value(side) as side,
            max(abs(cell_value)) filter (where not is_percent) as largest_amount,
            max(cell_half_step) filter (where not is_percent) as largest_half_step,
            bool_or(not is_percent and cell_value <> 0 and abs(cell_value) >= cell_half_step) as has_amount
        from {{ cells }}
        where row_code is not null
        group by row_key
{%- endmacro %}
