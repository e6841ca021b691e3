-- Performance targets by indicator type: every 年度 target a project (or department) set, under its 一级/二级
-- indicator type (1 产出: 11 数量, 12 质量, 13 时效, 14 成本; 2 效益; 3 满意度), with its printed value parsed into
-- comparison, number, unit and period, and the 实施周期 value beside it where the table prints one.
with

targets as (
    select * from {{ ref('fct_indicator_targets') }}
),

annual as (
    select * from targets
    where value_period_kind in ('annual', 'target')
),

cycle as (
    select * from targets
    where value_period_kind = 'cycle' and sequence_no is not null
),

final as (
    select
        annual.department_name,
        annual.project_name,
        annual.level1_code,
        annual.level1_name,
        annual.level2_code,
        annual.level2_name,
        annual.indicator_name,
        annual.value_text,
        annual.comparison,
        annual.target_value,
        annual.target_unit,
        annual.target_period,
        annual.is_qualitative,
        cycle.value_text as cycle_value_text,
        annual.file_name,
        annual.source_locator
    from annual
    left join cycle
        on cycle.document_sha256 = annual.document_sha256
        and cycle.project_name = annual.project_name
        and cycle.sequence_no = annual.sequence_no
    order by annual.file_name, annual.project_name, annual.level1_code, annual.level2_code, annual.sequence_no,
        annual.indicator_name
)

select * from final
