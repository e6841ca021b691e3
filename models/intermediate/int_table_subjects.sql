-- One row per table figure a narrative statement can describe: the total of a row (its 总计 / 预算 column) or a
-- column of a table's 合计 row, with the subject key it is matched on, its phase relative to the document's
-- fiscal year (current, prior_initial, prior_adjusted) and the row it stands on.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and amount_yuan is not null
),

documents as (
    select document_sha256, fiscal_year from {{ ref('stg_raw__documents') }}
),

phased as (
    select
        figures.*,
        documents.fiscal_year,
        split_part(figures.table_name, ' ', 1) as table_number,
        case
            when figures.label is null or figures.label = cast(documents.fiscal_year as varchar) || '年预算'
                then 'current'
            when figures.label in (cast(documents.fiscal_year - 1 as varchar) || '年预算',
                                   cast(documents.fiscal_year - 1 as varchar) || '年调整后预算')
                and figures.measure = 'initial_budget' then 'prior_initial'
            when figures.label in (cast(documents.fiscal_year - 1 as varchar) || '年预算',
                                   cast(documents.fiscal_year - 1 as varchar) || '年调整后预算')
                and figures.measure = 'adjusted_budget' then 'prior_adjusted'
        end as phase
    from figures
    inner join documents using (document_sha256)
),

column_names as (
    -- the column's own name: the last part of its header path that is not a phase, 小计 or 合计 (worked out once
    -- per distinct header, not once per figure)
    select
        column_label,
        list_last(list_filter(string_split(coalesce(column_label, ''), '/'),
            lambda part: part not in ('小计', '合计', '总计', '') and not regexp_matches(part, '^\d{4}年'))) as column_name
    from (select distinct column_label from phased)
),

with_row_key as (
    select
        phased.*,
        md5(concat_ws('|', phased.document_sha256, phased.table_name, cast(phased.line_start as varchar),
            coalesce(phased.row_label, ''), coalesce(phased.row_code, ''), coalesce(phased.unit_code, '')))
            as table_row_id,
        column_names.column_name
    from phased
    left join column_names
        on column_names.column_label is not distinct from phased.column_label
    where phased.phase is not null
),

subject_keys as (
    -- the subject a row label or column name stands for, once per distinct text
    select
        subject_text,
        {{ subject_key('subject_text') }} as subject_key
    from (
        select row_label as subject_text from with_row_key
        union
        select column_name from with_row_key
    )
    where subject_text is not null
),

grand_total_rows as (
    -- a table's total: its 总计 rows when it has any (表一 收入总计 / 支出总计), else its 合计 row
    select
        document_sha256,
        table_name,
        case when bool_or(row_label like '%总计') then '%总计' else '合计' end as total_row_pattern
    from with_row_key
    where row_kind = 'total'
    group by all
),

keyed as (
    select
        with_row_key.*,
        measure in ('total', 'budget_amount') as is_row_total,
        case
            when measure in ('total', 'budget_amount') then row_subjects.subject_key
            when row_kind = 'total' and row_label = '合计' then column_subjects.subject_key
        end as subject_key,
        coalesce(row_kind = 'total' and measure in ('total', 'budget_amount')
            and row_label like grand_total_rows.total_row_pattern, false) as is_grand_total
    from with_row_key
    left join grand_total_rows using (document_sha256, table_name)
    left join subject_keys as row_subjects
        on row_subjects.subject_text = with_row_key.row_label
    left join subject_keys as column_subjects
        on column_subjects.subject_text = with_row_key.column_name
),

final as (
    select
        figure_id,
        document_sha256,
        file_name,
        fiscal_year,
        table_name,
        table_number,
        table_row_id,
        row_kind,
        row_code,
        row_label,
        column_code,
        column_label,
        measure,
        phase,
        subject_key,
        is_row_total,
        is_grand_total,
        value_text,
        amount_yuan,
        half_step_in_base_unit as half_step_yuan,
        printed_decimals,
        line_start,
        line_end,
        source_locator
    from keyed
    where subject_key is not null or is_grand_total or phase <> 'current'
)

select * from final
