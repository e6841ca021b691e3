-- Tests the comparison_years check (NAR-YEAR-001 year compared with, NAR-YEAR-002 year of a current amount) on
-- inline fixtures. Real sentences (copied by hand): 万里街道 2024 部门预算 "比2023年预算执行数减少57.14%" (p. 4) and
-- "截至2023年8月31日 … 共有车辆7辆" (assets); 普陀区财政局 2024 决算 "机关运行经费支出184.65万元，比2023年度增加2.55万元"
-- and "一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元"; 区政府办公室 2025 部门预算 "比2024年预算减少
-- 2,389.52万元": all consistent. The slips are made up: "比2026年预算" in a 2026 budget, a 2024 budget's "2024年当年预算
-- 执行数", a 2024 决算 compared with 2023's 年初预算 or with its own year's 决算, a 2025 amount in a 2024 budget.
with

fixture as (
    select * from (values
        ('wanli_prior_execution', 'department_budget_sh', 2024, 'growth_pct', null, null, 2023, '预算执行数', '57.14', null),
        ('govoffice_prior_budget', 'department_budget_sh', 2025, 'change', null, null, 2024, '预算', '2,389.52', null),
        ('wanli_prior_amount', 'department_budget_sh', 2024, 'prior_amount', 2023, 'execution', null, null, '60.13', null),
        ('wanli_current_amount', 'department_budget_sh', 2024, 'amount', 2024, 'budget', null, null, '25.77', null),
        ('wanli_assets', 'department_budget_sh', 2024, 'amount', 2023, null, null, null, '100', 'assets'),
        ('budget_execution_amount', 'unit_budget_sh', 2024, 'amount', 2023, 'execution', null, null, '114.00', null),
        ('finance_prior_year', 'final_accounts', 2024, 'change', null, null, 2023, null, '2.55', null),
        ('finance_own_initial', 'final_accounts', 2024, 'prior_amount', 2024, 'initial_budget', null, null, '2993.92', null),
        ('finance_completion', 'final_accounts', 2024, 'completion_pct', null, null, 2024, '年初预算', '98.20', null),
        ('report_earlier_year', 'evaluation_report', 2023, 'change', null, null, 2021, null, '3.5', null),
        ('unknown_year', 'department_budget_sh', null, 'change', null, null, 2026, '预算', '25', null),
        ('slip_same_year', 'department_budget_sh', 2026, 'change', null, null, 2026, '预算', '25', null),
        ('slip_two_years', 'department_budget_sh', 2024, 'growth_pct', null, null, 2022, '预算执行数', '0.53', null),
        ('slip_prior_amount', 'department_budget_sh', 2024, 'prior_amount', 2024, 'execution', null, null, '114.00', null),
        ('slip_final_initial', 'final_accounts', 2024, 'change', null, null, 2023, '年初预算', '2.55', null),
        ('slip_final_own_year', 'final_accounts', 2024, 'change', null, null, 2024, '决算', '2.55', null),
        ('slip_report_future', 'evaluation_report', 2023, 'change', null, null, 2024, null, '3.5', null),
        ('slip_current_amount', 'department_budget_sh', 2024, 'amount', 2025, 'budget', null, null, '352.67', null),
        ('slip_final_amount', 'final_accounts', 2024, 'amount', 2023, 'final_accounts', null, null, '184.65', null),
        -- heldout7 滨州 line 9, a news item on "2023年预算执行情况和2024年预算草案" (unclassified, its year read as 2023):
        -- "2024年,全市一般公共预算收入安排306.74亿元" is the other year the report is about, no slip
        ('report_next_year_budget', 'unclassified', 2023, 'amount', 2024, 'budget', null, null, '306.74', null),
        -- a comparison without a number of its own (the year_comparison mark, loaders/text_marks.py): 普陀区财政局 2024
        -- 决算 "与2023年度相比，财政拨款收入支出总计持平。" (line 568 of its layout text) is consistent; the same words
        -- with the document's own year (与2019年度相比 in a 2019 决算) are a slip
        ('finance_flat_prior_year', 'final_accounts', 2024, 'year_comparison', null, null, 2023, null, '与2023年度相比', null),
        ('slip_flat_own_year', 'final_accounts', 2019, 'year_comparison', null, null, 2019, null, '与2019年度相比', null),
        -- 广东省财政厅 2023 三公决算 (collected, line 3): "比上年决算数增加38.97万元…；比2019年（疫情前）决算数减少24.87万元":
        -- a second, earlier base beside the year before, on purpose
        ('guangdong_second_base', 'final_accounts', 2023, 'change', null, null, 2022, '决算', '38.97', null),
        ('guangdong_second_base', 'final_accounts', 2023, 'change', null, null, 2019, '决算', '24.87', null),
        ('guangdong_second_base_unnamed', 'final_accounts', 2023, 'change', null, null, 2019, '决算', '24.87', null),
        -- heldout49 北京市商务委 (a 2010 决算 published with the 2011 budget): "2011年“三公经费”财政拨款预算551.59万元" and
        -- "2011年预算数比2010年决算数增长" are the next year's budget and its comparison with the document's year, no
        -- slip; a 决算 amount of the year after (made up) still is
        ('final_next_year_budget', 'final_accounts', 2010, 'amount', 2011, 'budget', null, null, '551.59', null),
        ('final_next_budget_vs_own', 'final_accounts', 2010, 'change', 2011, 'budget', 2010, '决算', '129.24', null),
        ('slip_final_next_year_final', 'final_accounts', 2010, 'amount', 2011, 'final_accounts', null, null, '649.13',
         null),
        -- a slip made up on the generator's wrapped sentence (lines 92-94): "2017年当年预算执行数为527.15万元，2017 |
        -- 年预算安排1079.08万元，比2017年预算执行数 | 增加104.70%" in a 2017 budget: the finding spans the sentence's lines
        ('slip_wrapped_sentence', 'department_budget', 2017, 'amount', 2017, 'execution', null, null, '527.15', null),
        ('slip_wrapped_sentence', 'department_budget', 2017, 'growth_pct', null, null, 2017, '预算执行数', '104.70', null)
    ) as t(case_id, document_kind, document_fiscal_year, role, period_year, basis, compared_year, compared_basis,
           value_text, subject_kind)
),

numbered as (
    select
        *,
        1 as sentence_index,
        case when case_id <> 'slip_wrapped_sentence' then 1 when role = 'amount' then 92 else 94 end as line_start,
        case when case_id <> 'slip_wrapped_sentence' then 1 when role = 'amount' then 92 else 94 end as line_end,
        case
            when case_id = 'guangdong_second_base_unnamed' then '…比上年决算数增加38.97万元…；比2019年（疫情前）决算数减少24.87万元'
            else '…'
        end as sentence
    from fixture
),

prepared as (
    {{ statement_fixture_rows('numbered', ['document_kind', 'document_fiscal_year', 'role', 'period_year', 'basis',
        'compared_year', 'compared_basis', 'value_text', 'subject_kind', 'sentence_index', 'sentence', 'line_start',
        'line_end']) }}
),

failures as (
    {{ comparison_years_check('prepared') }}
),

expected as (
    select * from (values
        ('slip_same_year', 'NAR-YEAR-001', 2026, 2025),
        ('slip_two_years', 'NAR-YEAR-001', 2022, 2023),
        ('slip_prior_amount', 'NAR-YEAR-001', 2024, 2023),
        ('slip_final_initial', 'NAR-YEAR-001', 2023, 2024),
        ('slip_final_own_year', 'NAR-YEAR-001', 2024, 2023),
        ('slip_report_future', 'NAR-YEAR-001', 2024, null),
        ('slip_current_amount', 'NAR-YEAR-002', 2025, 2024),
        ('slip_final_amount', 'NAR-YEAR-002', 2023, 2024),
        ('slip_final_next_year_final', 'NAR-YEAR-002', 2011, 2010),
        ('slip_flat_own_year', 'NAR-YEAR-001', 2019, 2018),
        ('slip_wrapped_sentence', 'NAR-YEAR-001', 2017, 2016)
    ) as t(case_id, rule_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs is distinct from e.rhs"],
        ['lines not those of the sentence', "a.case_id = 'slip_wrapped_sentence' and (a.line_start <> 92 or a.line_end <> 94)"],
    ]) }}
)

select * from mismatches
