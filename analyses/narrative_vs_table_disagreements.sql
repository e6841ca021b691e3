-- Where the narrative (预算安排情况说明) says something the tables do not: every stated total, change, growth or
-- share whose recomputation from the tables fails a rule (or cannot be a percentage at all, as a growth from a
-- base of zero), with what the text states, what the tables give and the lines to fix.
with

statements as (
    select * from {{ ref('fct_stated_changes') }}
),

findings as (
    select * from {{ ref('fct_findings') }}
    -- the Guangzhou narrative rules, and the general statement rules that report the same problem in their place
    -- (fct_findings keeps one finding per error: NAR-CALC-004 rather than NAR-GROWTH-002 for a growth on a zero base)
    where rule_id in ('NAR-TOTAL-001', 'NAR-CHANGE-001', 'NAR-GROWTH-001', 'NAR-GROWTH-002', 'NAR-SHARE-001',
                      'NAR-SHARE-002', 'NAR-STATED-001', 'NAR-CALC-002', 'NAR-CALC-004', 'NAR-SHARE-101',
                      'NAR-SHARE-103')
),

final as (
    select
        statements.file_name,
        statements.line_start,
        statements.statement_kind,
        statements.subject_label,
        statements.stated_value_text || statements.printed_unit as stated,
        coalesce(statements.computed_yuan / 10000, statements.computed_pct) as tables_give,
        case when statements.computed_yuan is not null then '万元' else '%' end as tables_unit,
        statements.current_source,
        statements.base_source,
        findings.rule_id,
        findings.severity,
        findings.message
    from statements
    inner join findings
        on findings.document_sha256 = statements.document_sha256
        and statements.line_start between findings.line_start and findings.line_end
        and findings.lhs = coalesce(statements.stated_yuan, statements.stated_pct)
        and statements.statement_kind = case split_part(findings.rule_id, '-', 2)
            when 'TOTAL' then 'total' when 'STATED' then 'total' when 'CHANGE' then 'change'
            when 'GROWTH' then 'growth' when 'CALC' then 'growth' else 'share' end
)

select * from final
order by file_name, line_start
