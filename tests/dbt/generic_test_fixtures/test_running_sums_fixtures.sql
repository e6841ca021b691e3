-- Tests the running_sums check (NAR-SUM-001/002) on inline fixtures written for it: a balance stated as a running sum
-- (marks sum_base, sum_add / sum_subtract, sum_result of one sentence). The tolerance is the sum of the half steps of
-- every printed term in 元. Hand arithmetic per case:
--   spending_exact: 59.69 + 1.4 + 0.46 + 0.8 + 3.48 = 65.83 亿元 against 65.83: exact, nothing.
--     (the same terms against 66.05 亿元: spending_off, 0.22 亿元 = 22 000 000 元 beyond the tolerance
--      0.005 + 0.05 + 0.005 + 0.05 + 0.005 + 0.005 亿元 = 0.12 亿元 = 12 000 000 元: error)
--   mixed_units_just_inside: 3.2 亿元 + 1500 万元 = 33 500 万元, printed 3.36 亿元 = 33 600 万元: d = 100 万元 =
--     1 000 000 元; tolerance 0.05 亿元 (5 000 000) + 0.5 万元 (5 000) + 0.005 亿元 (500 000) = 5 505 000 元: notice.
--   just_outside: 100 万元 + 20 万元 = 120, printed 121 万元: d = 1 万元 = 10 000 元; tolerance 3 × 5 000 = 15 000:
--     notice (just inside); printed 122 万元: d = 20 000 ≥ 15 000: error; printed 121.5 万元 (tolerance 10 000 +
--     500 = 10 500; d = 15 000): error.
--   subtract_exact: 5000 − 300 − 200.5 = 4499.5 万元 printed 4499.5: exact. subtract_off: printed 4500.5: d = 1 万元 =
--     10 000 元, tolerance 5 000 + 5 000 + 500 + 500 = 11 000: notice. subtract_outside: 5000 − 300 + 200.5 = 4900.5
--     printed 4902.5: d = 2 万元 = 20 000 元 ≥ 11 000: error.
--   at_tolerance: 100 + 20 + 5 = 125 万元 printed 127: d = 20 000 元 = the tolerance 4 × 5 000: error (not within).
--   two_bases / no_result / no_terms / other_unit: not judged (the sum is not certain, or 万人 is no money).
with

fixture as (
    select * from (values
        -- case, role, position, printed number, unit
        ('spending_exact', 'sum_base', 0, '59.69', '亿元'),
        ('spending_exact', 'sum_add', 1, '1.4', '亿元'),
        ('spending_exact', 'sum_add', 2, '0.46', '亿元'),
        ('spending_exact', 'sum_add', 3, '0.8', '亿元'),
        ('spending_exact', 'sum_add', 4, '3.48', '亿元'),
        ('spending_exact', 'sum_result', 5, '65.83', '亿元'),
        ('spending_off', 'sum_base', 0, '59.69', '亿元'),
        ('spending_off', 'sum_add', 1, '1.4', '亿元'),
        ('spending_off', 'sum_add', 2, '0.46', '亿元'),
        ('spending_off', 'sum_add', 3, '0.8', '亿元'),
        ('spending_off', 'sum_add', 4, '3.48', '亿元'),
        ('spending_off', 'sum_result', 5, '66.05', '亿元'),
        ('mixed_units_just_inside', 'sum_base', 0, '3.2', '亿元'),
        ('mixed_units_just_inside', 'sum_add', 1, '1500', '万元'),
        ('mixed_units_just_inside', 'sum_result', 2, '3.36', '亿元'),
        ('one_off_inside', 'sum_base', 0, '100', '万元'),
        ('one_off_inside', 'sum_add', 1, '20', '万元'),
        ('one_off_inside', 'sum_result', 2, '121', '万元'),
        ('two_off_outside', 'sum_base', 0, '100', '万元'),
        ('two_off_outside', 'sum_add', 1, '20', '万元'),
        ('two_off_outside', 'sum_result', 2, '122', '万元'),
        ('finer_result_outside', 'sum_base', 0, '100', '万元'),
        ('finer_result_outside', 'sum_add', 1, '20', '万元'),
        ('finer_result_outside', 'sum_result', 2, '121.5', '万元'),
        ('subtract_exact', 'sum_base', 0, '5,000', '万元'),
        ('subtract_exact', 'sum_subtract', 1, '300', '万元'),
        ('subtract_exact', 'sum_subtract', 2, '200.5', '万元'),
        ('subtract_exact', 'sum_result', 3, '4499.5', '万元'),
        ('subtract_inside', 'sum_base', 0, '5000', '万元'),
        ('subtract_inside', 'sum_subtract', 1, '300', '万元'),
        ('subtract_inside', 'sum_subtract', 2, '200.5', '万元'),
        ('subtract_inside', 'sum_result', 3, '4500.5', '万元'),
        ('subtract_outside', 'sum_base', 0, '5000', '万元'),
        ('subtract_outside', 'sum_subtract', 1, '300', '万元'),
        ('subtract_outside', 'sum_add', 2, '200.5', '万元'),
        ('subtract_outside', 'sum_result', 3, '4902.5', '万元'),
        ('at_tolerance', 'sum_base', 0, '100', '万元'),
        ('at_tolerance', 'sum_add', 1, '20', '万元'),
        ('at_tolerance', 'sum_add', 2, '5', '万元'),
        ('at_tolerance', 'sum_result', 3, '127', '万元'),
        ('two_bases', 'sum_base', 0, '100', '万元'),
        ('two_bases', 'sum_base', 0, '90', '万元'),
        ('two_bases', 'sum_add', 1, '20', '万元'),
        ('two_bases', 'sum_result', 2, '150', '万元'),
        ('no_result', 'sum_base', 0, '100', '万元'),
        ('no_result', 'sum_add', 1, '20', '万元'),
        ('no_terms', 'sum_base', 0, '100', '万元'),
        ('no_terms', 'sum_result', 1, '150', '万元'),
        ('other_unit', 'sum_base', 0, '100', '万人'),
        ('other_unit', 'sum_add', 1, '20', '万元'),
        ('other_unit', 'sum_result', 2, '150', '万元')
    ) as t(case_id, role, list_index, value_text, printed_unit)
),

with_sentence as (
    select *, 1 as sentence_index, case_id as sentence from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentence', ['role', 'list_index', 'value_text', 'printed_unit', 'sentence_index',
        'sentence']) }}
),

failures as (
    {{ running_sums_check('prepared') }}
),

expected as (
    select * from (values
        ('spending_off', 'NAR-SUM-001', 6605000000, 6583000000, 12000000),
        ('mixed_units_just_inside', 'NAR-SUM-002', 336000000, 335000000, 5505000),
        ('one_off_inside', 'NAR-SUM-002', 1210000, 1200000, 15000),
        ('two_off_outside', 'NAR-SUM-001', 1220000, 1200000, 15000),
        ('finer_result_outside', 'NAR-SUM-001', 1215000, 1200000, 10500),
        ('subtract_inside', 'NAR-SUM-002', 45005000, 44995000, 11000),
        ('subtract_outside', 'NAR-SUM-001', 49025000, 49005000, 11000),
        ('at_tolerance', 'NAR-SUM-001', 1270000, 1250000, 20000)
    ) as t(case_id, rule_id, lhs, rhs, tolerance)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.difference <> e.lhs - e.rhs or a.tolerance <> e.tolerance"],
    ]) }}
)

select * from mismatches
