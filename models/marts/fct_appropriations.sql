-- One row per budget line x measure x phase: every amount printed in a budget, target or final-accounts table
-- (not in narrative or evaluation reports), in yuan, with its function / economic code, expenditure type, fund
-- source and phase from the measure catalog.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where table_name is not null
        and amount_yuan is not null
),

documents as (
    select * from {{ ref('dim_documents') }}
),

measures as (
    select * from {{ ref('measure_catalog') }}
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
        measures.phase as measure_phase
    from figures
    inner join documents using (document_sha256)
    left join measures using (measure)
),

final as (
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
        source_locator
    from joined
)

select * from final
