{#- Rule TBL-CHILD-001: a coded row (类 201, 款 20103 …) that prints an amount but has no row of a longer code under
    it, in a table that does print rows of a longer code of the same scheme, or whose block holds a unit row (广州
    表四 prints a 款's 项 rows under its units: 款 -> 行政单位 -> unit -> 项, so a 款 with a unit and no 项 is short of
    them even when the table prints no 项 at all). Budgets are set at the finest level a
    table prints (项 under 款, 款 under 类), so such a row's amount is the sum of no printed row: its 项/款 rows are
    missing (a dropped row leaves 类 and 合计 adding up, and nothing to add up the 款 with). The mirror of
    rows_have_parents_check (TBL-ORPHAN-001): when a coded row without parent (an orphan: its code misprinted, e.g.
    7 11 02 for 210 11 02) stands in the block of the childless row, the orphan finding already names the defect and
    this one is not raised. A row whose printed amounts are all zero (within rounding) needs no children.
    The finding spans the row and the lines of its block (up to the next row of the same or a shorter code on its
    page): where the missing rows belong. `cells` as int_table_cells, `links` as int_table_row_links. -#}
{% macro rows_have_children_check(cells, links, known, rows=none) %}
    {{ require_arguments('rows_have_children_check', {'cells': cells, 'links': links, 'known': known}) }}
    with

    _coded_rows as (
        {% if rows is none %}{{ coded_rows(cells) }}{% else %}select * from {{ rows }}{% endif %}
    ),

    _rows as (
        -- the coded rows: the uncoded rows of a block are placed in block_rows
        select
            row_key, document_sha256, file_name, table_name, page, line_start, line_end,
            row_order, row_code, coalesce(row_code_scheme, '') as scheme, row_label, unit_code, side,
            largest_amount, largest_half_step, has_amount
        from _coded_rows
    ),

    parents_with_children as (
        select distinct parent_row_key from {{ links }} where link_kind = 'code'
    ),

    children_of_some_row as (
        select distinct child_row_key from {{ links }} where link_kind = 'code'
    ),

    code_lengths as (
        select document_sha256, table_name, scheme, min(length(row_code)) as shortest, max(length(row_code)) as longest
        from _rows
        where row_code is not null and side is null
        group by all
    ),

    coded as (
        -- an orphan: a row of a longer code than the table's shortest with no row of a shorter code above it
        select
            _rows.*,
            code_lengths.longest,
            length(_rows.row_code) > code_lengths.shortest
                and _rows.row_key not in (select child_row_key from children_of_some_row) as is_orphan
        from _rows
        inner join code_lengths
            on code_lengths.document_sha256 = _rows.document_sha256
            and code_lengths.table_name = _rows.table_name
            and code_lengths.scheme = _rows.scheme
        where _rows.row_code is not null and _rows.side is null
    ),

    candidates as (
        -- a 类/款 row (a function 项 or an economic 款 is a leaf of the national code list) that prints an amount
        -- and has no row of a longer code under it
        select *
        from coded
        where length(row_code) < case scheme when 'function' then 7 else 5 end
            and has_amount
            and not is_orphan
            and row_key not in (select parent_row_key from parents_with_children)
    ),

    block_ends as (
        -- the next row of the same or a shorter code (an orphan aside): the block of the row ends before it
        select
            candidates.row_key,
            min(sibling.row_order) as next_row_order
        from candidates
        inner join coded as sibling
            on sibling.document_sha256 = candidates.document_sha256
            and sibling.table_name = candidates.table_name
            and sibling.scheme = candidates.scheme
            and sibling.row_order > candidates.row_order
            and length(sibling.row_code) <= length(candidates.row_code)
            and not sibling.is_orphan
        group by candidates.row_key
    ),

    block_rows as (
        -- every row (uncoded unit rows included) of the tables a candidate stands in: few tables, not all of them
        select
            cells.row_key,
            any_value(cells.document_sha256) as document_sha256,
            any_value(cells.table_name) as table_name,
            any_value(cells.page) as page,
            max(cells.line_end) as line_end,
            min(cells.row_order) as row_order,
            any_value(cells.row_code) as row_code,
            any_value(cells.unit_code) as unit_code
        from {{ cells }} as cells
        inner join (select distinct document_sha256, table_name from candidates) as candidate_tables
            on candidate_tables.document_sha256 = cells.document_sha256
            and candidate_tables.table_name = cells.table_name
        group by cells.row_key
    ),

    blocks as (
        -- every row printed in the block (uncoded unit rows included), whether an orphan stands there, and whether
        -- a unit row does (广州 表四: 款 -> 行政单位 -> unit -> the unit's 项 rows)
        select
            candidates.row_key,
            max(inside.line_end) filter (where inside.page is not distinct from candidates.page) as block_line_end,
            coalesce(bool_or(orphans.row_key is not null), false) as has_orphan,
            coalesce(bool_or(inside.row_code is null and inside.unit_code is not null), false) as has_unit_row
        from candidates
        left join block_ends on block_ends.row_key = candidates.row_key
        inner join block_rows as inside
            on inside.document_sha256 = candidates.document_sha256
            and inside.table_name = candidates.table_name
            and inside.row_order > candidates.row_order
            and inside.row_order < coalesce(block_ends.next_row_order, 2147483647)
        left join coded as orphans
            on orphans.row_key = inside.row_key
            and orphans.is_orphan
            and orphans.scheme = candidates.scheme
        group by candidates.row_key
    ),

    childless as (
        -- the table prints rows of a longer code elsewhere, or the row's block holds a unit row whose 项 rows
        -- should follow it; an orphan in the block is reported by TBL-ORPHAN-001 instead
        select
            candidates.*,
            greatest(candidates.line_end, coalesce(blocks.block_line_end, candidates.line_end)) as block_line_end
        from candidates
        left join blocks on blocks.row_key = candidates.row_key
        where (length(candidates.row_code) < candidates.longest or coalesce(blocks.has_unit_row, false))
            and not coalesce(blocks.has_orphan, false)
    ),

    described as (
        select
            'TBL-CHILD-001' as rule_id,
            childless.document_sha256,
            childless.file_name,
            childless.page,
            childless.line_start,
            childless.block_line_end as line_end,
            cast(childless.largest_amount as decimal(38, 6)) as lhs,
            cast(0 as decimal(38, 6)) as rhs,
            cast(childless.largest_amount as decimal(38, 6)) as difference,
            cast(childless.largest_half_step as decimal(38, 6)) as tolerance,
            childless.table_name || ': row ' || childless.row_code || coalesce(' ' || childless.row_label, '')
                || ' prints ' || {{ amount_text('childless.largest_amount') }}
                || ' but no row of a longer code stands under it, while the table prints such rows elsewhere:'
                || ' the rows it is the sum of are missing (dropped) or misprinted' as message
        from childless
    ),

    located as (
        select *, {{ source_locator() }} as source_locator from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test rows_have_children(model, links, known) %}
    {{ rows_have_children_check(model, links, known) }}
{% endtest %}
