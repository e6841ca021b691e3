-- One row per budget line x measure x phase: every amount printed in a budget, target or final-accounts table
-- (not in narrative or evaluation reports), in yuan, with its function / economic code, expenditure type, fund
-- source and phase from the measure catalog.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and amount_yuan is not null
),

documents as (
    select * from {{ ref('dim_documents') }}
),

measures as (
    select * from {{ ref('measure_catalog') }}
),

sum_roles as (
    select * from {{ ref('int_figure_sum_roles') }}
    where {{ documents_in_scope("split_part(figure_id, ':', 1)") }}  -- figure_id: <document_sha256>:<index>
),

joined as (
    select
        figures.*,
        documents.fiscal_year,
        documents.department_id,
        documents.department_name,
        documents.document_kind,
        measures.label_zh as measure_label_zh,
        measures.expenditure_type,
        measures.fund_source,
        measures.phase as measure_phase,
        sum_roles.row_level,
        sum_roles.row_level_zh,
        sum_roles.is_leaf,
        sum_roles.is_child,
        sum_roles.is_orphan,
        sum_roles.side
    from figures
    inner join documents using (document_sha256)
    left join measures using (measure)
    inner join sum_roles using (figure_id)
),

described as (
    select
        figure_id as appropriation_id,
        document_sha256,
        file_name,
        document_kind,
        fiscal_year,
        -- The year the figure is about: printed in its column header (2015年预算/预算执行 in a 2016 部门预算),
        -- else the document's fiscal year.
        coalesce(
            try_cast(nullif(regexp_extract(column_label, '^(\d{4})年', 1), '') as integer), fiscal_year
        ) as figure_year,
        department_id,
        department_name,
        table_name,
        row_kind,
        case when row_code_scheme = 'function' then row_code end as function_code,
        case when row_code_scheme = 'function' then left(row_code, 3) end as function_class_code,
        case when row_code_scheme = 'economic' then row_code end as economic_code,
        unit_code,
        row_label,
        subject,
        column_code,
        column_label,
        measure,
        measure_label_zh,
        expenditure_type,
        fund_source,
        coalesce(
            measure_phase,
            case when document_kind like 'final_accounts%' then '执行/决算' else '预算' end
        ) as phase,
        label,
        cast(amount_yuan * sign as decimal(18, 2)) as amount_yuan,
        value_text,
        printed_unit,
        printed_decimals,
        page,
        line_start,
        line_end,
        source_locator,
        row_level,
        row_level_zh,
        is_leaf,
        is_orphan,
        is_child,
        side
    from joined
),

summable as (
    select
        *,
        -- a figure to add up: a leaf of its column, not a 合计/小计/unit line (a sum by definition, even where the
        -- table does not show of what: 其中：经常性专项 under a 合计), not an orphan code, and on a two-sided
        -- 收支总表 on the expenditure side
        is_leaf
            and row_level not in ('total', 'subtotal', 'unit')
            and not is_orphan
            and (side is null or side = 'expenditure') as is_summable,
        -- a table that prints a measure only in 合计 lines (表五: 合计 and the unit's line) is summed at its top
        row_level = 'total' and not is_child and (side is null or side = 'expenditure') as is_top_total
    from described
),

-- one table per document, year, measure and phase is the one to sum (the rule is in _marts__models.yml): a
-- function-classification table before an economic-classification one before an uncoded one, a one-sided table
-- before a two-sided 收支总表, an expenditure table before an income table, then the table whose figures to add up
-- come to most (all funds before 一般公共预算 alone), then the one with more of them, then the one printed first
tables as (
    select
        document_sha256,
        figure_year,
        measure,
        phase,
        table_name,
        case
            when bool_or(function_code is not null) then 1
            when bool_or(economic_code is not null) then 2
            else 3
        end as scheme_rank,
        bool_or(side is not null) as is_two_sided,
        regexp_matches(table_name, '收入') and not regexp_matches(table_name, '支出') as is_income_table,
        bool_or(is_summable) as has_summable,
        coalesce(sum(amount_yuan) filter (where is_summable), sum(amount_yuan) filter (where is_top_total))
            as table_sum_yuan,
        coalesce(nullif(count(*) filter (where is_summable), 0), count(*) filter (where is_top_total))
            as table_sum_figures,
        min(coalesce(page, 0)) as first_page,
        min(line_start) as first_line
    from summable
    group by all
),

tables_ranked as (
    select
        *,
        row_number() over (
            partition by document_sha256, figure_year, measure, phase
            order by scheme_rank, is_two_sided, is_income_table, table_sum_yuan desc nulls last,
                table_sum_figures desc, first_page, first_line, table_name
        ) as table_rank
    from tables
),

final as (
    select
        summable.* exclude (side, is_child, is_summable, is_top_total),
        tables_ranked.table_rank = 1 as is_canonical_table,
        -- the figures to sum: the canonical table's figures to add up, or its top 合计 when it prints no others
        tables_ranked.table_rank = 1
            and case when tables_ranked.has_summable then summable.is_summable else summable.is_top_total end
            as is_canonical_for_sum
    from summable
    inner join tables_ranked
        on tables_ranked.document_sha256 = summable.document_sha256
        and tables_ranked.figure_year is not distinct from summable.figure_year  -- a form may print no year
        and tables_ranked.measure = summable.measure
        and tables_ranked.phase = summable.phase
        and tables_ranked.table_name = summable.table_name
)

select * from final
