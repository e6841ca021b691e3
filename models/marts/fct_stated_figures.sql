-- One row per number stated in the prose of a document (a statement of raw.statements with a value: an amount, a
-- prior-year amount, a change, a growth, share or completion percentage, a count), with its subject, period, basis
-- and role, its value in yuan (money) or as printed (percent, count), its printed unit and precision, its
-- sentence and lines, and the table figure of the same document it is linked to (method, table, row, column,
-- page, lines, value in yuan and half-step), where one can be found with certainty.
with

-- the text marks (loaders/text_marks.py: budget_completion, budget_actual …) are the prose rules' evidence, not
-- stated figures: the reader's own statement of the same number is the one listed here
linked as (
    select * from {{ ref('int_statements_linked') }}
    where {{ documents_in_scope() }}
        and value is not null
        and role in ('amount', 'prior_amount', 'change', 'growth_pct', 'share_pct', 'completion_pct', 'annual_growth_pct', 'count')
),

final as (
    select
        linked.statement_id,
        linked.document_sha256,
        linked.file_name,
        linked.statement_index,
        linked.sentence_index,
        linked.page,
        linked.line_start,
        linked.line_end,
        linked.source_locator,
        linked.section,
        linked.sentence,
        linked.subject,
        linked.subject_kind,
        linked.subject_path,
        linked.parent_subject,
        linked.list_index,
        linked.role,
        linked.linked_measure as measure,
        linked.period_year,
        linked.basis,
        linked.compared_year,
        linked.compared_basis,
        cast(linked.direction as integer) as direction,
        linked.value_text,
        cast(linked.value as decimal(38, 10)) as printed_value,
        linked.printed_unit,
        linked.printed_decimals,
        linked.value_kind,
        cast(linked.value_yuan as decimal(38, 6)) as value_yuan,
        cast(linked.half_step_in_base_unit as decimal(38, 12)) as half_step,
        cast(linked.signed_change as decimal(38, 6)) as signed_value,
        linked.link_method,
        linked.link_note,
        linked.candidate_values,
        linked.linked_figure_id,
        linked.linked_table_name,
        linked.linked_row_code,
        linked.linked_row_label,
        linked.linked_column_label,
        linked.linked_page,
        linked.linked_line_start,
        linked.linked_line_end,
        linked.linked_source_locator,
        linked.linked_raw_text,
        linked.linked_value_text,
        cast(linked.linked_value_yuan as decimal(38, 6)) as linked_value_yuan,
        cast(linked.linked_half_step_yuan as decimal(38, 6)) as linked_half_step_yuan
    from linked
)

select * from final
