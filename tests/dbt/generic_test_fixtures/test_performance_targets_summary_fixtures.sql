-- Tests the performance_targets_summary check (NAR-TARGETS-001..004) on inline fixtures. The three real summaries
-- (copied by hand) are consistent: 万里街道 2024 "编报绩效目标的项目50个，涉及项目预算资金5634.81万元" against its 项目支出
-- 合计 56,505,103 元 (2024年部门支出预算总表); 普陀区社会福利院 2024 "编报绩效目标的项目共1个，涉及项目预算资金262.00万元"
-- against 2,620,000 元; 区政府办公室 2025 "…涉及项目预算资金6626万元" against 66,410,000 元. Made up: a summary above the
-- 项目支出 (error) or above it within rounding (notice); more forms held than projects stated (error); as many forms
-- as stated whose amounts do not add up (error) or add up within rounding (notice); fewer forms held, or forms of
-- another year: nothing to say.
with

fixture as (
    select * from (values
        ('wanli', 'wanli', 2024, '50', '5634.81', '万元'),
        ('welfarehome', 'welfarehome', 2024, '1', '262.00', '万元'),
        ('govoffice', 'govoffice', 2025, '1', '6626', '万元'),
        ('above_projects', 'd1', 2024, '50', '5650.52', '万元'),
        ('above_within_rounding', 'd2', 2024, '50', '5650.51', '万元'),
        ('more_forms', 'd3', 2024, '1', '60.00', '万元'),
        ('forms_do_not_add_up', 'd4', 2024, '2', '100.00', '万元'),
        ('forms_within_rounding', 'd5', 2024, '2', '99.00', '万元'),
        ('fewer_forms', 'd6', 2024, '3', '99.00', '万元'),
        ('forms_other_year', 'd7', 2024, '1', '10.00', '万元'),
        -- 普陀区财政局 2024 决算: "编报绩效目标的项目4个，涉及项目预算资金598.42万元" against 项目支出 (spent) 603.14 万元; made up:
        -- a 决算 whose projects were budgeted above what was spent is not compared
        ('final_accounts_spent_less', 'd8', 2024, '4', '598.42', '万元'),
        -- "绩效自评的项目1个" counts self-evaluations, not target forms
        ('self_evaluation', 'd3', 2024, '1', '60.00', '万元')
    ) as t(case_id, department_key, document_fiscal_year, count_text, amount_text, amount_unit)
),

statement_rows as (
    select case_id, department_key, document_fiscal_year, 'count' as role, count_text as value_text,
        '个' as printed_unit
    from fixture
    union all
    select case_id, department_key, document_fiscal_year, 'amount', amount_text, amount_unit from fixture
),

described as (
    select
        *,
        4 as sentence_index,
        'performance_targets' as subject_kind,
        case when case_id = 'self_evaluation' then '绩效自评的项目' else '编报绩效目标的项目' end as subject,
        case when case_id like 'final_accounts%' then 'final_accounts' else 'department_budget_sh' end as document_kind,
        '按照本区预算绩效管理工作的总体要求，…编报绩效目标的项目' || '…个，涉及项目预算资金…万元。' as sentence
    from statement_rows
),

prepared as (
    {{ statement_fixture_rows('described', ['department_key', 'document_fiscal_year', 'role', 'value_text',
        'printed_unit', 'sentence_index', 'subject_kind', 'subject', 'document_kind', 'sentence']) }}
),

project_totals as (
    select
        case_id as document_sha256, case_id as file_name, 20 as page, 1 as line_start,
        '合计   ' || cast(amount_yuan as varchar) as raw_text,
        cast(amount_yuan as decimal(38, 6)) as amount_yuan,
        cast(0.5 as decimal(38, 6)) as half_step_yuan
    from (values
        ('wanli', 56505103), ('welfarehome', 2620000), ('govoffice', 66410000),
        ('above_projects', 56505103), ('above_within_rounding', 56505060), ('final_accounts_spent_less', 5000000),
        -- a 财政拨款 table prints a smaller 项目支出: the largest (全口径) is compared
        ('wanli', 56000000)
    ) as t(case_id, amount_yuan)
),

forms as (
    select department_key, fiscal_year, cast(amount_yuan as decimal(38, 6)) as amount_yuan,
        cast(half_step_yuan as decimal(38, 6)) as half_step_yuan
    from (values
        ('d3', 2024, 600000, 50), ('d3', 2024, 390000, 50),
        ('d4', 2024, 600000, 50), ('d4', 2024, 390000, 50),
        ('d5', 2024, 600000, 0.5), ('d5', 2024, 390040, 0.5),
        ('d6', 2024, 600000, 50), ('d6', 2024, 390000, 50),
        ('d7', 2023, 100000, 50), ('d7', 2023, 200000, 50)
    ) as t(department_key, fiscal_year, amount_yuan, half_step_yuan)
),

failures as (
    {{ performance_targets_summary_check('prepared', 'project_totals', 'forms') }}
),

expected as (
    select * from (values
        ('above_projects', 'NAR-TARGETS-001', 56505200, 56505103, 97, 50.5),
        ('above_within_rounding', 'NAR-TARGETS-004', 56505100, 56505060, 40, 50.5),
        ('more_forms', 'NAR-TARGETS-002', 2, 1, 1, 0),
        ('forms_do_not_add_up', 'NAR-TARGETS-003', 1000000, 990000, 10000, 150),
        ('forms_within_rounding', 'NAR-TARGETS-004', 990000, 990040, -40, 51)
    ) as t(case_id, rule_id, lhs, rhs, difference, tolerance)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.difference or a.tolerance <> e.tolerance or a.quoted_source not like '%绩效目标%'"],
    ]) }}
)

select * from mismatches
