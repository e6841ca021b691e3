-- One row per total, change (增加/减少 x 万元), growth (增长/下降 y%) or share (占 z%) a document's narrative states,
-- beside the value recomputed from the tables it describes: the subject is matched to a table row or a column
-- of a 合计 row by name (subject_key) in the table the sentence cites (or a 科目 row of any table when it cites
-- none), or
-- is the cited table's total when the citation directly follows it; a change or share without a table match of
-- its own takes the match of the amount it refers to (same subject, same sentence first). The prior-year base
-- is the 上年 年初预算 / 调整后预算 printed on the same table row; a row printed without them in a table that has
-- them is a base of zero. Statements that cannot be recomputed are kept with check_status = 'not_checked' and
-- the reason.
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
),

documents as (
    select * from {{ ref('dim_documents') }}
),

table_subjects as (
    select * from {{ ref('int_table_subjects') }}
    where {{ documents_in_scope() }}
),

statements as (
    select
        figures.figure_id as statement_id,
        figures.document_sha256,
        figures.file_name,
        documents.fiscal_year,
        documents.department_id,
        documents.department_name,
        case figures.measure
            when 'stated_total' then 'total'
            when 'stated_change' then 'change'
            when 'stated_change_pct' then 'growth'
            when 'stated_share_pct' then 'share'
        end as statement_kind,
        figures.label as subject_label,
        {{ subject_key('figures.label') }} as subject_key,
        figures.parent_label,
        figures.section as cited_table,
        coalesce(figures.row_kind = 'table_total', false) as states_table_total,
        figures.value_text,
        figures.printed_value,
        figures.printed_decimals,
        figures.printed_unit,
        figures.sign,
        figures.value_in_base_unit * figures.sign as stated_value,
        figures.half_step_in_base_unit as stated_half_step,
        figures.line_start,
        figures.line_end,
        figures.source_locator,
        figures.raw_text,
        figures.context_text as sentence
    from figures
    inner join documents using (document_sha256)
    where figures.table_name is null
        and figures.measure in ('stated_total', 'stated_change', 'stated_change_pct', 'stated_share_pct')
        and (figures.amount_yuan is not null or figures.printed_unit = '%')
),

current_figures as (
    select * from table_subjects where phase = 'current'
),

name_matches as (
    select statements.statement_id, current_figures.*
    from statements
    inner join current_figures
        on current_figures.document_sha256 = statements.document_sha256
        and current_figures.subject_key = statements.subject_key
        and (
            current_figures.table_number = statements.cited_table
            -- a sentence that cites no table is matched on 科目 rows only (a function-class name means the same
            -- in every table; a column such as 表五's 公务用车运行维护费 is only a part of what prose calls so)
            or (statements.cited_table is null and current_figures.row_code is not null
                and current_figures.is_row_total)
        )
),

total_matches as (
    -- the cited table's total, for the amount the citation directly follows, when no row or column has its name
    select statements.statement_id, current_figures.*
    from statements
    inner join current_figures
        on current_figures.document_sha256 = statements.document_sha256
        and current_figures.table_number = statements.cited_table
        and current_figures.is_grand_total
    where statements.states_table_total
        and statements.statement_id not in (select statement_id from name_matches)
),

own_matches as (
    select * from name_matches
    union all by name
    select * from total_matches
),

anchor_links as (
    -- the stated amount a change, growth or share refers to: same subject, same sentence when there is one
    select
        statements.statement_id,
        anchors.statement_id as anchor_id,
        anchors.sentence = statements.sentence as same_sentence
    from statements
    inner join statements as anchors
        on anchors.document_sha256 = statements.document_sha256
        and anchors.statement_kind = 'total'
        and anchors.subject_label = statements.subject_label
        and anchors.statement_id in (select statement_id from own_matches)
    where statements.statement_kind <> 'total'
        and statements.statement_id not in (select statement_id from own_matches)
),

chosen_anchors as (
    select * from anchor_links
    qualify same_sentence or not bool_or(same_sentence) over (partition by statement_id)
),

subject_matches as (
    select * from own_matches
    union all by name
    select chosen_anchors.statement_id, own_matches.* exclude (statement_id)
    from chosen_anchors
    inner join own_matches on own_matches.statement_id = chosen_anchors.anchor_id
),

current_values as (
    select
        statement_id,
        count(distinct amount_yuan) as current_value_count,
        min(amount_yuan) as current_yuan,
        max(half_step_yuan) as current_half_step,
        string_agg(distinct table_number || ' ' || source_locator, '; '
            order by table_number || ' ' || source_locator) as current_source
    from subject_matches
    group by statement_id
),

tables_with_prior_year as (
    select distinct document_sha256, table_name from table_subjects where phase <> 'current'
),

prior_figures as (
    select * from table_subjects where phase <> 'current'
),

subject_rows as (
    select distinct subject_matches.statement_id, subject_matches.document_sha256, subject_matches.table_name,
        subject_matches.table_number, subject_matches.table_row_id, subject_matches.source_locator as row_locator
    from subject_matches
    inner join tables_with_prior_year using (document_sha256, table_name)
    where subject_matches.is_row_total
),

row_bases as (
    -- a row printed without its prior-year figures in a table that has them: a base of zero (blank cells)
    select
        subject_rows.statement_id,
        subject_rows.table_row_id,
        coalesce(max(prior_figures.amount_yuan) filter (where prior_figures.phase = 'prior_initial'), 0)
            as initial_yuan,
        coalesce(max(prior_figures.half_step_yuan) filter (where prior_figures.phase = 'prior_initial'), 0)
            as initial_half_step,
        coalesce(max(prior_figures.amount_yuan) filter (where prior_figures.phase = 'prior_adjusted'), 0)
            as adjusted_yuan,
        coalesce(max(prior_figures.half_step_yuan) filter (where prior_figures.phase = 'prior_adjusted'), 0)
            as adjusted_half_step,
        count(prior_figures.figure_id) = 0 as is_blank,
        coalesce(string_agg(distinct subject_rows.table_number || ' ' || prior_figures.source_locator, '; '
                order by subject_rows.table_number || ' ' || prior_figures.source_locator),
            min(subject_rows.table_number || ' ' || subject_rows.row_locator) || ' (no prior-year figure printed)')
            as base_source
    from subject_rows
    left join prior_figures
        on prior_figures.table_row_id = subject_rows.table_row_id
    group by all
),

base_values as (
    select
        statement_id,
        count(distinct initial_yuan) as initial_value_count,
        count(distinct adjusted_yuan) as adjusted_value_count,
        min(initial_yuan) as base_initial_yuan,
        max(initial_half_step) as base_initial_half_step,
        min(adjusted_yuan) as base_adjusted_yuan,
        max(adjusted_half_step) as base_adjusted_half_step,
        bool_and(is_blank) as base_is_blank,
        string_agg(base_source, '; ' order by base_source) as base_source
    from row_bases
    group by statement_id
),

whole_links as (
    -- the whole of a share: the stated amount its parent_label names, in the same sentence when there is one
    select
        statements.statement_id,
        wholes.statement_id as whole_id,
        wholes.sentence = statements.sentence as same_sentence
    from statements
    inner join statements as wholes
        on wholes.document_sha256 = statements.document_sha256
        and wholes.statement_kind = 'total'
        and wholes.subject_label = statements.parent_label
    where statements.statement_kind = 'share'
),

chosen_wholes as (
    select * from whole_links
    qualify same_sentence or not bool_or(same_sentence) over (partition by statement_id)
),

whole_values as (
    select
        chosen_wholes.statement_id,
        count(distinct own_matches.amount_yuan) as whole_value_count,
        min(own_matches.amount_yuan) as whole_yuan,
        max(own_matches.half_step_yuan) as whole_half_step,
        string_agg(distinct own_matches.table_number || ' ' || own_matches.source_locator, '; '
            order by own_matches.table_number || ' ' || own_matches.source_locator) as whole_source
    from chosen_wholes
    inner join own_matches on own_matches.statement_id = chosen_wholes.whole_id
    group by chosen_wholes.statement_id
),

joined as (
    select
        statements.*,
        case
            when statements.statement_kind not in ('change', 'growth') then null
            when statements.parent_label = '上年预算' then 'initial'
            when statements.parent_label = '上年调整后预算' then 'adjusted'
            when statements.parent_label in ('上年', cast(statements.fiscal_year - 1 as varchar) || '年') then 'unspecified'
        end as basis_kind,
        current_values.current_value_count,
        current_values.current_yuan,
        current_values.current_half_step,
        current_values.current_source,
        base_values.initial_value_count,
        base_values.adjusted_value_count,
        base_values.base_initial_yuan,
        base_values.base_initial_half_step,
        base_values.base_adjusted_yuan,
        base_values.base_adjusted_half_step,
        base_values.base_is_blank,
        base_values.base_source,
        whole_values.whole_value_count,
        whole_values.whole_yuan,
        whole_values.whole_half_step,
        whole_values.whole_source
    from statements
    left join current_values using (statement_id)
    left join base_values using (statement_id)
    left join whole_values using (statement_id)
),

basis_chosen as (
    -- an unspecified 比上年 fits either 上年 年初预算 or 调整后预算; when they differ, the reading closer to the
    -- statement is taken (and recorded in basis_used)
    select
        *,
        case
            when basis_kind = 'initial' then 'initial'
            when basis_kind = 'adjusted' then 'adjusted'
            when basis_kind = 'unspecified' and base_initial_yuan = base_adjusted_yuan then 'initial'
            when basis_kind = 'unspecified' and statement_kind = 'change' then
                case when abs(stated_value - (current_yuan - base_initial_yuan))
                    <= abs(stated_value - (current_yuan - base_adjusted_yuan)) then 'initial' else 'adjusted' end
            when basis_kind = 'unspecified' and statement_kind = 'growth' then
                case
                    when base_adjusted_yuan = 0 then 'initial'
                    when base_initial_yuan = 0 then 'adjusted'
                    when abs(stated_value - 100 * (current_yuan - base_initial_yuan) / base_initial_yuan)
                        <= abs(stated_value - 100 * (current_yuan - base_adjusted_yuan) / base_adjusted_yuan)
                        then 'initial'
                    else 'adjusted'
                end
        end as basis_used
    from joined
),

with_base as (
    select
        *,
        case basis_used when 'initial' then base_initial_yuan when 'adjusted' then base_adjusted_yuan end
            as base_yuan,
        case basis_used when 'initial' then base_initial_half_step when 'adjusted' then base_adjusted_half_step end
            as base_half_step,
        case basis_used when 'initial' then initial_value_count when 'adjusted' then adjusted_value_count end
            as base_value_count
    from basis_chosen
),

statused as (
    select
        *,
        case
            when current_value_count is null then 'no landed table figure matches the subject'
            when current_value_count > 1 then 'the table figures matching the subject disagree'
            when statement_kind in ('change', 'growth') and basis_kind is null
                then 'the statement names no comparison the tables can give (' || coalesce(parent_label, 'none') || ')'
            when statement_kind in ('change', 'growth') and base_value_count is null
                then 'the tables print no prior-year figure for the subject'
            when statement_kind in ('change', 'growth') and base_value_count > 1
                then 'the prior-year figures matching the subject disagree'
            when statement_kind = 'share' and parent_label is null then 'the share names no whole'
            when statement_kind = 'share' and whole_value_count is null
                then 'no landed table figure matches the whole (' || parent_label || ')'
            when statement_kind = 'share' and whole_value_count > 1
                then 'the table figures matching the whole disagree'
        end as not_checked_reason
    from with_base
),

final as (
    select
        statement_id,
        document_sha256,
        file_name,
        fiscal_year,
        department_id,
        department_name,
        statement_kind,
        subject_label,
        parent_label,
        cited_table,
        value_text as stated_value_text,
        printed_unit,
        printed_decimals,
        cast(sign as integer) as sign,
        cast(case when printed_unit <> '%' then stated_value end as decimal(38, 6)) as stated_yuan,
        cast(case when printed_unit = '%' then stated_value end as decimal(38, 6)) as stated_pct,
        cast(stated_half_step as decimal(38, 6)) as stated_half_step,
        basis_kind,
        case when statement_kind in ('change', 'growth') and base_value_count is not null then basis_used end
            as basis_used,
        cast(current_yuan as decimal(38, 6)) as current_yuan,
        cast(current_half_step as decimal(38, 6)) as current_half_step_yuan,
        current_source,
        cast(case when statement_kind in ('change', 'growth') then base_yuan end as decimal(38, 6)) as base_yuan,
        cast(case when statement_kind in ('change', 'growth') then base_half_step end as decimal(38, 6))
            as base_half_step_yuan,
        case when statement_kind in ('change', 'growth') then base_is_blank end as is_base_blank,
        case when statement_kind in ('change', 'growth') then base_source end as base_source,
        cast(whole_yuan as decimal(38, 6)) as whole_yuan,
        cast(whole_half_step as decimal(38, 6)) as whole_half_step_yuan,
        whole_source,
        -- the values the tables give for what the statement says
        cast(case
            when not_checked_reason is not null then null
            when statement_kind = 'total' then current_yuan
            when statement_kind = 'change' then current_yuan - base_yuan
        end as decimal(38, 6)) as computed_yuan,
        cast(case
            when not_checked_reason is not null then null
            when statement_kind = 'change' then current_half_step + base_half_step
            when statement_kind = 'total' then current_half_step
        end as decimal(38, 6)) as computed_half_step_yuan,
        cast(case
            when not_checked_reason is not null then null
            when statement_kind = 'growth' and base_yuan > 0
                then round(100 * (current_yuan - base_yuan) / base_yuan, 4)
            when statement_kind = 'share' and whole_yuan > 0 then round(100 * current_yuan / whole_yuan, 4)
        end as decimal(38, 6)) as computed_pct,
        -- a rate statement as numerator / denominator (growth: current / base, read as 100 + y %; share: part / whole)
        cast(case when statement_kind = 'growth' then current_yuan when statement_kind = 'share' then current_yuan end
            as decimal(38, 6)) as ratio_numerator_yuan,
        cast(case when statement_kind in ('growth', 'share') then current_half_step end as decimal(38, 6))
            as ratio_numerator_half_step_yuan,
        cast(case when statement_kind = 'growth' then base_yuan when statement_kind = 'share' then whole_yuan end
            as decimal(38, 6)) as ratio_denominator_yuan,
        cast(case when statement_kind = 'growth' then base_half_step when statement_kind = 'share' then whole_half_step
            end as decimal(38, 6)) as ratio_denominator_half_step_yuan,
        cast(case when statement_kind = 'growth' then 100 when statement_kind = 'share' then 0 end as decimal(38, 6))
            as ratio_offset_pct,
        case when not_checked_reason is null then 'checked' else 'not_checked' end as check_status,
        not_checked_reason,
        line_start,
        line_end,
        source_locator,
        raw_text as quoted_source,
        sentence
    from statused
)

select * from final
