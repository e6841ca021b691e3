-- Tests the prior_document_amounts check (NAR-PRIOR-001 beyond rounding, NAR-PRIOR-002 within it) on inline
-- fixtures. Sentences of 万里街道 2024 部门预算 (p. 4, copied by hand): "财政拨款收入15621.11万元，比2023年预算减少876.75万元"
-- -- implied 2023 budget 16,497.86 万元 = 164,978,600 元 -- and "2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元"
-- (implied 22.91 万元); 普陀区财政局 2024 决算 "机关运行经费支出184.65万元，比2023年度增加2.55万元" (implied 182.10 万元, no
-- basis printed: the prior 决算). The warehouse here does not hold those prior documents: the prior figures below are
-- made up to agree, to disagree beyond the rounding (the half-steps 50 + 50 + 0.5 元 = 100.5 元) and within it.
-- The same 决算 sentence against a prior 决算 printing 183.10 fails. Not checked: a 预算执行数 basis (no document prints it), a subject the prior document prints with two amounts, a
-- department without a prior document, a prior document of another kind; a department with two prior documents of
-- the kind is not compared either (which is its own is not known) and gets a NAR-PRIOR-003 notice naming them.
with

statement_rows as (
    select * from (values
        ('consistent', 'wanli', 'department_budget_sh', 1, '财政拨款收入', 'amount', '15621.11', 1, null, null),
        ('consistent', 'wanli', 'department_budget_sh', 1, '财政拨款收入', 'change', '876.75', -1, 2023, '预算'),
        ('beyond_rounding', 'wanli_b', 'department_budget_sh', 1, '财政拨款收入', 'amount', '15621.11', 1, null, null),
        ('beyond_rounding', 'wanli_b', 'department_budget_sh', 1, '财政拨款收入', 'change', '876.75', -1, 2023, '预算'),
        ('within_rounding', 'wanli_c', 'department_budget_sh', 1, '财政拨款收入', 'amount', '15621.11', 1, null, null),
        ('within_rounding', 'wanli_c', 'department_budget_sh', 1, '财政拨款收入', 'change', '876.75', -1, 2023, '预算'),
        ('three_public', 'wanli', 'department_budget_sh', 2, '“三公”经费', 'amount', '47.91', 1, null, null),
        ('three_public', 'wanli', 'department_budget_sh', 2, '“三公”经费', 'change', '25', 1, 2023, '预算'),
        ('stated_prior', 'wanli', 'department_budget_sh', 3, '住房公积金', 'prior_amount', '348.52', null, 2023, null),
        ('finance_no_basis', 'finance', 'final_accounts', 1, '机关运行经费', 'amount', '184.65', null, null, null),
        ('finance_no_basis', 'finance', 'final_accounts', 1, '机关运行经费', 'change', '2.55', 1, 2023, null),
        ('finance_no_basis_wrong', 'finance_b', 'final_accounts', 1, '机关运行经费', 'amount', '184.65', null, null, null),
        ('finance_no_basis_wrong', 'finance_b', 'final_accounts', 1, '机关运行经费', 'change', '2.55', 1, 2023, null),
        ('unchanged', 'wanli', 'department_budget_sh', 4, '公务接待费', 'amount', '1.35', null, null, null),
        ('unchanged', 'wanli', 'department_budget_sh', 4, '公务接待费', 'change', null, 0, 2023, '预算'),
        ('execution_basis', 'wanli', 'department_budget_sh', 5, '专项普查活动', 'amount', '25.77', null, null, null),
        ('execution_basis', 'wanli', 'department_budget_sh', 5, '专项普查活动', 'change', '34.36', -1, 2023, '预算执行数'),
        ('two_amounts_before', 'wanli', 'department_budget_sh', 6, '行政运行', 'amount', '1660.32', null, null, null),
        ('two_amounts_before', 'wanli', 'department_budget_sh', 6, '行政运行', 'change', '100.00', 1, 2023, '预算'),
        ('no_prior_document', 'nobody', 'department_budget_sh', 1, '财政拨款收入', 'amount', '15621.11', null, null, null),
        ('no_prior_document', 'nobody', 'department_budget_sh', 1, '财政拨款收入', 'change', '876.75', -1, 2023, '预算'),
        ('other_kind_before', 'finance', 'final_accounts', 2, '一般公共服务支出', 'amount', '2940.05', null, null, null),
        ('other_kind_before', 'finance', 'final_accounts', 2, '一般公共服务支出', 'change', '10.00', 1, 2023, '决算'),
        -- two 2023 部门预算 of one department, one printing the subject (a disagreeing amount): which is the
        -- department's is not known, so the sentence is not compared
        ('several_prior_documents', 'several', 'department_budget_sh', 1, '财政拨款收入', 'amount', '15621.11', 1, null, null),
        ('several_prior_documents', 'several', 'department_budget_sh', 1, '财政拨款收入', 'change', '876.75', -1, 2023, '预算')
    ) as t(case_id, department_key, document_kind, sentence_index, subject, role, value_text, direction, compared_year,
           compared_basis)
),

with_paths as (
    select *, cast(null as varchar) as subject_path from statement_rows
    union all by name
    -- a 功能分类 subject printed with its markers is matched by its 项 (the table row 住房公积金)
    select * from (values
        ('path_subject', 'wanli_p', 'department_budget_sh', 7, '住房保障支出（类）住房改革支出（款）住房公积金（项）',
         '住房保障支出/住房改革支出/住房公积金', 'amount', '352.67', null, null, null),
        ('path_subject', 'wanli_p', 'department_budget_sh', 7, '住房保障支出（类）住房改革支出（款）住房公积金（项）',
         '住房保障支出/住房改革支出/住房公积金', 'change', '2.15', 1, 2023, '预算')
    ) as t(case_id, department_key, document_kind, sentence_index, subject, subject_path, role, value_text, direction,
           compared_year, compared_basis)
),

described as (
    select
        *,
        case when role = 'prior_amount' then 2023 when role = 'amount' then 2024 end as period_year,
        case when role = 'prior_amount' then '预算' end as basis,
        case when value_text is null then null when role = 'change' and value_text = '25' then '万元' else '万元' end
            as printed_unit,
        '…' as sentence
    from with_paths
),

prepared as (
    {{ statement_fixture_rows('described', ['department_key', 'document_kind', 'sentence_index', 'subject', 'role',
        'value_text', 'direction', 'compared_year', 'compared_basis', 'period_year', 'basis', 'printed_unit',
        'sentence', 'subject_path']) }}
),

prior_figures as (
    select
        department_key, fiscal_year, document_kind, {{ subject_key(text_name_key('row_label')) }} as subject_key,
        cast(amount_yuan as decimal(38, 6)) as amount_yuan, cast(half_step_yuan as decimal(38, 6)) as half_step_yuan,
        department_key || '-2023.pdf' as file_name, 12 as page, 7 as line_start, row_label || '  ' || amount_yuan as raw_text
    from (values
        ('wanli', 2023, 'department_budget_sh', '财政拨款收入', 164978600, 0.5),
        ('wanli', 2023, 'department_budget_sh', '财政拨款收入', 164978600, 0.5),
        ('wanli_b', 2023, 'department_budget_sh', '财政拨款收入', 164988600, 0.5),
        ('wanli_c', 2023, 'department_budget_sh', '财政拨款收入', 164978650, 0.5),
        ('wanli', 2023, 'department_budget_sh', '“三公”经费', 229100, 50),
        ('wanli', 2023, 'department_budget_sh', '住房公积金', 3485300, 50),
        ('wanli', 2023, 'department_budget_sh', '公务接待费', 13500, 50),
        ('wanli', 2023, 'department_budget_sh', '专项普查活动', 100000, 0.5),
        ('wanli', 2023, 'department_budget_sh', '行政运行', 15603200, 0.5),
        ('wanli', 2023, 'department_budget_sh', '行政运行', 15000000, 0.5),
        ('finance', 2023, 'final_accounts', '机关运行经费', 1821000, 50),
        ('finance_b', 2023, 'final_accounts', '机关运行经费', 1831000, 50),
        ('finance', 2023, 'department_budget_sh', '一般公共服务支出', 10000, 50),
        ('wanli', 2022, 'department_budget_sh', '财政拨款收入', 1, 0.5),
        ('wanli_p', 2023, 'department_budget_sh', '住房公积金', 3503499, 0.5)
    ) as t(department_key, fiscal_year, document_kind, row_label, amount_yuan, half_step_yuan)
    union all
    select
        department_key, fiscal_year, document_kind, {{ subject_key(text_name_key('row_label')) }} as subject_key,
        cast(amount_yuan as decimal(38, 6)) as amount_yuan, cast(half_step_yuan as decimal(38, 6)) as half_step_yuan,
        file_name, 12 as page, 7 as line_start, row_label || '  ' || amount_yuan as raw_text
    from (values
        ('several', 2023, 'department_budget_sh', '财政拨款收入', 164988600, 0.5, 'several-a-2023.pdf'),
        ('several', 2023, 'department_budget_sh', '行政运行', 15603200, 0.5, 'several-b-2023.pdf')
    ) as t(department_key, fiscal_year, document_kind, row_label, amount_yuan, half_step_yuan, file_name)
),

failures as (
    {{ prior_document_amounts_check('prepared', 'prior_figures') }}
),

expected as (
    select * from (values
        ('beyond_rounding', 'NAR-PRIOR-001', 164978600, 164988600, -10000, 100.5),
        ('within_rounding', 'NAR-PRIOR-002', 164978600, 164978650, -50, 100.5),
        ('stated_prior', 'NAR-PRIOR-001', 3485200, 3485300, -100, 100),
        ('finance_no_basis_wrong', 'NAR-PRIOR-001', 1821000, 1831000, -10000, 150),
        ('path_subject', 'NAR-PRIOR-001', 3505200, 3503499, 1701, 100.5),
        -- two 2023 documents of the department of that kind: not compared, and said so
        ('several_prior_documents', 'NAR-PRIOR-003', 164978600, null, null, null)
    ) as t(case_id, rule_id, lhs, rhs, difference, tolerance)
),

actual as (
    select
        prepared.case_id, failures.*
    from failures
    inner join (select distinct case_id, department_key, line_start from prepared) as prepared
        on prepared.case_id = failures.file_name and prepared.line_start = failures.line_start
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs is distinct from e.rhs
            or a.difference is distinct from e.difference or a.tolerance is distinct from e.tolerance
            or (e.rule_id <> 'NAR-PRIOR-003' and a.quoted_source not like '%-2023.pdf:7 (p. 12)%')"],
        ['the ambiguity does not name the documents', "e.rule_id = 'NAR-PRIOR-003'
            and a.message not like '%holds 2 documents of the department of 2023 of that kind (several-a-2023.pdf, several-b-2023.pdf)%'"],
    ]) }}
)

select * from mismatches
