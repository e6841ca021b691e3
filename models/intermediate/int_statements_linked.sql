-- One row per statement of fiscal prose, linked where it can be to the table figure of the same document it
-- describes, with the link method (code_from_names, code_from_names_unit_sum, measure, row_label, ambiguous, none)
-- and the linked figure's
-- table, row, column, page, lines, value in yuan and half-step.
--   * a 功能分类 subject: its names (类/款/项 of subject_path) give the code, through seeds/function_classes.csv and the
--     names the document's own tables print beside their codes, each level matched to the code's own prefix (类 =
--     first 3 digits, 款 = 5, 项 = 7); the figure is that code's row-total column (合计, else 决算数 / 预算数) in the
--     document's 功能分类 expenditure tables: the table(s) that print the most codes, after keeping the tables of
--     the statement's fund scope (财政拨款 / 一般公共预算) when the sentence, its list or its section names one; a
--     table that prints the code once per unit of the department (every row with its unit code, none without)
--     gives the sum of those rows (code_from_names_unit_sum: the item of a department's prose is the department's);
--   * other subjects: seeds/statement_table_links.csv, by measure (三公 parts, 机关运行经费, 政府采购) or by table
--     title, row label and column (收入/支出 totals, 财政拨款收入, 基本支出/项目支出 …).
-- Only an amount of the document's own year and basis is linked (a 决算's 年初预算 links to the *_budget measure
-- of the 三公 table). When the candidates print different figures the link is 'ambiguous' and nothing is chosen
-- (candidate_values lists them); when they print one figure (several tables agreeing) it is linked, to the first
-- table by name, and link_note says how many agreed.
with

-- not materialized (here and table_figures): each reader reads its own columns; a copy of every column held for
-- the second reader cost more than reading the view again
statements as not materialized (
    select * from {{ ref('int_statements_converted') }}
    where {{ documents_in_scope() }}
),

table_figures as not materialized (
    select * from {{ ref('int_figures_converted') }}
    where {{ documents_in_scope() }}
        and table_name is not null
        and amount_yuan is not null
),

documents as (
    select document_sha256, fiscal_year from {{ ref('stg_raw__documents') }}
),

function_classes as (
    select * from {{ ref('function_classes') }}
),

link_rules as (
    select * from {{ ref('statement_table_links') }}
),

-- a change stated against a base of the document's own year (支出5.21万元，与2021年度预算相比，减少0.1万元): its base
-- is the amount the same sentence states before it for the same subject, less the signed change (5.31万元), and is
-- linked like an amount of the basis compared with: the table figure of that basis is what the change was measured
-- from (NAR-STATED-003)
change_bases as materialized (
    -- (materialized: a few hundred rows, read twice below; each read of the statements costs a scan of them all)
    select
        changes.statement_id,
        changes.document_sha256,
        changes.subject,
        changes.subject_kind,
        changes.subject_path,
        changes.parent_subject,
        changes.section,
        changes.sentence,
        changes.document_kind,
        changes.compared_basis,
        amounts.value_yuan - changes.signed_change as base_value_yuan,
        amounts.half_step_yuan + changes.half_step_yuan as base_half_step_yuan
    from statements as changes
    inner join statements as amounts
        on amounts.document_sha256 = changes.document_sha256
        and amounts.sentence_index = changes.sentence_index
        and amounts.subject = changes.subject
        and amounts.statement_index < changes.statement_index
        and amounts.role = 'amount'
        and amounts.value_kind = 'money'
        and amounts.value_yuan is not null
        and amounts.basis is distinct from changes.compared_basis
        and coalesce(amounts.period_year, amounts.document_fiscal_year) = amounts.document_fiscal_year
    where changes.role = 'change'
        and changes.value_kind = 'money'
        and changes.signed_change is not null
        and changes.compared_basis is not null
        and coalesce(changes.compared_year, changes.document_fiscal_year) = changes.document_fiscal_year
    qualify row_number() over (partition by changes.statement_id order by amounts.statement_index desc) = 1
),

-- what is linked: the amounts of the document's own year, and the bases of the changes above, each with its basis
link_subjects as (
    select
        statement_id, document_sha256, subject, subject_kind, subject_path, parent_subject, section, sentence,
        document_kind, value_yuan, half_step_yuan, basis
    from statements
    where role = 'amount'
        and value_kind = 'money'
        and (period_year is null or period_year = document_fiscal_year)
    union all
    select
        statement_id, document_sha256, subject, subject_kind, subject_path, parent_subject, section, sentence,
        document_kind, base_value_yuan, base_half_step_yuan, compared_basis
    from change_bases
),

-- which statements can be linked, and to which phase of the tables
linkable as materialized (
    select
        statement_id,
        document_sha256,
        subject,
        subject_kind,
        subject_path,
        value_yuan,
        half_step_yuan,
        {{ statement_subject_norm('subject') }} as subject_norm,
        regexp_matches(concat_ws(' ', subject, parent_subject, section, sentence), '财政拨款|一般公共预算')
            as names_fund_scope,
        regexp_matches(concat_ws(' ', subject, parent_subject, section, sentence), '基本支出')
            as names_basic_expenditure,
        case
            when coalesce(basis, '') = '' then 'current'
            when document_kind in ('final_accounts', 'three_public_final_accounts')
                and basis in ('final_accounts', 'actual') then 'current'
            when document_kind in ('final_accounts', 'three_public_final_accounts')
                and basis in ('budget', 'initial_budget') then 'budget_in_final'
            when document_kind not in ('final_accounts', 'three_public_final_accounts') and basis = 'budget' then 'current'
        end as link_phase,
        document_kind in ('final_accounts', 'three_public_final_accounts') as in_final_accounts
    from link_subjects
),

-- the years a figure's label and column name print ("2023年预算执行数"), once per distinct pair
printed_years as (
    select
        label,
        column_label,
        list_transform(regexp_extract_all(coalesce(label, '') || ' ' || coalesce(column_label, ''), '(\d{4})年', 1),
            lambda year_text: cast(year_text as integer)) as years
    from (select distinct label, column_label from table_figures)
),

-- table figures of the documents with statements, of the document's own year (a column or label naming another
-- year is not this year's figure)
current_figures as materialized (
    select table_figures.*
    from table_figures
    inner join documents using (document_sha256)
    inner join printed_years
        on printed_years.label is not distinct from table_figures.label
        and printed_years.column_label is not distinct from table_figures.column_label
    where table_figures.document_sha256 in (select document_sha256 from linkable)
        and list_bool_and(list_transform(printed_years.years, lambda year: year = documents.fiscal_year))
            is not false
),

-- ---------------------------------------------------------------- 功能分类 subjects: code from names
function_tables as (
    -- the 功能分类 expenditure tables of a document (not a 收入 table), their coverage and row-total measure
    select
        document_sha256,
        table_name,
        count(distinct row_code) as codes_printed,
        case when bool_or(measure in ('total', 'budget_amount')) then 'total' else 'amount' end as total_measure_kind,
        regexp_matches(table_name, '财政拨款|一般公共预算') as is_fund_scoped
    from current_figures
    where row_code_scheme = 'function'
        and not (table_name like '%收入%' and table_name not like '%支出%')
    group by document_sha256, table_name
),

function_figures as (
    select current_figures.*, function_tables.codes_printed, function_tables.is_fund_scoped
    from current_figures
    inner join function_tables using (document_sha256, table_name)
    where current_figures.row_code_scheme = 'function'
        and ((function_tables.total_measure_kind = 'total' and current_figures.measure in ('total', 'budget_amount'))
            or (function_tables.total_measure_kind = 'amount' and current_figures.measure in ('actual', 'budget')))
),

class_names as (
    -- every name a code goes by: the code list's (document_sha256 '') and the ones the document prints beside it
    select '' as document_sha256, code, {{ class_name_key('name_zh') }} as name_key from function_classes
    union
    select distinct document_sha256, row_code, {{ class_name_key('row_label') }}
    from function_figures
    where row_label is not null
),

-- the two kinds apart, so each lookup below is an equality on (code, name) or on (document, code, name): one
-- condition `document_sha256 in ('', the document's)` made the join pair every statement with every document
-- printing the same code and name, which grows with the square of the number of documents
code_list_names as (
    select code, name_key from class_names where document_sha256 = ''
),

document_names as (
    select document_sha256, code, name_key from class_names where document_sha256 <> ''
),

class_paths as (
    select
        statement_id,
        document_sha256,
        names_fund_scope,
        list_transform(string_split(coalesce(nullif(subject_path, ''), subject), '/'),
            lambda part: {{ class_name_key('part') }}) as path_keys
    from linkable
    where subject_kind = 'function_class' and link_phase = 'current'
),

class_codes as (
    -- the codes printed in the document whose 类, 款 and 项 names are the path's, level by level
    select distinct
        class_paths.statement_id,
        document_codes.row_code
    from class_paths
    inner join (select distinct document_sha256, row_code from function_figures) as document_codes
        on document_codes.document_sha256 = class_paths.document_sha256
        and length(document_codes.row_code) = 2 * len(class_paths.path_keys) + 1
    where len(class_paths.path_keys) between 1 and 3
        and (exists (
            select 1 from code_list_names
            where code_list_names.code = substr(document_codes.row_code, 1, 3)
                and code_list_names.name_key = class_paths.path_keys[1])
            or exists (
            select 1 from document_names
            where document_names.document_sha256 = class_paths.document_sha256
                and document_names.code = substr(document_codes.row_code, 1, 3)
                and document_names.name_key = class_paths.path_keys[1]))
        and (len(class_paths.path_keys) < 2 or exists (
            select 1 from code_list_names
            where code_list_names.code = substr(document_codes.row_code, 1, 5)
                and code_list_names.name_key = class_paths.path_keys[2])
            or exists (
            select 1 from document_names
            where document_names.document_sha256 = class_paths.document_sha256
                and document_names.code = substr(document_codes.row_code, 1, 5)
                and document_names.name_key = class_paths.path_keys[2]))
        and (len(class_paths.path_keys) < 3 or exists (
            select 1 from code_list_names
            where code_list_names.code = document_codes.row_code
                and code_list_names.name_key = class_paths.path_keys[3])
            or exists (
            select 1 from document_names
            where document_names.document_sha256 = class_paths.document_sha256
                and document_names.code = document_codes.row_code
                and document_names.name_key = class_paths.path_keys[3]))
),

class_candidates_all as (
    select
        class_paths.statement_id,
        'code_from_names' as link_method,
        class_paths.names_fund_scope,
        function_figures.*
    from class_paths
    inner join class_codes using (statement_id)
    inner join function_figures
        on function_figures.document_sha256 = class_paths.document_sha256
        and function_figures.row_code = class_codes.row_code
),

class_candidates_scoped as (
    -- a statement that names its fund scope (财政拨款 / 一般公共预算) keeps the tables of that scope when any print
    -- the code; any other statement keeps every table
    select *
    from class_candidates_all
    qualify not names_fund_scope or is_fund_scoped
        or not bool_or(is_fund_scoped) over (partition by statement_id)
),

class_candidates_widest as (
    -- of those, the tables printing the most codes
    select * exclude (names_fund_scope)
    from class_candidates_scoped
    qualify codes_printed = max(codes_printed) over (partition by statement_id)
),

class_code_rows as (
    -- a table of a department with several units prints a code once per unit (rows carrying their unit code) and,
    -- when no row of the code stands without a unit, not the department's figure: the prose's item names the
    -- department, whose figure is the sum of its units' rows (half-steps added: each row is rounded); per code of a
    -- table (an aggregate, not a window over every row: the same values, computed once per code)
    select
        statement_id,
        table_name,
        row_code,
        measure,
        count(*) as rows_of_code,
        count(distinct unit_code) as units_of_code,
        count(unit_code) as rows_with_unit,
        sum(amount_yuan) as units_amount_yuan,
        sum(half_step_in_base_unit) as units_half_step,
        string_agg(value_text, ' + ' order by page nulls first, line_start, figure_index) as units_value_text,
        string_agg(raw_text, chr(10) order by page nulls first, line_start, figure_index) as units_raw_text,
        max(line_end) as units_line_end
    from class_candidates_widest
    group by statement_id, table_name, row_code, measure
),

class_unit_rows as (
    -- each candidate row with its code's rows and its rank among them (the first row stands for the sum)
    select
        class_candidates_widest.*,
        class_code_rows.rows_of_code,
        class_code_rows.units_of_code,
        class_code_rows.rows_with_unit,
        row_number() over (partition by class_candidates_widest.statement_id, class_candidates_widest.table_name,
            class_candidates_widest.row_code, class_candidates_widest.measure
            order by class_candidates_widest.page nulls first, class_candidates_widest.line_start,
                class_candidates_widest.figure_index) as row_rank,
        class_code_rows.units_amount_yuan,
        class_code_rows.units_half_step,
        class_code_rows.units_value_text,
        class_code_rows.units_raw_text,
        class_code_rows.units_line_end
    from class_candidates_widest
    inner join class_code_rows
        on class_code_rows.statement_id = class_candidates_widest.statement_id
        and class_code_rows.table_name is not distinct from class_candidates_widest.table_name
        and class_code_rows.row_code is not distinct from class_candidates_widest.row_code
        and class_code_rows.measure is not distinct from class_candidates_widest.measure
),

class_candidates as (
    select
        * exclude (rows_of_code, units_of_code, rows_with_unit, row_rank, units_amount_yuan, units_half_step,
            units_value_text, units_raw_text, units_line_end, amount_yuan, half_step_in_base_unit, value_text,
            raw_text, line_end, link_method),
        case when is_unit_sum then 'code_from_names_unit_sum' else link_method end as link_method,
        case when is_unit_sum then units_amount_yuan else amount_yuan end as amount_yuan,
        case when is_unit_sum then units_half_step else half_step_in_base_unit end as half_step_in_base_unit,
        case when is_unit_sum then units_value_text else value_text end as value_text,
        case when is_unit_sum then units_raw_text else raw_text end as raw_text,
        case when is_unit_sum then units_line_end else line_end end as line_end,
        is_unit_sum,
        rows_of_code as unit_rows_summed
    from (
        select *, rows_of_code > 1 and units_of_code = rows_of_code and rows_with_unit = rows_of_code as is_unit_sum
        from class_unit_rows
    )
    where not is_unit_sum or row_rank = 1
),

-- ---------------------------------------------------------------- other subjects: the link seed
rules_matched as (
    select
        subjects.subject_norm,
        link_rules.*
    from (select distinct subject_norm from linkable where subject_kind is distinct from 'function_class') as subjects
    inner join link_rules
        on regexp_matches(subjects.subject_norm, link_rules.subject_pattern)
),

row_label_statements as (
    select
        linkable.statement_id,
        linkable.document_sha256,
        rules_matched.link_rule,
        linkable.link_phase,
        linkable.in_final_accounts
    from linkable
    inner join rules_matched
        on rules_matched.subject_norm = linkable.subject_norm
        and rules_matched.measure is null
    where linkable.link_phase = 'current'
        -- a 决算's budget (三公经费支出预算为49.9万元): the budget column of a table printing both (预算数 | 决算数)
        or (linkable.link_phase = 'budget_in_final' and rules_matched.link_rule like '%\_row' escape '\')
),

uncoded_figures as (
    -- rows without a code (totals, 收支总表 lines) of the documents with such statements
    select * from current_figures
    where row_code is null
        and document_sha256 in (select document_sha256 from row_label_statements)
),

figure_shapes as (
    -- the distinct (table, row, column) shapes printed, the row label without spaces and leading ordinal, matched
    -- once against the patterns of the seed rows some statement uses
    select
        table_name,
        row_label,
        column_label,
        regexp_replace(regexp_replace(coalesce(row_label, ''), '[\s　]', '', 'g'),
            '^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．、]|其中[:：]?)', '')
            as row_label_norm
    from (select distinct table_name, row_label, column_label from uncoded_figures)
),

rules_used as (
    select * from link_rules where link_rule in (select link_rule from row_label_statements)
),

table_rules as (
    -- the tables each rule's table pattern (and exclusion) matches, matched once per distinct table name
    select
        rules_used.*,
        tables.table_name
    from rules_used
    inner join (select distinct table_name from figure_shapes) as tables
        on regexp_matches(tables.table_name, rules_used.table_pattern)
        and (rules_used.table_exclude_pattern is null
            or not regexp_matches(tables.table_name, rules_used.table_exclude_pattern))
),

shape_rules as materialized (
    -- the shapes of those tables whose row and column the rule's patterns match (materialized: computed once, before
    -- the join with the statements and figures; inlined, the optimizer matched the patterns on every statement x figure
    -- pair of a document)
    select
        table_rules.link_rule,
        figure_shapes.table_name,
        figure_shapes.row_label,
        figure_shapes.column_label
    from table_rules
    inner join figure_shapes
        on figure_shapes.table_name = table_rules.table_name
        and (table_rules.row_pattern is null or regexp_matches(figure_shapes.row_label_norm, table_rules.row_pattern))
        and (table_rules.column_pattern is null
            or regexp_matches(coalesce(figure_shapes.column_label, ''), table_rules.column_pattern))
),

row_label_candidates as (
    select
        row_label_statements.statement_id,
        'row_label' as link_method,
        uncoded_figures.*
    from row_label_statements
    inner join shape_rules
        on shape_rules.link_rule = row_label_statements.link_rule
    inner join uncoded_figures
        on uncoded_figures.document_sha256 = row_label_statements.document_sha256
        and uncoded_figures.table_name = shape_rules.table_name
        and uncoded_figures.row_label is not distinct from shape_rules.row_label
        and uncoded_figures.column_label is not distinct from shape_rules.column_label
    -- in a 决算 whose table prints a budget and a final column, the statement's basis chooses: its budget is the
    -- budget column's, its final amount any other's
    where not row_label_statements.in_final_accounts
        or (row_label_statements.link_phase = 'budget_in_final')
            = (uncoded_figures.measure in ('budget_amount', 'budget', 'initial_budget', 'adjusted_budget'))
),

measure_candidates as (
    select
        linkable.statement_id,
        'measure' as link_method,
        current_figures.*
    from linkable
    inner join rules_matched
        on rules_matched.subject_norm = linkable.subject_norm
        and rules_matched.measure is not null
    inner join current_figures
        on current_figures.document_sha256 = linkable.document_sha256
        and current_figures.measure = rules_matched.measure
            || case when linkable.link_phase = 'budget_in_final' then '_budget' else '' end
    where linkable.link_phase in ('current', 'budget_in_final')
        -- a table of 基本支出 only (表五 一般公共预算基本支出预算表) holds a part of the department's 三公 or
        -- 机关运行 amount: it is the figure a statement describes only when the statement says 基本支出
        and (linkable.names_basic_expenditure or not regexp_matches(current_figures.table_name, '基本支出'))
),

candidates as materialized (
    select * exclude (codes_printed, is_fund_scoped, is_unit_sum, unit_rows_summed) from class_candidates
    union all by name
    select * from row_label_candidates
    union all by name
    select * from measure_candidates
),

-- one distinct figure: linked (the first table by name, page and line); several: ambiguous
judged as (
    select
        candidates.statement_id,
        max(candidates.link_method) as link_method,
        -- the stated amount agrees with one of the candidates within the rounding of both
        bool_or(abs(linkable.value_yuan - candidates.amount_yuan)
            < linkable.half_step_yuan + candidates.half_step_in_base_unit) as matches_candidate,
        count(distinct amount_yuan) as candidate_value_count,
        count(distinct table_name) as candidate_table_count,
        string_agg(distinct cast(amount_yuan as varchar) || ' 元', ' / ' order by cast(amount_yuan as varchar) || ' 元')
            as candidate_values,
        arg_min(figure_id, concat_ws('|', table_name, lpad(cast(coalesce(page, 0) as varchar), 6, '0'),
            lpad(cast(line_start as varchar), 8, '0'), lpad(cast(figure_index as varchar), 8, '0'))) as first_figure_id
    from candidates
    inner join linkable using (statement_id)
    group by candidates.statement_id
),

-- each linkable statement's link, on the linkable statements alone: joined with every statement last (below), the
-- statements (every column) are read once, streamed, not held in the join's hash table
statement_links as (
    select
        linkable.statement_id,
        case
            when judged.statement_id is null then 'none'
            when judged.candidate_value_count > 1 then 'ambiguous'
            else judged.link_method
        end as link_method,
        case when change_bases.statement_id is not null then 'the base this change is stated against: ' else '' end
        || case
            when judged.statement_id is null then 'no table figure found for this subject'
            when judged.candidate_value_count > 1 then 'the tables print different figures for this subject: '
                || judged.candidate_values
            when judged.link_method = 'code_from_names_unit_sum' then 'the sum of the units'' rows of code '
                || linked.row_code || ' in the ' || coalesce(linked.column_label, 'row-total') || ' column of '
                || linked.table_name
                || case when judged.candidate_table_count > 1
                    then ' (' || cast(judged.candidate_table_count as varchar) || ' tables give the same sum)' else '' end
            when judged.candidate_table_count > 1 then 'the row-total column of ' || linked.table_name || ' ('
                || cast(judged.candidate_table_count as varchar) || ' tables print the same figure)'
            else 'the ' || coalesce(linked.column_label, 'row') || ' column of ' || linked.table_name
        end as link_note,
        case when judged.candidate_value_count > 1 then judged.candidate_values end as candidate_values,
        judged.matches_candidate,
        linked.figure_id as linked_figure_id,
        linked.table_name as linked_table_name,
        linked.row_code as linked_row_code,
        linked.row_label as linked_row_label,
        linked.column_label as linked_column_label,
        linked.measure as linked_measure,
        linked.page as linked_page,
        linked.line_start as linked_line_start,
        linked.line_end as linked_line_end,
        linked.raw_text as linked_raw_text,
        linked.value_text as linked_value_text,
        linked.printed_unit as linked_printed_unit,
        linked.printed_decimals as linked_printed_decimals,
        linked.amount_yuan as linked_value_yuan,
        linked.half_step_in_base_unit as linked_half_step_yuan,
        linked.source_locator as linked_source_locator,
        change_bases.base_value_yuan,
        change_bases.base_half_step_yuan
    from linkable
    left join change_bases using (statement_id)
    left join judged using (statement_id)
    left join candidates as linked
        on linked.statement_id = judged.statement_id
        and linked.figure_id = judged.first_figure_id
        and judged.candidate_value_count = 1
),

final as (
    select
        statements.*,
        case when statement_links.statement_id is null then 'none' else statement_links.link_method end
            as link_method,
        case when statement_links.statement_id is null then 'not an amount of the document''s own year and basis'
            else statement_links.link_note end as link_note,
        statement_links.* exclude (statement_id, link_method, link_note)
    from statements
    left join statement_links using (statement_id)
)

select * from final
