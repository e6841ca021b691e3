{#- Rules TBL-FORMULA-001 (a column that is the sum of others: the printed `10=11+15`, or the 合计 column of a
    header group), TBL-FORMULA-002 (a rate column that is the ratio of two others: the printed `9=8÷7`) and TBL-PART-001
    (其中 columns: every part, and the parts together, at most their total), checked on every row of every table the
    formula applies to.

    `formulas`: one row per formula (seed table_column_formulas): table_pattern (regular expression on the table
    name), result_column, operands ('11+15', '8÷7', '4+5+…'), kind (sum | ratio | parts), rule_id. Columns are
    column_key values of `cells` (the printed column number, or the column label where none is printed).
    A row is checked when it prints at least one column of the formula; a blank cell is 0.
      sum:   result = Σ operands, within the half-steps of the figures (outside_rounding);
      ratio: the printed rate r (percent) must be reachable from some numerator and denominator within their
             rounding: 100(n-h_n) <= (r+h_r)(d+h_d) and (r-h_r)(d-h_d) <= 100(n+h_n); a rate printed over a zero
             denominator, or a non-zero ratio with no rate printed, fails;
      parts: Σ operands - result must stay below the half-steps (each part alone too). -#}
{% macro column_formulas_check(cells, formulas, known) %}
    {{ require_arguments('column_formulas_check', {'cells': cells, 'formulas': formulas, 'known': known}) }}
    with

    _cells as (
        select * from {{ cells }}
    ),

    _formulas as (
        select
            *,
            string_split(regexp_replace(operands, '[÷/]', '+', 'g'), '+') as operand_list
        from {{ formulas }}
    ),

    formula_columns as (
        select formula_id, result_column as column_key, 'result' as role, 0 as position from _formulas
        union all
        select formula_id, unnest(operand_list) as column_key, 'operand', unnest(range(1, len(operand_list) + 1))
        from _formulas
    ),

    formula_tables as (
        -- table patterns are matched against the distinct table names, not against every cell
        select _formulas.formula_id, table_names.table_name
        from (select distinct table_name from _cells) as table_names
        inner join _formulas on regexp_matches(table_names.table_name, _formulas.table_pattern)
    ),

    printed as (
        -- the printed cells of each formula's columns, in the tables the formula applies to: the rows these fall in
        -- are the rows checked (a row prints a column of the formula)
        select
            formula_tables.formula_id,
            _cells.row_key,
            formula_columns.role,
            formula_columns.position,
            coalesce(_cells.cell_value, 0) as cell_value,
            coalesce(_cells.cell_half_step, 0) as cell_half_step,
            _cells.figure_id is not null as is_printed
        from _cells
        inner join formula_tables on formula_tables.table_name = _cells.table_name
        inner join formula_columns
            on formula_columns.formula_id = formula_tables.formula_id
            and formula_columns.column_key = _cells.column_key
    ),

    printed_per_row as (
        select
            formula_id,
            row_key,
            sum(cell_value) filter (where role = 'result') as r,
            sum(cell_half_step) filter (where role = 'result') as h_r,
            bool_or(is_printed) filter (where role = 'result') as r_printed,
            sum(cell_value) filter (where role = 'operand') as operand_sum,
            sum(cell_half_step) filter (where role = 'operand') as operand_half_steps,
            max(cell_value) filter (where role = 'operand') as largest_printed_operand,
            count(distinct position) filter (where role = 'operand') as printed_operands,
            sum(cell_value) filter (where role = 'operand' and position = 1) as n,
            sum(cell_half_step) filter (where role = 'operand' and position = 1) as h_n,
            sum(cell_value) filter (where role = 'operand' and position = 2) as d,
            sum(cell_half_step) filter (where role = 'operand' and position = 2) as h_d
        from printed
        group by formula_id, row_key
    ),

    per_row as (
        -- a blank cell is 0: aggregated over the printed cells only (joining the blank ones in as zeros cost more),
        -- a column of the formula with no printed cell gives 0, and the largest operand is at least 0 when an
        -- operand is blank; a column the formula does not have (position 2 of a one-operand formula) stays null
        select
            printed_per_row.formula_id,
            printed_per_row.row_key,
            coalesce(printed_per_row.r, 0) as r,
            coalesce(printed_per_row.h_r, 0) as h_r,
            coalesce(printed_per_row.r_printed, false) as r_printed,
            coalesce(printed_per_row.operand_sum, 0) as operand_sum,
            coalesce(printed_per_row.operand_half_steps, 0) as operand_half_steps,
            case
                when printed_per_row.printed_operands < len(_formulas.operand_list)
                    then greatest(coalesce(printed_per_row.largest_printed_operand, 0), 0)
                else printed_per_row.largest_printed_operand
            end as largest_operand,
            coalesce(printed_per_row.n, 0) as n,
            coalesce(printed_per_row.h_n, 0) as h_n,
            case when len(_formulas.operand_list) >= 2 then coalesce(printed_per_row.d, 0) end as d,
            case when len(_formulas.operand_list) >= 2 then coalesce(printed_per_row.h_d, 0) end as h_d
        from printed_per_row
        inner join _formulas using (formula_id)
    ),

    judged as (
        select
            per_row.*,
            _formulas.kind,
            _formulas.rule_id,
            _formulas.result_column,
            _formulas.operands,
            case _formulas.kind
                when 'sum' then cast(r - operand_sum as decimal(38, 6))
                when 'parts' then cast(r - operand_sum as decimal(38, 6))
                when 'ratio' then case when d - h_d > 0 then cast(round(r - 100 * n / d, 6) as decimal(38, 6)) end
            end as difference,
            case _formulas.kind
                when 'ratio' then case when d - h_d > 0 then cast(round(h_r + greatest(
                    100 * (n + h_n) / (d - h_d) - 100 * n / d, 100 * n / d - 100 * (n - h_n) / (d + h_d)), 6)
                    as decimal(38, 6)) end
                else cast(h_r + operand_half_steps as decimal(38, 6))
            end as tolerance,
            case _formulas.kind
                when 'sum' then {{ outside_rounding('r - operand_sum', 'h_r + operand_half_steps') }}
                when 'parts' then (operand_sum - r > 0 and operand_sum - r >= h_r + operand_half_steps)
                    or (largest_operand - r > 0 and largest_operand - r >= h_r + operand_half_steps)
                when 'ratio' then case
                    when d - h_d <= 0 then r_printed and r <> 0
                    when not r_printed then n <> 0
                    else not (100 * (n - h_n) <= (r + h_r) * (d + h_d) and (r - h_r) * (d - h_d) <= 100 * (n + h_n))
                end
            end as is_failing
        from per_row
        inner join _formulas using (formula_id)
    ),

    row_facts as (
        -- only the rows of failing formulas are placed and named
        select
            row_key,
            any_value(document_sha256) as document_sha256,
            any_value(file_name) as file_name,
            any_value(table_name) as table_name,
            any_value(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            any_value(coalesce(row_label, row_code, unit_code)) as row_name
        from _cells
        where row_key in (select row_key from judged where is_failing)
        group by row_key
    ),

    described as (
        select
            judged.rule_id,
            row_facts.document_sha256,
            row_facts.file_name,
            row_facts.page,
            row_facts.line_start,
            row_facts.line_end,
            cast(judged.r as decimal(38, 6)) as lhs,
            cast(case when judged.kind = 'ratio' then case when judged.d - judged.h_d > 0
                then round(100 * judged.n / judged.d, 6) end else judged.operand_sum end as decimal(38, 6)) as rhs,
            judged.difference,
            judged.tolerance,
            row_facts.table_name || ', row ' || coalesce(row_facts.row_name, '') || ': '
                || case judged.kind
                    when 'sum' then 'column ' || judged.result_column || ' = ' || judged.operands || ' does not hold: '
                        || cast(judged.r as varchar) || ' printed, the columns add up to '
                        || cast(judged.operand_sum as varchar)
                    when 'parts' then 'the 其中 columns ' || judged.operands || ' (together '
                        || cast(judged.operand_sum as varchar) || ', largest ' || cast(judged.largest_operand as varchar)
                        || ') exceed their total, column ' || judged.result_column || ' = ' || cast(judged.r as varchar)
                    else case
                        when judged.d - judged.h_d <= 0 then 'a rate of ' || cast(judged.r as varchar)
                            || '% is printed in column ' || judged.result_column || ' over a denominator of zero'
                        when not judged.r_printed then 'column ' || judged.result_column || ' = ' || judged.operands
                            || ' prints no rate although the ratio is ' || cast(round(100 * judged.n / judged.d, 2) as varchar) || '%'
                        else 'column ' || judged.result_column || ' = ' || judged.operands || ': printed rate '
                            || cast(judged.r as varchar) || '% but the ratio is '
                            || cast(round(100 * judged.n / judged.d, 4) as varchar) || '%'
                    end
                end as message
        from judged
        inner join row_facts using (row_key)
        where judged.is_failing
    ),

    located as (
        select *, {{ source_locator() }} as source_locator from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test column_formulas_hold(model, formulas, known) %}
    {{ column_formulas_check(model, formulas, known) }}
{% endtest %}
