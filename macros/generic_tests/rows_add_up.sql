{#- Rules TBL-SUM-001 (code hierarchy: 类 = Σ款, 款 = Σ项), TBL-SUM-002 (合计 / 行政单位 / unit / 经常性专项 rows =
    Σ of their rows), TBL-SUM-003 (two-sided 收支总表: 一、 rows = Σ of their sub-rows, 本年收入合计 = Σ 一、 rows,
    收入总计 = 本年收入合计 + the rows below it), TBL-INCOMPLETE-001 and TBL-UNIT-001.

    `cells`: one row per printed table cell (int_table_cells: row_key, column_key, cell_value in yuan or points,
    cell_half_step, is_percent, is_table_cut_off, page, line_start, line_end, table_name, row_label, row_code,
    document_sha256, file_name). `links`: (partition_key, link_kind, parent_row_key, child_row_key), as in
    int_table_row_links. For every partition and every column the parent or a child prints (percent columns are
    not additive and are left out), the parent's value must equal the sum of its children's (a blank cell is 0),
    within the half-steps of every printed figure involved (outside_rounding).

    A failing partition is reported as
      TBL-UNIT-001        when scaling ONE of its figures by 10,000 (元 printed in a 万元 table, or the reverse) makes
                          it add up -- the figure is named;
      TBL-INCOMPLETE-001  when the rows fall short of their total in a table the text is cut off inside (the loader's
                          LOAD-INCOMPLETE-TABLE): the missing rows are not printed, not wrong;
      the link kind's rule otherwise.
    A partition is not judged when a line inside it printed numbers the loader could not land (`unlanded`: load
    findings LOAD-AMBIGUOUS-ROW / LOAD-ROW-UNRESOLVED / LOAD-UNPLACED-FIGURE on a line where no figure landed): the
    loader has reported that line, and a sum without it proves nothing. -#}
{% macro rows_add_up_check(cells, links, known, unlanded) %}
    {{ require_arguments('rows_add_up_check', {'cells': cells, 'links': links, 'known': known,
        'unlanded': unlanded}) }}
    with

    _cells as (
        select * from {{ cells }} where not is_percent
    ),

    _links as (
        select distinct partition_key, link_kind, parent_row_key, child_row_key from {{ links }}
    ),

    partitions as (
        select distinct partition_key, link_kind, parent_row_key from _links
    ),

    members as (
        -- the parent (role 'parent') and its children ('child') of every partition
        select partition_key, link_kind, parent_row_key as row_key, 'parent' as role from partitions
        union all
        select partition_key, link_kind, child_row_key, 'child' from _links
    ),

    member_cells as (
        select members.partition_key, members.role, c.column_key, c.cell_value, c.cell_half_step
        from members
        inner join _cells as c using (row_key)
    ),

    sums as (
        -- the link kind and column label are looked up below, for the sums off by more than rounding only (carried
        -- through the sums of every partition, they cost half of this check)
        select
            partition_key,
            column_key,
            coalesce(sum(cell_value) filter (where role = 'parent'), 0) as parent_value,
            coalesce(sum(cell_value) filter (where role = 'child'), 0) as children_value,
            sum(cell_half_step) as tolerance,
            count(*) filter (where role = 'parent') as parent_cells
        from member_cells
        group by partition_key, column_key
    ),

    outside_sums as (
        -- the sums off by more than rounding; only their partitions are placed and named below (the rows, spans and
        -- cells of the partitions that add up, nearly all of them, are never read again)
        select *
        from (
            select
                sums.*,
                cast(parent_value - children_value as decimal(38, 6)) as difference
            from sums
        )
        where {{ outside_rounding('difference', 'tolerance') }}
    ),

    outside_members as (
        select *
        from members
        where partition_key in (select partition_key from outside_sums)
    ),

    outside_named as (
        select
            outside_sums.*,
            any_value(outside_members.link_kind) as link_kind,
            any_value(c.column_label) as column_label
        from outside_sums
        inner join outside_members
            on outside_members.partition_key = outside_sums.partition_key
        inner join _cells as c
            on c.row_key = outside_members.row_key
            and c.column_key = outside_sums.column_key
        group by all
    ),

    _rows as (
        select
            {{ row_place_columns() }},
            any_value(coalesce(row_label, row_code)) as row_name,
            bool_or(is_table_cut_off) as is_table_cut_off
        from _cells
        where row_key in (select row_key from outside_members)
        group by row_key
    ),

    spans as (
        select
            outside_members.partition_key,
            any_value(_rows.document_sha256) as document_sha256,
            min(coalesce(_rows.page, 0) * 1000000 + _rows.line_start) as span_first,
            max(coalesce(_rows.page, 0) * 1000000 + _rows.line_end) as span_last,
            string_agg(distinct _rows.row_name, ', ' order by _rows.row_name)
                filter (where outside_members.role = 'child') as child_names,
            count(distinct outside_members.row_key) filter (where outside_members.role = 'child') as child_count
        from outside_members
        inner join _rows using (row_key)
        group by outside_members.partition_key
    ),

    unjudgeable as (
        select distinct spans.partition_key
        from spans
        inner join {{ unlanded }} as u
            on u.document_sha256 = spans.document_sha256
            and u.rule_id in ('LOAD-AMBIGUOUS-ROW', 'LOAD-ROW-UNRESOLVED', 'LOAD-UNPLACED-FIGURE')
            and coalesce(u.page, 0) * 1000000 + u.line_end >= spans.span_first
            and coalesce(u.page, 0) * 1000000 + u.line_start <= spans.span_last
        -- a line that landed figures (some columns placed, others not) keeps its landed columns judgeable
        where not exists (
            select 1 from {{ cells }} as landed
            where landed.document_sha256 = u.document_sha256
                and coalesce(landed.page, 0) = coalesce(u.page, 0)
                and landed.line_start <= u.line_end
                and landed.line_end >= u.line_start
        )
    ),

    failing_sums as (
        select * from outside_named where partition_key not in (select partition_key from unjudgeable)
    ),

    slips as (
        -- one figure which, read as 10,000 times smaller or larger, makes the partition add up
        select
            failing_sums.partition_key,
            failing_sums.column_key,
            c.figure_id,
            c.value_text,
            c.page,
            c.line_start,
            row_number() over (partition by failing_sums.partition_key, failing_sums.column_key
                               order by c.line_start, c.figure_id) as pick  -- figure_id: no tie, the same pick every build
        from failing_sums
        inner join outside_members
            on outside_members.partition_key = failing_sums.partition_key
        inner join _cells as c
            on c.row_key = outside_members.row_key
            and c.column_key = failing_sums.column_key
        where c.cell_value <> 0
            and abs(failing_sums.difference) >= 100 * failing_sums.tolerance  -- far beyond rounding
            and (
                (abs(failing_sums.difference
                    - case when outside_members.role = 'parent' then 1 else -1 end
                      * (c.cell_value - c.cell_value / 10000)) < failing_sums.tolerance
                    -- read 10,000 times smaller the figure must still be more than rounding
                    and abs(c.cell_value / 10000) >= failing_sums.tolerance)
                or abs(failing_sums.difference
                    - case when outside_members.role = 'parent' then 1 else -1 end
                      * (c.cell_value - c.cell_value * 10000)) < failing_sums.tolerance
            )
    ),

    described as (
        select
            case
                when slips.figure_id is not null then 'TBL-UNIT-001'
                when parent_rows.is_table_cut_off and failing_sums.difference > 0 then 'TBL-INCOMPLETE-001'
                when failing_sums.link_kind = 'code' then 'TBL-SUM-001'
                when failing_sums.link_kind = 'outline' then 'TBL-SUM-003'
                else 'TBL-SUM-002'
            end as rule_id,
            parent_rows.document_sha256,
            parent_rows.file_name,
            case when slips.figure_id is not null then slips.page else parent_rows.page end as page,
            case when slips.figure_id is not null then slips.line_start
                else cast(mod(spans.span_first, 1000000) as integer) end as line_start,
            case when slips.figure_id is not null then slips.line_start
                else cast(mod(spans.span_last, 1000000) as integer) end as line_end,
            cast(failing_sums.parent_value as decimal(38, 6)) as lhs,
            cast(failing_sums.children_value as decimal(38, 6)) as rhs,
            failing_sums.difference,
            cast(failing_sums.tolerance as decimal(38, 6)) as tolerance,
            parent_rows.table_name || ': column ' || failing_sums.column_key
                || coalesce(' (' || nullif(failing_sums.column_label, failing_sums.column_key) || ')', '')
                || ' of ' || coalesce(parent_rows.row_name, 'the total row')
                || case when failing_sums.parent_cells = 0 then ' prints nothing'
                    else ' prints ' || {{ amount_text('failing_sums.parent_value') }} end
                || ' but its ' || cast(spans.child_count as varchar) || ' rows (' || spans.child_names
                || ') add up to ' || {{ amount_text('failing_sums.children_value') }}
                || ' (difference ' || {{ amount_text('failing_sums.difference') }} || ', rounding allows less than '
                || {{ amount_text('failing_sums.tolerance') }} || ')'
                || case
                    when slips.figure_id is not null then '; it adds up if ' || slips.value_text
                        || ' is read 10,000 times smaller or larger (元 vs 万元)'
                    when parent_rows.is_table_cut_off and failing_sums.difference > 0
                        then '; the text ends inside this table: the rows not printed are missing'
                    else ''
                end as message
        from failing_sums
        inner join spans using (partition_key)
        inner join _links as any_link on any_link.partition_key = failing_sums.partition_key
        inner join _rows as parent_rows on parent_rows.row_key = any_link.parent_row_key
        left join slips
            on slips.partition_key = failing_sums.partition_key
            and slips.column_key = failing_sums.column_key
            and slips.pick = 1
        qualify row_number() over (partition by failing_sums.partition_key, failing_sums.column_key order by 1) = 1
    ),

    located as (
        select
            *,
            {{ source_locator() }} as source_locator
        from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test rows_add_up(model, links, known, unlanded) %}
    {{ rows_add_up_check(model, links, known, unlanded) }}
{% endtest %}
