{#- Rule EXE-RATE-003 (warning) for tables: a printed execution rate (the result column of a ratio formula of
    `formulas`, e.g. 表四 column 9 执行率 = 8÷7) above 100%: more was spent than budgeted. -#}
{% macro rates_at_most_hundred_check(cells, formulas, known) %}
    {{ require_arguments('rates_at_most_hundred_check', {'cells': cells, 'formulas': formulas, 'known': known}) }}
    with

    rate_cells as (
        select c.*
        from {{ cells }} as c
        inner join {{ formulas }} as f
            on f.kind = 'ratio'
            and regexp_matches(c.table_name, f.table_pattern)
            and c.column_key = f.result_column
        where c.is_percent and c.cell_value > 100
    ),

    described as (
        select
            'EXE-RATE-003' as rule_id,
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            cast(cell_value as decimal(38, 6)) as lhs,
            cast(100 as decimal(38, 6)) as rhs,
            cast(cell_value - 100 as decimal(38, 6)) as difference,
            cast(0 as decimal(38, 6)) as tolerance,
            table_name || ', row ' || coalesce(row_label, row_code, '') || ': execution rate ' || value_text
                || '% (column ' || column_key || ') is above 100%' as message
        from rate_cells
    ),

    located as (
        select *, {{ source_locator() }} as source_locator from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test rates_at_most_hundred(model, formulas, known) %}
    {{ rates_at_most_hundred_check(model, formulas, known) }}
{% endtest %}
