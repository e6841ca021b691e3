-- One row per mid-year budget change (年中调整) of a line: a cut or an addition an evaluation report states
-- (划拨经费指标 29.86万元, 压减经费回收预算指标 63.5万元), or the difference between the 调整后预算 and 年初预算 a table
-- prints for a line. Lines whose two budgets are equal have no row.
with

execution as (
    select * from {{ ref('fct_execution') }}
    where {{ documents_in_scope() }}
),

changes as (
    select
        *,
        case
            when adjustment_yuan is not null then 'printed'
            when initial_budget_yuan is not null and adjusted_budget_yuan is not null
                and adjusted_budget_yuan <> initial_budget_yuan then 'adjusted_minus_initial'
        end as adjustment_basis
    from execution
),

measured as (
    select
        *,
        case adjustment_basis
            when 'printed' then adjustment_yuan
            else adjusted_budget_yuan - initial_budget_yuan
        end as change_yuan,
        case adjustment_basis
            when 'printed' then adjustment_decimals
            else greatest(initial_budget_decimals, adjusted_budget_decimals)
        end as change_decimals,
        case adjustment_basis
            when 'printed' then adjustment_source
            else coalesce(adjusted_budget_source, source_locator)
        end as change_source
    from changes
    where adjustment_basis is not null
),

signed as (
    select
        *,
        cast(sign(change_yuan) as integer) as change_sign
    from measured
    where change_yuan <> 0
),

final as (
    select
        execution_id as adjustment_id,
        execution_id,
        source_kind,
        adjustment_basis,
        document_sha256,
        file_name,
        fiscal_year,
        department_id,
        department_name,
        project_name,
        table_name,
        function_code,
        row_label,
        coalesce(project_name, row_label) as line_name,
        case when change_sign < 0 then 'cut' else 'addition' end as direction,
        case when change_sign < 0 then '调减' else '调增' end as direction_zh,
        change_sign as sign,
        cast(change_yuan as decimal(18, 2)) as adjustment_yuan,
        cast(abs(change_yuan) as decimal(18, 2)) as adjustment_amount_yuan,
        change_decimals as adjustment_decimals,
        adjustment_label,
        initial_budget_yuan,
        adjusted_budget_yuan,
        case when initial_budget_yuan > 0
            then cast(round(100 * change_yuan / initial_budget_yuan, 2) as decimal(9, 2))
        end as share_of_initial_pct,
        printed_unit,
        page,
        line_start,
        line_end,
        change_source as source_locator,
        row_level,
        row_level_zh,
        is_canonical_for_sum
    from signed
)

select * from final
