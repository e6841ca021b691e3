-- One row per amount printed in a table cell (every figure fct_appropriations publishes): the level of the row it
-- stands in (类 class / 款 section / 项 item / 合计 total / 小计 subtotal / unit / project / other), whether it is a
-- leaf for its column (no row the table sums into it prints a figure in the same column), the code scheme of its
-- row and the side of a two-sided 收支总表 it stands on. The marts choose the canonical figures to sum from these.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and amount_yuan is not null
),

-- not materialized: each step scans the few columns it needs (a kept copy of every column of the cells cost more)
cells as not materialized (
    select * from {{ ref('int_table_cells') }}
    where {{ documents_in_scope() }}
),

links as not materialized (
    select * from {{ ref('int_table_row_links') }}
    where {{ documents_in_scope() }}
),

-- the columns in which a row has rows under it that print a figure: there it is a sum, not a leaf
summed_columns as (
    select distinct
        links.parent_row_key as row_key,
        child_cells.column_key
    from links
    inner join cells as child_cells
        on child_cells.row_key = links.child_row_key
),

-- rows some other row of the table is the sum of
child_rows as (
    select distinct child_row_key as row_key
    from links
),

-- the shortest code of each scheme a table prints (its 类 when it prints them)
table_code_lengths as (
    select
        table_name,
        document_sha256,
        row_code_scheme,
        min(length(row_code)) as shortest_code_length
    from cells
    where row_code is not null
    group by all
),

placed as (
    select
        figures.figure_id,
        figures.document_sha256,
        figures.row_kind,
        figures.row_code,
        figures.row_code_scheme,
        cells.row_key,
        cells.column_key,
        cells.side,
        cells.table_name as cell_table_name
    from figures
    left join cells using (figure_id)
),

leaf_flagged as (
    select
        placed.*,
        summed_columns.row_key is null as is_leaf,
        child_rows.row_key is not null as is_child,
        -- a coded row under no printed code while its table prints shorter codes (TBL-ORPHAN-001: a misprinted
        -- code such as 71102 under 21011): which 类 its money belongs to is not known
        placed.row_code is not null and child_rows.row_key is null
            and length(placed.row_code) > table_code_lengths.shortest_code_length as is_orphan
    from placed
    left join summed_columns
        on summed_columns.row_key = placed.row_key
        and summed_columns.column_key = placed.column_key
    left join child_rows
        on child_rows.row_key = placed.row_key
    left join table_code_lengths
        on table_code_lengths.document_sha256 = placed.document_sha256
        and table_code_lengths.table_name = placed.cell_table_name
        and table_code_lengths.row_code_scheme = placed.row_code_scheme
),

levelled as (
    select
        *,
        -- the level a code prints is its length (功能分类 类 3 / 款 5 / 项 7 digits; 经济分类 类 3 / 款 5), whatever
        -- name the loader gave the row; uncoded rows keep the kind the loader read
        case
            when row_kind = 'total' then 'total'
            when row_kind = 'subtotal' then 'subtotal'
            when row_kind = 'unit' then 'unit'
            when row_code is not null and length(row_code) = 3 then 'class'
            when row_code is not null and length(row_code) = 5 then 'section'
            when row_code is not null and length(row_code) = 7 then 'item'
            when row_kind = 'project' then 'project'
            else 'other'
        end as row_level
    from leaf_flagged
),

final as (
    select
        figure_id,
        row_key,
        row_level,
        case row_level
            when 'total' then '合计'
            when 'subtotal' then '小计'
            when 'unit' then '单位'
            when 'class' then '类'
            when 'section' then '款'
            when 'item' then '项'
            when 'project' then '项目'
            else '其他'
        end as row_level_zh,
        is_leaf,
        is_child,
        coalesce(is_orphan, false) as is_orphan,
        row_code_scheme,
        side
    from levelled
)

select * from final
