-- A document's prose against its own tables: every number stated in the 说明 prose (fct_stated_figures) that a prose
-- rule reports -- an amount that is not the table figure it describes, a change or growth that its sentence's
-- amounts do not give, parts that do not add up to their whole, shares that are not part ÷ whole -- with the
-- sentence, the table row it was compared with (both with page and lines), the rule, its severity (error, warning,
-- or notice for a difference within the printed rounding) and the message. Filter on file_name for one document.
with

stated as (
    select * from {{ ref('fct_stated_figures') }}
),

findings as (
    select * from {{ ref('fct_findings') }}
    where rule_id like 'NAR-STATED-%' or rule_id like 'NAR-CALC-%' or rule_id like 'NAR-PARTS-%'
        or rule_id in ('NAR-SHARE-101', 'NAR-SHARE-102', 'NAR-SHARE-103', 'NAR-SHARE-104')
),

-- the statements a finding covers: those of its document standing on its lines
covered as (
    select
        findings.finding_id,
        string_agg(distinct stated.subject, '、' order by stated.subject) as subjects,
        -- the table figure an amount was compared with (NAR-STATED-001 names it after the arrow of its locator)
        any_value(stated.linked_table_name) filter (
            where stated.linked_source_locator = split_part(findings.source_locator, ' ↔ ', 2)) as table_name,
        any_value(stated.linked_row_label) filter (
            where stated.linked_source_locator = split_part(findings.source_locator, ' ↔ ', 2)) as table_row,
        any_value(stated.linked_source_locator) filter (
            where stated.linked_source_locator = split_part(findings.source_locator, ' ↔ ', 2)) as table_source
    from findings
    inner join stated
        on stated.document_sha256 = findings.document_sha256
        and stated.line_start <= findings.line_end
        and stated.line_end >= findings.line_start
    group by findings.finding_id
),

final as (
    select
        findings.file_name,
        findings.page,
        findings.line_start,
        findings.line_end,
        findings.rule_id,
        findings.severity,
        covered.subjects,
        findings.lhs as stated,
        findings.rhs as compared_with,
        findings.difference,
        findings.tolerance,
        findings.source_locator,
        covered.table_name,
        covered.table_row,
        covered.table_source,
        findings.quoted_source,
        findings.message
    from findings
    left join covered using (finding_id)
)

select * from final
order by file_name, page nulls first, line_start, rule_id
