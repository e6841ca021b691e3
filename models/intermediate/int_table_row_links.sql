-- One row per (parent row, child row) of a table: which rows a printed row is the sum of. A parent's children
-- that share a partition_key must add up to it, column by column. Four kinds of link:
--   code       the closest 功能/经济分类 code above a coded row (类 201 -> 款 20103 -> 项 2010301), preferring the
--              same budget unit block (a 款 row without unit code is the sum of the 项 rows of every unit);
--   top_codes  a 合计 row -> the coded rows with no code above them (类 rows, or the 项 rows of a table without 类);
--   structure  the order of a unit table: 合计 -> 行政单位 -> unit 127001 -> 经常性专项 -> its items (each parent's
--              children grouped by their rank, as the loader reads them);
--   outline    a two-sided 收支总表, per side: 一、 rows -> their （一）/1./indented rows; 本年收入合计 -> the 一、 rows
--              above it; 收入总计 -> 本年收入合计 + the rows between (上年结转 …).
-- Coded rows with no code above them while the table prints shorter codes are orphans (see orphan_rows_check).
with

cells as (
    select * from {{ ref('int_table_cells') }}
    where {{ documents_in_scope() }}
),

table_rows as (
    select
        row_key,
        any_value(document_sha256) as document_sha256,
        any_value(file_name) as file_name,
        any_value(table_name) as table_name,
        min(row_order) as row_order,
        any_value(row_kind) as row_kind,
        any_value(row_code) as row_code,
        any_value(row_code_scheme) as row_code_scheme,
        any_value(unit_code) as unit_code,
        any_value(label_norm) as label_norm,
        any_value(outline_level) as outline_level,
        any_value(structure_rank) as structure_rank,
        any_value(side) as side
    from cells
    group by row_key
),

-- code hierarchy ----------------------------------------------------------------------------------------------

code_candidates as (
    select
        parent.row_key as parent_row_key,
        child.row_key as child_row_key,
        row_number() over (
            partition by child.row_key
            order by (parent.unit_code is not distinct from child.unit_code) desc, length(parent.row_code) desc,
                parent.row_order
        ) as preference
    from table_rows as child
    inner join table_rows as parent
        on parent.document_sha256 = child.document_sha256
        and parent.table_name = child.table_name
        and parent.row_key <> child.row_key
        and starts_with(child.row_code, parent.row_code)
        and length(parent.row_code) < length(child.row_code)
        and coalesce(parent.row_code_scheme, '') = coalesce(child.row_code_scheme, '')
        and (parent.unit_code is null or parent.unit_code = child.unit_code)
    where child.row_code is not null and child.side is null and parent.side is null
),

code_links as (
    select parent_row_key, child_row_key, 'code' as link_kind, 'code' as partition_suffix
    from code_candidates
    where preference = 1
),

shortest_codes as (
    select document_sha256, table_name, row_code_scheme, min(length(row_code)) as shortest
    from table_rows
    where row_code is not null and side is null
    group by all
),

top_coded as (
    -- a coded row with no code above it is a top row only at the table's shortest code length; a longer one is an
    -- orphan (its 类/款 row is missing or its code misprinted, see rows_have_parents_check), not a part of 合计
    select table_rows.*
    from table_rows
    inner join shortest_codes
        on shortest_codes.document_sha256 = table_rows.document_sha256
        and shortest_codes.table_name = table_rows.table_name
        and shortest_codes.row_code_scheme is not distinct from table_rows.row_code_scheme
    where table_rows.row_code is not null and table_rows.side is null
        and length(table_rows.row_code) = shortest_codes.shortest
        and table_rows.row_key not in (select child_row_key from code_links)
),

top_coded_kept as (
    -- where the table prints coded rows without unit code (a function block), its top is those rows alone
    select *
    from top_coded
    where unit_code is null
        or not exists (
            select 1 from top_coded as other
            where other.document_sha256 = top_coded.document_sha256
                and other.table_name = top_coded.table_name
                and other.unit_code is null
        )
),

top_code_links as (
    select total.row_key as parent_row_key, top.row_key as child_row_key, 'top_codes' as link_kind,
        'top_codes' as partition_suffix
    from table_rows as total
    inner join top_coded_kept as top
        on top.document_sha256 = total.document_sha256
        and top.table_name = total.table_name
    where total.structure_rank = 0
),

-- unit structure, by order ----------------------------------------------------------------------------------

structure_candidates as (
    select
        parent.row_key as parent_row_key,
        child.row_key as child_row_key,
        child.structure_rank as child_rank,
        row_number() over (partition by child.row_key order by parent.row_order desc) as nearest
    from table_rows as child
    inner join table_rows as parent
        on parent.document_sha256 = child.document_sha256
        and parent.table_name = child.table_name
        and parent.row_order < child.row_order
        and parent.structure_rank < child.structure_rank
    where child.structure_rank between 1 and 5
),

structure_links as (
    select parent_row_key, child_row_key, 'structure' as link_kind,
        'structure rank ' || cast(child_rank as varchar) as partition_suffix
    from structure_candidates
    where nearest = 1
),

-- two-sided 收支总表 outline --------------------------------------------------------------------------------

sided_tables as (
    select document_sha256, table_name
    from table_rows
    group by all
    having count(side) > 0 and count(side) = count(*)  -- every row's side is known, or none is checked
),

sided_rows as (
    select
        table_rows.*,
        row_kind = 'total' and label_norm like '本年%合计' as is_year_total,
        row_kind = 'total' and not (label_norm like '本年%合计') as is_grand_total
    from table_rows
    inner join sided_tables using (document_sha256, table_name)
),

placed_rows as (
    select
        r.*,
        (select min(t.row_order) from sided_rows as t
            where t.document_sha256 = r.document_sha256 and t.table_name = r.table_name and t.side = r.side
                and t.row_kind = 'total' and t.row_order > r.row_order) as next_total_order,
        (select max(t.row_order) from sided_rows as t
            where t.document_sha256 = r.document_sha256 and t.table_name = r.table_name and t.side = r.side
                and t.row_kind = 'total' and t.row_order < r.row_order) as previous_total_order
    from sided_rows as r
),

placed_with_heads as (
    select
        r.*,
        next_total.row_key as next_total_key,
        next_total.is_year_total as next_is_year_total,
        (select max(l.row_order) from sided_rows as l
            where l.document_sha256 = r.document_sha256 and l.table_name = r.table_name and l.side = r.side
                and l.outline_level = 1 and l.row_kind <> 'total' and l.row_order < r.row_order
                and l.row_order > coalesce(r.previous_total_order, -1)) as head_order,
        exists (select 1 from sided_rows as y
            where y.document_sha256 = r.document_sha256 and y.table_name = r.table_name and y.side = r.side
                and y.is_year_total) as side_has_year_total,
        previous_total.is_year_total as previous_is_year_total
    from placed_rows as r
    left join sided_rows as next_total
        on next_total.document_sha256 = r.document_sha256 and next_total.table_name = r.table_name
        and next_total.side = r.side and next_total.row_order = r.next_total_order
    left join sided_rows as previous_total
        on previous_total.document_sha256 = r.document_sha256 and previous_total.table_name = r.table_name
        and previous_total.side = r.side and previous_total.row_order = r.previous_total_order
),

outline_links as (
    select
        case
            -- 本年收入合计 is part of 收入总计
            when r.is_year_total then r.next_total_key
            -- a row after 本年合计 and before the grand total is added to the grand total
            when r.previous_is_year_total then r.next_total_key
            when r.outline_level = 1 then r.next_total_key
            when r.head_order is not null then head.row_key
            else r.next_total_key
        end as parent_row_key,
        r.row_key as child_row_key,
        'outline' as link_kind,
        'outline ' || r.side as partition_suffix
    from placed_with_heads as r
    left join sided_rows as head
        on head.document_sha256 = r.document_sha256 and head.table_name = r.table_name
        and head.side = r.side and head.row_order = r.head_order
    where not r.is_grand_total
        and r.next_total_key is not null
),

links as (
    select * from code_links
    union all
    select * from top_code_links
    union all
    select * from structure_links
    union all
    select * from outline_links
),

final as (
    select
        md5(links.parent_row_key || '|' || links.child_row_key || '|' || links.link_kind) as link_id,
        parent.document_sha256,
        parent.file_name,
        parent.table_name,
        links.link_kind,
        links.parent_row_key,
        links.parent_row_key || '|' || links.partition_suffix as partition_key,
        links.child_row_key
    from links
    inner join table_rows as parent on parent.row_key = links.parent_row_key
    where links.parent_row_key is not null
)

select * from final
