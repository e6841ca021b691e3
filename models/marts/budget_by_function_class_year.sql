-- One row per document x year x phase x 功能分类 类: the document's whole budget (or 决算) in yuan, by function
-- class, safe to sum. From fct_appropriations' canonical figures (is_canonical_for_sum) of a whole-amount measure
-- (one that names no expenditure type and no fund source: 合计, 年初预算, 调整后预算, 执行/决算 …) whose canonical
-- table is a 功能分类 table; per document, year and phase the measure whose canonical figures add up to most (the
-- 合计 column, not a 项目支出 detail table). Summing amount_yuan over the classes of a document, year and phase gives
-- the table's printed 合计. Every row is one document's: incremental, keyed by document (macros/document_scope.sql).
with

appropriations as (
    select * from {{ ref('fct_appropriations') }}
    where is_canonical_for_sum and {{ documents_in_scope() }}
),

measures as (
    select * from {{ ref('measure_catalog') }}
),

function_classes as (
    select * from {{ ref('dim_function_classes') }}
),

whole_amounts as (
    select appropriations.*
    from appropriations
    inner join measures using (measure)
    where measures.measure_type = 'amount'
        and measures.expenditure_type is null
        and measures.fund_source is null
),

measure_totals as (
    select
        document_sha256,
        figure_year,
        phase,
        measure,
        sum(amount_yuan) as measure_total_yuan,
        bool_or(function_code is not null) as is_function_table
    from whole_amounts
    group by all
),

measures_ranked as (
    select
        *,
        row_number() over (
            partition by document_sha256, figure_year, phase
            order by measure_total_yuan desc, measure = 'total' desc, measure
        ) as measure_rank
    from measure_totals
    where is_function_table
),

chosen as (
    select whole_amounts.*
    from whole_amounts
    inner join measures_ranked
        on measures_ranked.document_sha256 = whole_amounts.document_sha256
        and measures_ranked.figure_year is not distinct from whole_amounts.figure_year
        and measures_ranked.phase = whole_amounts.phase
        and measures_ranked.measure = whole_amounts.measure
    where measures_ranked.measure_rank = 1
),

by_class as (
    select
        document_sha256,
        any_value(file_name) as file_name,
        any_value(document_kind) as document_kind,
        any_value(department_id) as department_id,
        any_value(department_name) as department_name,
        figure_year,
        any_value(fiscal_year) as document_fiscal_year,
        phase,
        any_value(measure) as measure,
        any_value(table_name) as table_name,
        function_class_code,
        cast(sum(amount_yuan) as decimal(18, 2)) as amount_yuan,
        count(*) as figures,
        string_agg(source_locator, '; ' order by page, line_start) as source_locators
    from chosen
    group by document_sha256, figure_year, phase, function_class_code
),

final as (
    select
        md5(concat_ws('|', by_class.document_sha256, cast(by_class.figure_year as varchar), by_class.phase,
            coalesce(by_class.function_class_code, ''))) as budget_class_id,
        by_class.document_sha256,
        by_class.file_name,
        by_class.document_kind,
        by_class.department_id,
        by_class.department_name,
        by_class.figure_year as fiscal_year,
        by_class.document_fiscal_year,
        by_class.phase,
        by_class.measure,
        by_class.table_name,
        by_class.function_class_code,
        coalesce(function_classes.name_zh, case when by_class.function_class_code is null then '（未列功能分类）' end)
            as function_class_name,
        by_class.amount_yuan,
        by_class.figures,
        by_class.source_locators
    from by_class
    left join function_classes
        on function_classes.function_code = by_class.function_class_code
)

select * from final
