-- One row per finding: what the loaders could not place or read, and every failing row of the arithmetic and prose
-- rules (the same check macros the dbt tests run), each with its rule, severity and quoted source lines; with its
-- document (department, year and kind), the rule's text and publication category, and lhs / rhs in the document's
-- unit. The findings of one document computed from that document alone are int_document_findings (incremental, keyed
-- by document); the rules that compare documents are computed here over every document in every build.
with

document_findings as (
    select * from {{ ref('int_document_findings') }}
),

rules as (
    select * from {{ ref('rule_catalog') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

figures as (
    select * from {{ ref('stg_raw__figures') }}
),

-- the same result figure for the same project in different years (EVA-COPY-001): across documents
repeated_result_failures as (
    {{ repeated_results_check(ref('int_result_quantities')) }}
),

source_lines as (
    select distinct document_sha256, line_start, line_end, raw_text
    from figures
    where document_sha256 in (select document_sha256 from repeated_result_failures)
),

quoted as (
    {{ quoted_lines('repeated_result_failures', 'source_lines') }}
),

repeated_result_rows as (
    select
        {{ finding_id('repeated_result_failures', 'quoted.quoted_source') }} as finding_id,
        repeated_result_failures.rule_id,
        rules.severity,
        repeated_result_failures.document_sha256,
        repeated_result_failures.file_name,
        repeated_result_failures.page,
        repeated_result_failures.line_start,
        repeated_result_failures.line_end,
        repeated_result_failures.source_locator,
        quoted.quoted_source,
        repeated_result_failures.lhs,
        repeated_result_failures.rhs,
        repeated_result_failures.difference,
        repeated_result_failures.tolerance,
        repeated_result_failures.message
    from repeated_result_failures
    left join rules using (rule_id)
    left join quoted using (rule_id, document_sha256, source_locator)
    qualify row_number() over (partition by finding_id
        order by {{ finding_tie_break('repeated_result_failures') }}) = 1
),

-- prose rules (NAR-TEXT/YEAR/COPY/TARGETS/PRIOR/RATE/UNIT, NAR-COUNT, NAR-CHANGE-1xx) on raw.statements: computed once
-- in int_statement_text_failures and int_statement_list_and_blank_failures, whose data tests report the same rows;
-- each quotes its own sentence(s), not the table lines
statement_text_rows as (
    select
        {{ finding_id('text_failures', 'text_failures.quoted_source') }} as finding_id,
        text_failures.rule_id,
        rules.severity,
        text_failures.document_sha256,
        text_failures.file_name,
        text_failures.page,
        text_failures.line_start,
        text_failures.line_end,
        text_failures.source_locator,
        text_failures.quoted_source,
        text_failures.lhs,
        text_failures.rhs,
        text_failures.difference,
        text_failures.tolerance,
        text_failures.message
    from (
        select * from {{ ref('int_statement_text_failures') }}
        union all by name
        -- counts listed after 其中, a whole's change against its parts' changes, blanks (NAR-COUNT, NAR-CHANGE-1xx,
        -- NAR-TEXT-013)
        select * from {{ ref('int_statement_list_and_blank_failures') }}
    ) as text_failures
    left join rules using (rule_id)
    qualify row_number() over (partition by finding_id
        order by text_failures.check_name, {{ finding_tie_break('text_failures') }}) = 1
),

across_documents as (
    select * from repeated_result_rows
    union all by name
    select * from statement_text_rows
),

across_documents_in_units as (
    {{ findings_in_document_units('across_documents', 'rules', 'documents', 'figures') }}
),

final as (
    select * from document_findings
    union all by name
    select * from across_documents_in_units
)

select * from final
