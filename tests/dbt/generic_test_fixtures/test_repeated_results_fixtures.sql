-- Tests the repeated_results check on inline fixtures; returns a row for every case whose outcome is not the expected.
-- The real pairs of the 白云 reports (2022 vs 2023): 63219 条 / 6.32万条 and 143459 条 / 14.34万条 (truncated) are
-- the same; 10.1万人次 / 10万人次 are not (10万 has too few significant digits to tell); 3435 / 3360 differ.
-- Around 6.32万条 (step 100 条): 63150 and 63299 are just inside [63150, 63300), 63149 and 63300 just outside.
with

fixture as (
    select * from (values
        ('p', 2022, 'copied_exact', '3576', '名', 0, 1, '名', 3576),
        ('p', 2023, 'copied_exact', '3576', '名', 0, 1, '名', 3576),
        ('p', 2022, 'copied_wan', '63219', '条', 0, 1, '条', 63219),
        ('p', 2023, 'copied_wan', '6.32', '万条', 2, 10000, '条', 63200),
        ('p', 2022, 'copied_truncated', '143459', '条', 0, 1, '条', 143459),
        ('p', 2023, 'copied_truncated', '14.34', '万条', 2, 10000, '条', 143400),
        ('p', 2022, 'round_number', '10.1', '万人次', 1, 10000, '人次', 101000),
        ('p', 2023, 'round_number', '10', '万人次', 0, 10000, '人次', 100000),
        ('p', 2022, 'different', '3435', '名', 0, 1, '名', 3435),
        ('p', 2023, 'different', '3360', '名', 0, 1, '名', 3360),
        ('q', 2022, 'low_edge_inside', '63150', '间', 0, 1, '间', 63150),
        ('q', 2023, 'low_edge_inside', '6.32', '万间', 2, 10000, '间', 63200),
        ('r', 2022, 'high_edge_inside', '63299', '户', 0, 1, '户', 63299),
        ('r', 2023, 'high_edge_inside', '6.32', '万户', 2, 10000, '户', 63200),
        ('s', 2022, 'low_edge_outside', '63149', '间', 0, 1, '间', 63149),
        ('s', 2023, 'low_edge_outside', '6.32', '万间', 2, 10000, '间', 63200),
        ('t', 2022, 'high_edge_outside', '63300', '户', 0, 1, '户', 63300),
        ('t', 2023, 'high_edge_outside', '6.32', '万户', 2, 10000, '户', 63200),
        ('u', 2023, 'same_year', '8888', '人', 0, 1, '人', 8888),
        ('u', 2023, 'same_year', '8888', '人', 0, 1, '人', 8888),
        ('v', 2022, 'other_unit', '777', '个', 0, 1, '个', 777),
        ('v', 2023, 'other_unit', '777', '次', 0, 1, '次', 777),
        ('w', 2022, 'other_project', '5555', '名', 0, 1, '名', 5555),
        ('x', 2023, 'other_project', '5555', '名', 0, 1, '名', 5555),
        ('y', 2022, 'hundred_percent', '100', '%', 0, 1, '%', 100),
        ('y', 2023, 'hundred_percent', '100', '%', 0, 1, '%', 100)
    ) as t(project_id, fiscal_year, case_id, value_text, printed_unit, printed_decimals, unit_multiplier, base_unit,
           value_in_base_unit)
),

prepared as (
    select
        *,
        case_id || ':' || cast(fiscal_year as varchar) as document_sha256,
        case_id as file_name,
        1 as line_start,
        1 as line_end,
        case_id as source_locator
    from fixture
),

failures as (
    {{ repeated_results_check('prepared') }}
),

expected as (
    select * from (values
        ('copied_exact'), ('copied_wan'), ('copied_truncated'), ('low_edge_inside'), ('high_edge_inside')
    ) as t(case_id)
),

actual as (
    select file_name as case_id, rule_id, document_sha256 from failures
),

mismatches as (
    {{ fixture_mismatches(checks=[
        ['reported on the earlier report or under another rule',
         "a.document_sha256 not like '%:2023' or a.rule_id <> 'EVA-COPY-001'"],
    ]) }}
)

select * from mismatches
