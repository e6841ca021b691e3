-- Tests the evaluation_weights check on inline fixtures shaped like fct_evaluation_scores; returns a row for every
-- project whose outcome is not the expected. 'report_2022' is the scheme of the 2022 白云 report (line 39): 20% +
-- 50% + 30% = 100; 数量 25 + 质量 15 + 时效 10 = 产出 50; 社会效益 20 (10 + 10) and the unattached 服务对象满意度
-- group (10) make 效益 30; 否则得 0 分 is an alternative, not added.
with

fixture as (
    select * from (values
        ('report_2022', 'weight', '预算执行率', null, 20, 0),
        ('report_2022', 'weight', '产出指标', null, 50, 0),
        ('report_2022', 'weight', '效益指标', null, 30, 0),
        ('report_2022', 'weight', '数量指标', '产出指标', 25, 0),
        ('report_2022', 'scoring_points', '完成年度指标值', '数量指标', 25, 0),
        ('report_2022', 'weight', '质量指标', '产出指标', 15, 0),
        ('report_2022', 'scoring_points', '办理符合条件人员', '质量指标', 15, 0),
        ('report_2022', 'scoring_points', '否则', '质量指标', 0, 0),
        ('report_2022', 'weight', '时效指标', '产出指标', 10, 0),
        ('report_2022', 'scoring_points', '完成', '时效指标', 10, 0),
        ('report_2022', 'weight', '社会效益指标', '效益指标', 20, 0),
        ('report_2022', 'scoring_points', '提升知晓率', '社会效益指标', 10, 0),
        ('report_2022', 'scoring_points', '提高来穗人员归属感', '社会效益指标', 10, 0),
        ('report_2022', 'scoring_points', '提升来穗人员满意度', '服务对象满意度', 10, 0),
        ('report_2022', 'scoring_condition', '处理出租屋事故、故障', '时效指标', 24, 0),
        ('top_over_100', 'weight', '预算执行率', null, 20, 0),
        ('top_over_100', 'weight', '产出指标', null, 50, 0),
        ('top_over_100', 'weight', '效益指标', null, 40, 0),
        ('subweights_short', 'weight', '产出指标', null, 50, 0),
        ('subweights_short', 'weight', '效益指标', null, 50, 0),
        ('subweights_short', 'weight', '数量指标', '产出指标', 25, 0),
        ('subweights_short', 'weight', '质量指标', '产出指标', 15, 0),
        ('subweights_short', 'weight', '时效指标', '产出指标', 5, 0),
        ('points_short', 'weight', '产出指标', null, 100, 0),
        ('points_short', 'weight', '社会效益指标', '产出指标', 100, 0),
        ('points_short', 'scoring_points', '提升知晓率', '社会效益指标', 90, 0),
        ('points_short', 'scoring_points', '提高归属感', '社会效益指标', 5, 0),
        ('thirds_inside', 'weight', 'a', null, 33.3, 1),
        ('thirds_inside', 'weight', 'b', null, 33.3, 1),
        ('thirds_inside', 'weight', 'c', null, 33.3, 1),
        ('thirds_outside', 'weight', 'a', null, 33.3, 1),
        ('thirds_outside', 'weight', 'b', null, 33.3, 1),
        ('thirds_outside', 'weight', 'c', null, 33.2, 1),
        ('unattached_short', 'weight', '产出指标', null, 50, 0),
        ('unattached_short', 'weight', '效益指标', null, 50, 0),
        ('unattached_short', 'weight', '数量指标', '产出指标', 50, 0),
        ('unattached_short', 'weight', '社会效益指标', '效益指标', 30, 0),
        ('unattached_short', 'scoring_points', '提升满意度', '服务对象满意度', 10, 0)
    ) as t(project_name, item_kind, item_label, parent_label, value, printed_decimals)
),

prepared as (
    select
        *,
        project_name || ':' || item_label || ':' || item_kind as score_item_id,
        project_name as document_sha256,
        project_name as file_name,
        1 as line_start,
        1 as line_end
    from fixture
),

failures as (
    {{ evaluation_weights_check('prepared') }}
),

expected as (
    select * from (values
        ('top_over_100', 'EVA-WEIGHT-001', 110, 100),
        ('subweights_short', 'EVA-WEIGHT-002', 45, 50),
        ('points_short', 'EVA-WEIGHT-002', 95, 100),
        ('thirds_outside', 'EVA-WEIGHT-001', 99.8, 100),
        ('unattached_short', 'EVA-WEIGHT-002', 90, 100)
    ) as t(project_name, rule_id, lhs, rhs)
),

actual as (
    select document_sha256 as project_name, rule_id, lhs, rhs from failures
),

mismatches as (
    {{ fixture_mismatches(key=['project_name', 'rule_id'], checks=[
        ['wrong evidence', "a.lhs <> e.lhs or a.rhs <> e.rhs"],
    ]) }}
)

select * from mismatches
