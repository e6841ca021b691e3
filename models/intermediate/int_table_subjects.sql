-- One row per table figure a narrative statement can describe: the total of a row (its 总计 / 预算 column) or a
-- column of a table's 合计 row, with the subject key it is matched on, its phase relative to the document's
-- fiscal year (current, prior_initial, prior_adjusted) and the row it stands on.
with

figures as not materialized (
    -- read by the main step and by the per-text and per-table steps, each scanning the columns it needs (one kept
    -- copy of every figure cost more than the scans)
    -- source_locator is written in final, for the figures kept only
    select * exclude (source_locator) from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and amount_yuan is not null
),

figure_texts as not materialized (
    -- the labels and headers of every table figure, for the per-text steps: a text is named the same whichever
    -- figure prints it, so these need not test each figure's amount (that test, on every figure, cost a fifth of
    -- this model)
    select row_label, column_label
    from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
),

documents as (
    -- the labels of a document's phases, written once per document, not once per figure
    select
        document_sha256,
        fiscal_year,
        cast(fiscal_year as varchar) || '年预算' as current_label,
        cast(fiscal_year - 1 as varchar) || '年预算' as prior_label,
        cast(fiscal_year - 1 as varchar) || '年调整后预算' as prior_adjusted_label
    from {{ ref('stg_raw__documents') }}
),

phased as not materialized (
    select
        figures.*,
        documents.fiscal_year,
        split_part(figures.table_name, ' ', 1) as table_number,
        case
            when figures.label is null or figures.label = documents.current_label
                then 'current'
            when figures.label in (documents.prior_label, documents.prior_adjusted_label)
                and figures.measure = 'initial_budget' then 'prior_initial'
            when figures.label in (documents.prior_label, documents.prior_adjusted_label)
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
    from (select distinct column_label from figure_texts)
),

subject_keys as (
    -- the subject a row label or column name stands for, once per distinct text
    select
        subject_text,
        {{ subject_key('subject_text') }} as subject_key
    from (
        select row_label as subject_text from figure_texts
        union
        select column_name from column_names
    )
    where subject_text is not null
),

grand_total_rows as (
    -- a table's total: its 总计 rows when it has any (表一 收入总计 / 支出总计), else its 合计 row
    select
        document_sha256,
        table_name,
        case when bool_or(row_label like '%总计') then '%总计' else '合计' end as total_row_pattern
    from phased
    where row_kind = 'total'
        and phase is not null
    group by all
),

keyed as (
    select
        phased.*,
        measure in ('total', 'budget_amount') as is_row_total,
        case
            when measure in ('total', 'budget_amount') then row_subjects.subject_key
            when row_kind = 'total' and row_label = '合计' then column_subjects.subject_key
        end as subject_key,
        coalesce(row_kind = 'total' and measure in ('total', 'budget_amount')
            and row_label like grand_total_rows.total_row_pattern, false) as is_grand_total
    from phased
    left join column_names
        on column_names.column_label is not distinct from phased.column_label
    left join grand_total_rows using (document_sha256, table_name)
    left join subject_keys as row_subjects
        on row_subjects.subject_text = phased.row_label
    left join subject_keys as column_subjects
        on column_subjects.subject_text = column_names.column_name
    where phased.phase is not null
),

final as (
    select
        figure_id,
        document_sha256,
        file_name,
        fiscal_year,
        table_name,
        table_number,
        -- hashed here, for the figures kept only
        md5(concat_ws('|', document_sha256, table_name, cast(line_start as varchar), coalesce(row_label, ''),
            coalesce(row_code, ''), coalesce(unit_code, ''))) as table_row_id,
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
        {{ source_locator() }} as source_locator
    from keyed
    where subject_key is not null or is_grand_total or phase <> 'current'
)

select * from final
