-- One row per stated change of the narrative that 其中 breaks into the changes of its parts (the parser marks the
-- whole change_total and each part change_part: 与上年对比，支出预算增加 x 万元。其中：基本支出减少 y 万元；项目支出增加
-- z 万元), with the signed sum of the parts and, to tell whether the parts make up the whole, the current amounts
-- the narrative states for the whole and for each part (the nearest stated amount of the same name before it).
with

figures as (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is null
        and amount_yuan is not null
),

wholes as (
    select * from figures where measure = 'stated_change' and row_kind = 'change_total'
),

parts as (
    select * from figures where measure = 'stated_change' and row_kind = 'change_part'
),

stated_amounts as (
    select * from figures where measure = 'stated_total'
),

part_of_whole as (
    -- a part belongs to the nearest whole before it (the parser marks a whole only when its parts follow it)
    select
        parts.*,
        wholes.figure_id as whole_id
    from parts
    inner join wholes
        on wholes.document_sha256 = parts.document_sha256
        and wholes.figure_index < parts.figure_index
    qualify row_number() over (partition by parts.figure_id order by wholes.figure_index desc) = 1
),

statements as (
    select figure_id, document_sha256, figure_index, label from wholes
    union all
    select figure_id, document_sha256, figure_index, label from parts
),

current_amounts as (
    -- the amount the narrative states for the same subject, nearest before the change (often in its own clause)
    select
        statements.figure_id,
        stated_amounts.amount_yuan as current_yuan,
        stated_amounts.half_step_in_base_unit as current_half_step_yuan
    from statements
    inner join stated_amounts
        on stated_amounts.document_sha256 = statements.document_sha256
        and stated_amounts.label = statements.label
        and stated_amounts.figure_index < statements.figure_index
    qualify row_number() over (partition by statements.figure_id order by stated_amounts.figure_index desc) = 1
),

parts_summed as (
    select
        part_of_whole.whole_id,
        count(*) as part_count,
        string_agg(part_of_whole.label, '、' order by part_of_whole.figure_index) as part_labels,
        sum(part_of_whole.amount_yuan * part_of_whole.sign) as parts_change_yuan,
        sum(part_of_whole.half_step_in_base_unit) as parts_change_half_step_yuan,
        count(current_amounts.current_yuan) as parts_with_current_count,
        sum(current_amounts.current_yuan) as parts_current_yuan,
        sum(current_amounts.current_half_step_yuan) as parts_current_half_step_yuan,
        max(part_of_whole.line_end) as last_part_line
    from part_of_whole
    left join current_amounts on current_amounts.figure_id = part_of_whole.figure_id
    group by part_of_whole.whole_id
),

joined as (
    select
        wholes.figure_id as statement_id,
        wholes.document_sha256,
        wholes.file_name,
        wholes.label as subject_label,
        wholes.line_start,
        greatest(wholes.line_end, parts_summed.last_part_line) as line_end,
        wholes.amount_yuan * wholes.sign as stated_change_yuan,
        wholes.half_step_in_base_unit as stated_change_half_step_yuan,
        parts_summed.part_count,
        parts_summed.part_labels,
        parts_summed.parts_change_yuan,
        parts_summed.parts_change_half_step_yuan,
        current_amounts.current_yuan as whole_current_yuan,
        current_amounts.current_half_step_yuan as whole_current_half_step_yuan,
        -- the parts' current amounts only when every part has one
        case when parts_summed.parts_with_current_count = parts_summed.part_count
            then parts_summed.parts_current_yuan end as parts_current_yuan,
        case when parts_summed.parts_with_current_count = parts_summed.part_count
            then parts_summed.parts_current_half_step_yuan end as parts_current_half_step_yuan
    from wholes
    inner join parts_summed on parts_summed.whole_id = wholes.figure_id
    left join current_amounts on current_amounts.figure_id = wholes.figure_id
),

final as (
    select
        *,
        {{ source_locator(page='cast(null as integer)') }} as source_locator
    from joined
)

select * from final
