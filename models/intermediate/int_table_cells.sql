-- One row per figure printed in a table cell (table_name set): the row it stands in (row_key), the row's place
-- in the table's structure (kind, code, unit, normalised label, outline level, structural rank, expenditure group,
-- side of a two-sided 收支总表), its column (column_key), its value in the base unit (yuan for money, points for
-- percentages) and the half-step its printed precision is honest within. The table arithmetic rules read this.
with

-- read twice: the keys the row structure is worked out on, and every column at the end (each scan reads the
-- columns it needs; a kept copy of every column cost more)
table_figures as not materialized (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and row_kind is not null
),

load_findings as (
    select * from {{ ref('stg_raw__load_findings') }}
),

-- the row structure is worked out on the few columns it needs and joined back to the figures at the end. What
-- depends on the table alone is worked out once per table, what depends on the label alone once per distinct label
-- (regular expressions), and the ordered steps carry small keys and partition by a table number (window steps sort
-- every column they carry, and sorting by document hash and table name costs seconds)
cell_keys as not materialized (
    select
        document_sha256, table_name, parent_label, row_code, row_label
    from table_figures
),

table_groups as (
    select
        document_sha256,
        table_name,
        parent_label,
        bool_or(row_code is not null) as has_codes
    from cell_keys
    group by all
),

printed_tables as (
    select
        document_sha256,
        table_name,
        bool_or(has_codes) as is_classification_table
    from table_groups
    group by all
),

split_tables as (
    -- a classification table printed as several column groups side by side (基本支出决算表: 人员经费 | 公用经费,
    -- each with its own codes) is one table per group, its rows adding up within their group (the loader lands the
    -- group the header prints above a column as parent_label). In tables without codes parent_label is a row group
    -- (部门整体绩效目标申报表: 收入来源, 部门预算支出) and the table stays whole.
    select distinct
        table_groups.document_sha256,
        case when printed_tables.is_classification_table then table_groups.table_name
            || coalesce(' · ' || table_groups.parent_label, '') else table_groups.table_name end as table_name
    from table_groups
    inner join printed_tables using (document_sha256, table_name)
),

cut_off_tables as (
    -- the loader reports a table the text ends inside (LOAD-INCOMPLETE-TABLE), naming it first in its message
    select distinct
        split_tables.document_sha256,
        split_tables.table_name
    from split_tables
    inner join load_findings
        on load_findings.document_sha256 = split_tables.document_sha256
        and load_findings.rule_id = 'LOAD-INCOMPLETE-TABLE'
        and starts_with(load_findings.message, split_tables.table_name || ':')
),

tables_numbered as (
    select
        split_tables.document_sha256,
        split_tables.table_name,
        row_number() over (order by split_tables.document_sha256, split_tables.table_name) as table_number,
        regexp_matches(split_tables.table_name, '收支|收入支出') as is_two_sided,
        cut_off_tables.table_name is not null as is_table_cut_off
    from split_tables
    left join cut_off_tables
        on cut_off_tables.document_sha256 = split_tables.document_sha256
        and cut_off_tables.table_name = split_tables.table_name
),

label_texts as (
    select
        row_label,
        regexp_replace(row_label, '[\s　]', '', 'g') as label_compact
    from (select distinct coalesce(row_label, '') as row_label from cell_keys)
),

labels as (
    select
        *,
        -- one number per compact label: the ordered step below partitions by it instead of the text
        dense_rank() over (order by label_compact) as label_number,
        case
            when regexp_matches(label_compact, '^[一二三四五六七八九十]+、') then 1
            when regexp_matches(label_compact, '^[（(][一二三四五六七八九十]+[）)]|^[0-9]+[.．、]') then 2
        end as outline_level,
        regexp_replace(
            regexp_replace(label_compact, '^其中[:：]?', ''),
            '^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、])', ''
        ) as label_norm
    from label_texts
),

labels_sided as (
    select
        *,
        regexp_matches(label_norm, '年末结转|结转下年|支出') as names_expenditure,
        regexp_matches(label_norm, '收入|年初结转|上年结转|资金$|财政应返还') as names_income
    from labels
),

table_placed as not materialized (
    -- a figure with its table's number: read by the ordered steps (a few columns) and at the end (every column)
    select
        table_figures.*,
        tables_numbered.table_number
    from table_figures
    inner join printed_tables using (document_sha256, table_name)
    inner join tables_numbered
        on tables_numbered.document_sha256 = table_figures.document_sha256
        and tables_numbered.table_name = case when printed_tables.is_classification_table
            then table_figures.table_name || coalesce(' · ' || table_figures.parent_label, '')
            else table_figures.table_name end
),

placed as (
    -- the figure is named by its table number and index (a figure index is unique in its document), two integers
    -- that are cheap to carry and join on
    select
        figures.table_number,
        figures.page,
        figures.line_start,
        figures.row_code,
        figures.unit_code,
        labels_sided.label_number,
        coalesce(figures.column_code, figures.column_label) as column_key,
        figures.figure_index,
        figures.row_kind,
        case
            when starts_with(figures.column_label, '收入项目/') then 'income'
            when starts_with(figures.column_label, '支出项目/') then 'expenditure'
        end as column_side
    from table_placed as figures
    inner join labels_sided
        on labels_sided.row_label = coalesce(figures.row_label, '')
),

repeats as (
    -- the same label twice on one line in one column (总计 | 总计 of a two-sided table) are two rows
    select
        *,
        row_number() over (
            partition by table_number, page, line_start, row_code, unit_code, label_number, column_key
            order by figure_index
        ) as repeat_on_line
    from placed
),

line_rows as (
    -- one entry per row: its first figure and its key, hashed once per row rather than once per figure
    select
        line_rows.*,
        md5(concat_ws('|', tables_numbered.document_sha256, tables_numbered.table_name,
            coalesce(cast(line_rows.page as varchar), ''), cast(line_rows.line_start as varchar),
            coalesce(line_rows.row_code, ''), coalesce(line_rows.unit_code, ''), labels.label_compact,
            cast(line_rows.repeat_on_line as varchar), line_rows.column_side)) as row_key
    from (
        -- a side's column (收入项目/… | 支出项目/…) is part of the row: 总计 | 总计 on one line are two rows, one per
        -- side (concat_ws skips a null side: the keys of one-sided tables are what they were)
        select
            table_number, page, line_start, row_code, unit_code, label_number, repeat_on_line, column_side,
            min(figure_index) as first_index
        from repeats
        group by all
    ) as line_rows
    inner join tables_numbered using (table_number)
    inner join (select distinct label_number, label_compact from labels) as labels using (label_number)
),

rows_on_line as (
    -- two-sided tables (收入 | 支出) print two rows on one line: the left is income, the right expenditure
    select
        row_key,
        row_order,
        count(*) over (partition by table_number, line_start) as rows_on_line,
        row_number() over (partition by table_number, line_start order by row_order) as place_on_line
    from (
        select row_key, table_number, line_start, min(first_index) as row_order
        from line_rows
        group by all
    )
),

row_keyed as (
    select
        repeats.*,
        line_rows.row_key
    from repeats
    inner join line_rows
        on line_rows.table_number = repeats.table_number
        and line_rows.page is not distinct from repeats.page
        and line_rows.line_start = repeats.line_start
        and line_rows.row_code is not distinct from repeats.row_code
        and line_rows.unit_code is not distinct from repeats.unit_code
        and line_rows.label_number = repeats.label_number
        and line_rows.repeat_on_line = repeats.repeat_on_line
        and line_rows.column_side is not distinct from repeats.column_side
),

sided as (
    select
        row_keyed.figure_index,
        row_keyed.table_number,
        row_keyed.label_number,
        row_keyed.row_key,
        rows_on_line.row_order,
        case
            when not tables_numbered.is_two_sided then null
            when row_keyed.column_side is not null then row_keyed.column_side
            when rows_on_line.rows_on_line = 2 and rows_on_line.place_on_line = 1 then 'income'
            when rows_on_line.rows_on_line = 2 and rows_on_line.place_on_line = 2 then 'expenditure'
            when labels.names_expenditure then 'expenditure'
            when labels.names_income then 'income'
        end as side,
        row_keyed.row_kind,
        row_keyed.row_code,
        row_keyed.unit_code,
        labels.label_norm
    from row_keyed
    inner join rows_on_line using (row_key)
    inner join tables_numbered using (table_number)
    inner join (select distinct label_number, label_norm, names_expenditure, names_income from labels_sided) as labels
        using (label_number)
),

ranked as (
    select
        *,
        case
            when side is not null then null
            when row_kind = 'total' then 0
            when label_norm in ('行政单位', '事业单位', '参照公务员法管理事业单位', '参照公务员法管理的事业单位',
                                '参公单位', '企业', '其他单位') then 1
            when row_kind = 'unit' then 2
            when row_code is null and label_norm in ('基本支出', '项目支出', '部门项目支出', '公共项目支出') then 3
            when row_code is null and label_norm in ('经常性专项', '一次性专项', '经常性项目', '一次性项目') then 4
            when row_code is not null and unit_code is not null then 5
            when row_kind = 'project' then 5
        end as structure_rank
    from sided
),

structure_rows as (
    -- the group and unit rows, one entry per row (the ordered step below sorts rows, not figures): any_value keeps
    -- the value a figure of the row has, as the figures of one row were ties of that step when it ran on figures
    select
        row_key,
        any_value(table_number) as table_number,
        any_value(row_order) as row_order,
        any_value(case when structure_rank in (3, 4) then label_norm end) as group_label_here,
        any_value(case when structure_rank in (3, 4) then row_order end) as group_row_here,
        any_value(case when structure_rank <= 2 then row_order end) as unit_or_total_here
    from ranked
    group by row_key
),

grouped_rows as (
    -- the expenditure group (经常性专项 / 一次性专项 …) an item is listed under, from the last group row above it
    select
        row_key,
        last_value(group_label_here ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as group_label_raw,
        last_value(group_row_here ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as last_group_row,
        last_value(unit_or_total_here ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as last_unit_or_total
    from structure_rows
),

final as (
    select
        wide.figure_id,
        wide.document_sha256,
        wide.file_name,
        wide.figure_index,
        wide.page,
        wide.line_start,
        wide.line_end,
        tables_numbered.table_name,
        ranked.row_key,
        ranked.row_order,
        wide.row_kind,
        wide.row_code,
        wide.row_code_scheme,
        wide.unit_code,
        wide.row_label,
        ranked.label_norm,
        labels.outline_level,
        ranked.structure_rank,
        ranked.side,
        -- a group row resets at the next unit or total row
        case when ranked.structure_rank = 5
                and grouped_rows.last_group_row > coalesce(grouped_rows.last_unit_or_total, -1)
            then grouped_rows.group_label_raw end as group_label,
        coalesce(wide.column_code, wide.column_label) as column_key,
        wide.column_code,
        wide.column_label,
        wide.measure,
        wide.value_text,
        wide.printed_value,
        wide.printed_decimals,
        wide.printed_unit,
        wide.unit_multiplier,
        wide.printed_unit = '%' as is_percent,
        wide.value_in_base_unit as cell_value,
        wide.half_step_in_base_unit as cell_half_step,
        tables_numbered.is_table_cut_off
    from ranked
    inner join grouped_rows using (row_key)
    inner join tables_numbered using (table_number)
    inner join (select distinct label_number, outline_level from labels) as labels using (label_number)
    inner join table_placed as wide
        on wide.table_number = ranked.table_number
        and wide.figure_index = ranked.figure_index
)

select * from final
