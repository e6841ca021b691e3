-- One row per execution comparison: an evaluated project of a 绩效评价报告 (narrative), or a table line that prints
-- 年初预算 / 调整后预算 / 执行 side by side with its 执行率 or 完成率 (a 部门预算's prior-year columns, a 决算).
with

narrative as (
    select * from {{ ref('int_execution_pivoted') }}
    where {{ documents_in_scope() }}
),

table_rows as (
    select * from {{ ref('int_execution_table_rows_pivoted') }}
    where {{ documents_in_scope() }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

sum_roles as (
    select * from {{ ref('int_figure_sum_roles') }}
    where {{ documents_in_scope("split_part(figure_id, ':', 1)") }}  -- figure_id: <document_sha256>:<index>
),

narrative_keyed as (
    select
        *,
        'evaluation_report' as source_kind,
        md5(document_sha256 || '|' || coalesce(project_name, '')) as execution_id,
        cast(null as integer) as page,
        cast(null as varchar) as table_name,
        cast(null as varchar) as row_kind,
        cast(null as varchar) as row_code,
        cast(null as varchar) as row_code_scheme,
        cast(null as varchar) as unit_code,
        cast(null as varchar) as row_label,
        cast(null as integer) as column_year,
        cast(null as varchar) as first_amount_figure_id
    from narrative
),

table_keyed as (
    select
        *,
        'table' as source_kind,
        md5(document_sha256 || '|' || table_name || '|' || coalesce(cast(page as varchar), '') || '|'
            || cast(line_start as varchar) || '|' || coalesce(cast(column_year as varchar), '')) as execution_id,
        cast(null as varchar) as project_name,
        cast(null as varchar) as adjustment_label,
        cast(null as decimal(38, 6)) as adjustment_yuan,
        cast(null as integer) as adjustment_decimals,
        cast(null as varchar) as adjustment_source
    from table_rows
),

table_levelled as (
    select
        table_keyed.*,
        coalesce(sum_roles.row_level, 'other') as row_level,
        coalesce(sum_roles.row_level_zh, '其他') as row_level_zh,
        coalesce(sum_roles.is_leaf, true) as is_leaf,
        coalesce(sum_roles.is_orphan, false) as is_orphan,
        coalesce(sum_roles.is_child, false) as is_child
    from table_keyed
    left join sum_roles
        on sum_roles.figure_id = table_keyed.first_amount_figure_id
),

narrative_levelled as (
    -- an evaluation report states one comparison per evaluated project: each is a leaf
    select
        *,
        'project' as row_level,
        '项目' as row_level_zh,
        true as is_leaf,
        false as is_orphan,
        false as is_child
    from narrative_keyed
),

unioned as (
    select * from narrative_levelled
    union all by name
    select * from table_levelled
),

joined as (
    select
        unioned.*,
        coalesce(unioned.column_year, documents.fiscal_year) as fiscal_year,
        documents.fiscal_year as document_fiscal_year,
        documents.department_id,
        documents.department_name
    from unioned
    inner join documents using (document_sha256)
),

with_basis as (
    select
        *,
        -- The rate's denominator: 调整后预算 when the document prints one, else 年初预算 (a 决算's 完成率).
        case
            when adjusted_budget_yuan is not null then 'adjusted_budget'
            when initial_budget_yuan is not null then 'initial_budget'
        end as rate_basis,
        coalesce(adjusted_budget_yuan, initial_budget_yuan) as rate_basis_yuan,
        case when adjusted_budget_yuan is not null then adjusted_budget_decimals else initial_budget_decimals end
            as rate_basis_decimals
    from joined
),

computed as (
    select
        *,
        -- a line to add up: a leaf, not a 合计/小计/unit line, not an orphan code (as in fct_appropriations)
        is_leaf and row_level not in ('total', 'subtotal', 'unit') and not is_orphan as is_summable,
        row_level = 'total' and not is_child as is_top_total,
        case when rate_basis_yuan > 0
            then cast(round(100 * actual_yuan / rate_basis_yuan, 2) as decimal(9, 2))
        end as computed_rate_pct
    from with_basis
),

-- one source per document and fiscal year is summed: every project of an evaluation report; of the tables that
-- print execution columns, a 功能分类 table before a 经济分类 one before an uncoded one, an expenditure table before
-- an income table, then the table whose leaves' budgets add up to most, more leaf rows, the table printed first
tables as (
    select
        document_sha256,
        fiscal_year,
        source_kind,
        table_name,
        case
            when bool_or(row_code_scheme = 'function') then 1
            when bool_or(row_code_scheme = 'economic') then 2
            else 3
        end as scheme_rank,
        coalesce(regexp_matches(table_name, '收入') and not regexp_matches(table_name, '支出'), false)
            as is_income_table,
        bool_or(is_summable) as has_summable,
        coalesce(sum(rate_basis_yuan) filter (where is_summable), sum(rate_basis_yuan) filter (where is_top_total))
            as leaf_basis_yuan,
        count(*) filter (where is_summable) as leaf_rows,
        min(coalesce(page, 0)) as first_page,
        min(line_start) as first_line
    from computed
    group by all
),

tables_ranked as (
    select
        *,
        row_number() over (
            partition by document_sha256, fiscal_year, source_kind
            order by scheme_rank, is_income_table, leaf_basis_yuan desc nulls last, leaf_rows desc, first_page,
                first_line, table_name
        ) as table_rank
    from tables
),

flagged as (
    select
        computed.*,
        computed.source_kind = 'evaluation_report' or tables_ranked.table_rank = 1 as is_canonical_table,
        computed.source_kind = 'evaluation_report'
            or (tables_ranked.table_rank = 1
                and case when tables_ranked.has_summable then computed.is_summable else computed.is_top_total end)
            as is_canonical_for_sum
    from computed
    inner join tables_ranked
        on tables_ranked.document_sha256 = computed.document_sha256
        and tables_ranked.fiscal_year is not distinct from computed.fiscal_year
        and tables_ranked.source_kind = computed.source_kind
        and tables_ranked.table_name is not distinct from computed.table_name
),

final as (
    select
        execution_id,
        source_kind,
        document_sha256,
        file_name,
        fiscal_year,
        document_fiscal_year,
        department_id,
        department_name,
        project_name,
        table_name,
        row_kind,
        case when row_code_scheme = 'function' then row_code end as function_code,
        case when row_code_scheme = 'economic' then row_code end as economic_code,
        unit_code,
        row_label,
        printed_unit,
        cast(unit_multiplier as bigint) as unit_multiplier,
        cast(initial_budget_yuan as decimal(18, 2)) as initial_budget_yuan,
        initial_budget_decimals,
        cast(adjustment_yuan as decimal(18, 2)) as adjustment_yuan,
        adjustment_decimals,
        adjustment_label,
        cast(adjusted_budget_yuan as decimal(18, 2)) as adjusted_budget_yuan,
        adjusted_budget_decimals,
        adjusted_budget_label,
        cast(actual_yuan as decimal(18, 2)) as actual_yuan,
        actual_decimals,
        cast(reported_rate_pct as decimal(9, 2)) as reported_rate_pct,
        reported_rate_decimals,
        reported_rate_text,
        computed_rate_pct,
        rate_basis,
        cast(rate_basis_yuan as decimal(18, 2)) as rate_basis_yuan,
        rate_basis_decimals,
        page,
        line_start,
        line_end,
        {{ source_locator() }} as source_locator,
        initial_budget_source,
        adjustment_source,
        adjusted_budget_source,
        actual_source,
        reported_rate_source,
        row_level,
        row_level_zh,
        is_leaf,
        is_canonical_table,
        is_canonical_for_sum
    from flagged
)

select * from final
