{#- Rules TBL-XTAB-001 (the same amount printed in two tables, or two sides of one, must agree: 表五's total =
    表四 column 13, the projects of 表六 summed by function code = the 项目支出 column of 表四, 收支总表 lines = the
    类 rows of the expenditure table …), TBL-XTAB-002 (a part printed in one table at most its whole in another:
    一般公共预算 ≤ 全口径), TBL-BAL-001 (income total = expenditure total) and TBL-UNIT-001 (the two sides differ by a
    factor of 10,000: 元 printed for 万元).

    `identities`: one row per identity (seed table_identities). Each side selects cells by regular expressions
    (full match; empty = any) on table_name (`*_table`, a search), column_key (`*_column`), row_kind (`*_rows`),
    label_norm (`*_label`), measure (`*_measure`), group_label (`*_group`) and side (`*_side`), sums them per match
    key (`match_on`: none = one sum per document; table = one sum per table; code = function code and unit code; label = the row label without numbering;
    row = code, unit and, for uncoded rows, the label) and compares: op eq = equal, le = left at most right.
    `unmatched`: zero = a key on one side only counts 0 on the other; skip = only keys on both sides are compared.
    Tolerance: the half-steps of every figure involved (outside_rounding). Identities never cross documents, and bind
    a document only when it prints a table of each side. -#}
{% macro figures_agree_check(cells, identities, known) %}
    {{ require_arguments('figures_agree_check', {'cells': cells, 'identities': identities, 'known': known}) }}
    with

    _cells as (
        select * from {{ cells }}
    ),

    _identities as (
        select * from {{ identities }}
    ),

    sides as (
        select identity_id, 'left' as side_name, left_table as table_pattern, left_column as column_pattern,
            left_rows as rows_pattern, left_label as label_pattern, left_measure as measure_pattern,
            left_group as group_pattern, left_side as side_pattern, match_on
        from _identities
        union all
        select identity_id, 'right', right_table, right_column, right_rows, right_label, right_measure, right_group,
            right_side, match_on
        from _identities
    ),

    -- table patterns are matched against the distinct table names, not against every cell
    table_names as (
        select distinct table_name from _cells
    ),

    side_tables as (
        select sides.*, table_names.table_name as matched_table
        from sides
        inner join table_names
            on regexp_matches(table_names.table_name, sides.table_pattern)
    ),

    document_tables as (
        select distinct document_sha256, table_name from _cells
    ),

    -- the other patterns too are matched once per distinct cell signature, not once per cell
    signatures as (
        select distinct table_name, column_key, row_kind, label_norm, measure, group_label, side
        from _cells
        where not is_percent
    ),

    side_signatures as (
        select sides.identity_id, sides.side_name, sides.match_on, sig.*
        from side_tables as sides
        inner join signatures as sig
            on sig.table_name = sides.matched_table
        where (coalesce(sides.column_pattern, '') = '' or regexp_full_match(sig.column_key, sides.column_pattern))
            and (coalesce(sides.rows_pattern, '') = '' or regexp_full_match(sig.row_kind, sides.rows_pattern))
            and (coalesce(sides.label_pattern, '') = '' or regexp_full_match(sig.label_norm, sides.label_pattern))
            and (coalesce(sides.measure_pattern, '') = '' or regexp_full_match(sig.measure, sides.measure_pattern))
            and (coalesce(sides.group_pattern, '') = ''
                or regexp_full_match(coalesce(sig.group_label, ''), sides.group_pattern))
            and (coalesce(sides.side_pattern, '') = '' or regexp_full_match(coalesce(sig.side, ''), sides.side_pattern))
    ),

    selected as (
        select
            sides.identity_id,
            sides.side_name,
            case sides.match_on
                when 'none' then ''
                when 'code' then coalesce(c.row_code, '') || '|' || coalesce(c.unit_code, '')
                when 'label' then c.label_norm
                when 'table' then c.table_name
                else coalesce(c.row_code, '') || '|' || coalesce(c.unit_code, '') || '|'
                    || case when c.row_code is null and c.unit_code is null then c.label_norm else '' end
            end as match_key,
            -- the columns the totals and the names of failing pairs read (the selection is read twice, and kept)
            c.document_sha256, c.file_name, c.table_name, c.page, c.line_start, c.line_end, c.row_label, c.row_code,
            c.unit_code, c.cell_value, c.cell_half_step
        from side_signatures as sides
        inner join _cells as c
            on c.table_name = sides.table_name
            and c.column_key is not distinct from sides.column_key
            and c.row_kind is not distinct from sides.row_kind
            and c.label_norm is not distinct from sides.label_norm
            and c.measure is not distinct from sides.measure
            and c.group_label is not distinct from sides.group_label
            and c.side is not distinct from sides.side
        where not c.is_percent
    ),

    tables_printed as (
        -- an identity binds a document only when it prints a table of each side (a budget published without
        -- 表六 is not a budget whose 表六 sums to zero)
        select side_tables.identity_id, document_tables.document_sha256
        from side_tables
        inner join document_tables
            on document_tables.table_name = side_tables.matched_table
        group by all
        having count(distinct side_tables.side_name) = 2
    ),

    totals as (
        select
            identity_id,
            document_sha256,
            match_key,
            side_name,
            sum(cell_value) as value,
            sum(cell_half_step) as half_steps,
            min(coalesce(page, 0) * 1000000 + line_start) as first_place,
            max(coalesce(page, 0) * 1000000 + line_end) as last_place,
            count(*) as figures
        from selected
        group by all
    ),

    paired as (
        select
            coalesce(l.identity_id, r.identity_id) as identity_id,
            coalesce(l.document_sha256, r.document_sha256) as document_sha256,
            coalesce(l.match_key, r.match_key) as match_key,
            coalesce(l.value, 0) as lhs,
            coalesce(r.value, 0) as rhs,
            coalesce(l.half_steps, 0) + coalesce(r.half_steps, 0) as tolerance,
            l.figures as left_figures,
            r.figures as right_figures,
            -- the finding points at the left-hand figures (where they are printed), else the right-hand ones
            coalesce(l.first_place, r.first_place) as first_place,
            coalesce(l.last_place, r.last_place) as last_place,
            coalesce(r.first_place, l.first_place) as other_place
        from (select * from totals where side_name = 'left') as l
        full outer join (select * from totals where side_name = 'right') as r
            on r.identity_id = l.identity_id
            and r.document_sha256 = l.document_sha256
            and r.match_key = l.match_key
    ),

    judged as (
        select
            paired.*,
            _identities.rule_id,
            _identities.op,
            _identities.description,
            cast(lhs - rhs as decimal(38, 6)) as difference,
            lhs <> 0 and rhs <> 0 and abs(lhs - rhs) >= 100 * tolerance
                and (abs(lhs - rhs * 10000) < tolerance * 10000 or abs(rhs - lhs * 10000) < tolerance * 10000)
                as is_unit_slip
        from paired
        inner join _identities using (identity_id)
        inner join tables_printed using (identity_id, document_sha256)
        where _identities.unmatched = 'zero' or (left_figures is not null and right_figures is not null)
    ),

    failing as (
        select *
        from judged
        where case op
            when 'le' then lhs - rhs > 0 and lhs - rhs >= tolerance
            else {{ outside_rounding('lhs - rhs', 'tolerance') }}
        end
    ),

    -- the rows each side of a failing pair summed, named in the message, and its file and table (only for the
    -- failing pairs: carried through the totals of every pair, the names cost a sixth of this check)
    side_rows as (
        select
            selected.identity_id,
            selected.document_sha256,
            selected.match_key,
            selected.side_name,
            any_value(selected.file_name) as file_name,
            -- every table summed: a side's pattern may match two tables (^表[六七] ) and a match key that is no
            -- table sums both
            string_agg(distinct selected.table_name, ', ' order by selected.table_name) as table_name,
            string_agg(distinct coalesce(selected.row_label, selected.row_code, selected.unit_code, ''), ', '
                order by coalesce(selected.row_label, selected.row_code, selected.unit_code, '')) as row_names
        from selected
        inner join failing using (identity_id, document_sha256, match_key)
        group by all
    ),

    failing_named as (
        select
            failing.*,
            coalesce(left_names.file_name, right_names.file_name) as file_name,
            left_names.table_name as left_table,
            right_names.table_name as right_table,
            left_names.row_names as left_rows,
            right_names.row_names as right_rows
        from failing
        left join side_rows as left_names
            on left_names.identity_id = failing.identity_id
            and left_names.document_sha256 = failing.document_sha256
            and left_names.match_key = failing.match_key
            and left_names.side_name = 'left'
        left join side_rows as right_names
            on right_names.identity_id = failing.identity_id
            and right_names.document_sha256 = failing.document_sha256
            and right_names.match_key = failing.match_key
            and right_names.side_name = 'right'
    ),

    described as (
        select
            case when is_unit_slip then 'TBL-UNIT-001' else rule_id end as rule_id,
            document_sha256,
            file_name,
            case when first_place >= 1000000 then cast(first_place // 1000000 as integer) end as page,
            cast(mod(first_place, 1000000) as integer) as line_start,
            cast(mod(last_place, 1000000) as integer) as line_end,
            cast(lhs as decimal(38, 6)) as lhs,
            cast(rhs as decimal(38, 6)) as rhs,
            difference,
            cast(tolerance as decimal(38, 6)) as tolerance,
            description || ': ' || coalesce(left_table || ' (' || left_rows || ')', 'nothing printed')
                || ' = ' || {{ amount_text('lhs') }} || (case op when 'le' then ' exceeds ' else ' but ' end)
                || coalesce(right_table || ' (' || right_rows || ')', 'nothing printed') || ' = ' || {{ amount_text('rhs') }}
                || ' (line ' || cast(mod(other_place, 1000000) as varchar) || ')'
                || case when is_unit_slip then '; they differ by a factor of 10,000 (元 vs 万元)' else '' end
                as message
        from failing_named
    ),

    located as (
        select *, {{ source_locator() }} as source_locator from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test figures_agree_across_tables(model, identities, known) %}
    {{ figures_agree_check(model, identities, known) }}
{% endtest %}
