-- Tests the indicator_taxonomy check on inline fixtures; returns a row for every case whose outcome is not the
-- expected. The taxonomy is a copy of the national one's relevant rows (seed indicator_taxonomy).
with

taxonomy as (
    select * from (values
        ('1', '产出指标', 1, null), ('11', '数量指标', 2, '1'), ('12', '质量指标', 2, '1'), ('13', '时效指标', 2, '1'),
        ('2', '效益指标', 1, null), ('22', '社会效益指标', 2, '2'), ('24', '可持续影响指标', 2, '2'),
        ('3', '满意度指标', 1, null), ('31', '服务对象满意度指标', 2, '3')
    ) as t(indicator_code, indicator_name, indicator_level, parent_code)
),

fixture as (
    select * from (values
        ('codes_ok',            '1', '产出指标', '11', '数量指标'),
        ('short_name_ok',       '2', '效益指标', '22', '社会效益'),
        ('names_only_ok',       null, '满意度指标', null, '服务对象满意度指标'),
        ('level1_only_ok',      '2', '效益指标', null, null),
        ('wrong_parent_code',   '2', '效益指标', '11', '数量指标'),
        ('code_name_mismatch',  '1', '产出指标', '12', '时效指标'),
        ('wrong_parent_names',  null, '效益指标', null, '质量指标'),
        ('unknown_code',        '1', '产出指标', '19', '数量指标'),
        ('unknown_name',        null, '产出指标', null, '速度指标')
    ) as t(case_id, level1_code, level1_name, level2_code, level2_name)
),

prepared as (
    select *, case_id as document_sha256, case_id as file_name, 1 as line_start, 1 as line_end,
        case_id as source_locator
    from fixture
),

failures as (
    {{ indicator_taxonomy_check('prepared', 'taxonomy') }}
),

expected as (
    select * from (values
        ('wrong_parent_code'), ('code_name_mismatch'), ('wrong_parent_names'), ('unknown_code'), ('unknown_name')
    ) as t(case_id)
),

actual as (
    select document_sha256 as case_id, rule_id, message from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['wrong rule or no message', "a.rule_id <> 'IND-TAX-001' or a.message is null"],
    ]) }}
)

select * from mismatches
