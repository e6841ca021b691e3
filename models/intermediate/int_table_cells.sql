-- One row per figure printed in a table cell (table_name set): the row it stands in (row_key), the row's place
-- in the table's structure (kind, code, unit, normalised label, outline level, structural rank, expenditure group,
-- side of a two-sided 收支总表), its column (column_key), its value in the base unit (yuan for money, points for
-- percentages) and the half-step its printed precision is honest within. The table arithmetic rules read this.
with

table_figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and row_kind is not null
),

-- the row structure is worked out on the few columns it needs and joined back to the figures at the end; the
-- per-table and per-row steps are aggregates joined back, and the ordered ones partition by a table number
-- (window steps sort every column they carry, and sorting by document hash and table name costs seconds)
cell_keys as (
    select
        figure_id, document_sha256, table_name, parent_label, page, line_start, row_code, unit_code, row_label,
        row_kind, column_code, column_label, figure_index
    from table_figures
),

printed_tables as (
    select
        document_sha256,
        table_name,
        bool_or(row_code is not null) as is_classification_table
    from cell_keys
    group by document_sha256, table_name
),

figures as (
    -- a classification table printed as several column groups side by side (基本支出决算表: 人员经费 | 公用经费,
    -- each with its own codes) is one table per group, its rows adding up within their group (the loader lands the
    -- group the header prints above a column as parent_label). In tables without codes parent_label is a row group
    -- (部门整体绩效目标申报表: 收入来源, 部门预算支出) and the table stays whole.
    select cell_keys.* exclude (parent_label) replace (
        case when printed_tables.is_classification_table then cell_keys.table_name
            || coalesce(' · ' || cell_keys.parent_label, '') else cell_keys.table_name end as table_name
    )
    from cell_keys
    inner join printed_tables using (document_sha256, table_name)
),

tables_numbered as (
    select
        document_sha256,
        table_name,
        row_number() over (order by document_sha256, table_name) as table_number
    from (select distinct document_sha256, table_name from figures)
),

load_findings as (
    select * from {{ ref('stg_raw__load_findings') }}
),

cut_off_tables as (
    -- the loader reports a table the text ends inside (LOAD-INCOMPLETE-TABLE), naming it first in its message
    select distinct
        figures.document_sha256,
        figures.table_name
    from figures
    inner join load_findings
        on load_findings.document_sha256 = figures.document_sha256
        and load_findings.rule_id = 'LOAD-INCOMPLETE-TABLE'
        and starts_with(load_findings.message, figures.table_name || ':')
),

labelled as (
    select
        figures.*,
        tables_numbered.table_number,
        coalesce(figures.column_code, figures.column_label) as column_key,
        regexp_replace(coalesce(figures.row_label, ''), '[\s　]', '', 'g') as label_compact
    from figures
    inner join tables_numbered using (document_sha256, table_name)
),

outlined as (
    select
        *,
        case
            when regexp_matches(label_compact, '^[一二三四五六七八九十]+、') then 1
            when regexp_matches(label_compact, '^[（(][一二三四五六七八九十]+[）)]|^[0-9]+[.．、]') then 2
        end as outline_level,
        regexp_replace(
            regexp_replace(label_compact, '^其中[:：]?', ''),
            '^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、])', ''
        ) as label_norm
    from labelled
),

repeats as (
    -- the same label twice on one line in one column (总计 | 总计 of a two-sided table) are two rows
    select
        *,
        row_number() over (
            partition by table_number, page, line_start, row_code, unit_code, label_compact, column_key
            order by figure_index
        ) as repeat_on_line
    from outlined
),

row_keyed as (
    select
        *,
        md5(concat_ws('|', document_sha256, table_name, coalesce(cast(page as varchar), ''),
            cast(line_start as varchar), coalesce(row_code, ''), coalesce(unit_code, ''), label_compact,
            cast(repeat_on_line as varchar))) as row_key
    from repeats
),

rows_on_line as (
    -- two-sided tables (收入 | 支出) print two rows on one line: the left is income, the right expenditure
    select
        row_key,
        row_order,
        count(*) over (partition by table_number, line_start) as rows_on_line,
        row_number() over (partition by table_number, line_start order by row_order) as place_on_line
    from (
        select row_key, table_number, line_start, min(figure_index) as row_order
        from row_keyed
        group by all
    )
),

sided as (
    select
        row_keyed.*,
        rows_on_line.row_order,
        case
            when not regexp_matches(row_keyed.table_name, '收支|收入支出') then null
            when starts_with(row_keyed.column_label, '收入项目/') then 'income'
            when starts_with(row_keyed.column_label, '支出项目/') then 'expenditure'
            when rows_on_line.rows_on_line = 2 and rows_on_line.place_on_line = 1 then 'income'
            when rows_on_line.rows_on_line = 2 and rows_on_line.place_on_line = 2 then 'expenditure'
            when regexp_matches(row_keyed.label_norm, '年末结转|结转下年|支出') then 'expenditure'
            when regexp_matches(row_keyed.label_norm, '收入|年初结转|上年结转|资金$|财政应返还') then 'income'
        end as side
    from row_keyed
    inner join rows_on_line using (row_key)
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

grouped as (
    -- the expenditure group (经常性专项 / 一次性专项 …) an item is listed under, from the last group row above it
    select
        *,
        last_value(case when structure_rank in (3, 4) then label_norm end ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as group_label_raw,
        last_value(case when structure_rank in (3, 4) then row_order end ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as last_group_row,
        last_value(case when structure_rank <= 2 then row_order end ignore nulls) over (
            partition by table_number order by row_order
            rows between unbounded preceding and current row
        ) as last_unit_or_total
    from ranked
),

final as (
    select
        grouped.figure_id,
        grouped.document_sha256,
        wide.file_name,
        grouped.figure_index,
        grouped.page,
        grouped.line_start,
        wide.line_end,
        wide.source_locator,
        wide.raw_text,
        grouped.table_name,
        grouped.row_key,
        grouped.row_order,
        grouped.row_kind,
        grouped.row_code,
        wide.row_code_scheme,
        grouped.unit_code,
        grouped.row_label,
        grouped.label_norm,
        grouped.outline_level,
        grouped.structure_rank,
        grouped.side,
        -- a group row resets at the next unit or total row
        case when grouped.structure_rank = 5 and grouped.last_group_row > coalesce(grouped.last_unit_or_total, -1)
            then grouped.group_label_raw end as group_label,
        grouped.column_key,
        grouped.column_code,
        grouped.column_label,
        wide.measure,
        wide.value_text,
        wide.printed_value,
        wide.printed_decimals,
        wide.printed_unit,
        wide.unit_multiplier,
        wide.printed_unit = '%' as is_percent,
        wide.value_in_base_unit as cell_value,
        wide.half_step_in_base_unit as cell_half_step,
        cut_off_tables.table_name is not null as is_table_cut_off
    from grouped
    inner join table_figures as wide
        on wide.figure_id = grouped.figure_id
    left join cut_off_tables
        on cut_off_tables.document_sha256 = grouped.document_sha256
        and cut_off_tables.table_name = grouped.table_name
)

select * from final
