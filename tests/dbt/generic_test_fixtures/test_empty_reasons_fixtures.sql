-- Tests the empty_reasons check (NAR-TEXT-003 after a real change, NAR-TEXT-004 otherwise) on inline fixtures.
-- 普陀区社会福利院 2024 单位预算 (p. 15, copied by hand): "（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。"
-- -- an empty reason after 持平: NAR-TEXT-004. The same sentence with 增加 is NAR-TEXT-003; a reason printed as a
-- sentence of its own after the change (sentence before) binds to it; a filled reason is no finding.
with

fixture as (
    select * from (values
        ('welfarehome_unchanged', 3, 'amount', '公务用车购置及运行费', '6.40', '万元', null,
         '（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。'),
        ('welfarehome_unchanged', 3, 'change', '公务用车购置及运行费', null, null, 0,
         '（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。'),
        ('welfarehome_unchanged', 3, 'empty_reason', '公务用车购置及运行费', null, null, null,
         '（二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是。'),
        ('increase_same_sentence', 3, 'change', '公务用车购置及运行费', '25', '万元', 1,
         '（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是。'),
        ('increase_same_sentence', 3, 'empty_reason', '公务用车购置及运行费', null, null, null,
         '（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是。'),
        -- 万里 item 1 with its reason emptied: the reason is a sentence of its own after the change
        ('decrease_sentence_before', 7, 'growth_pct', null, '57.14', '%', -1,
         '2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。'),
        ('decrease_sentence_before', 8, 'empty_reason', null, null, null, null, '主要原因是：。'),
        -- a change two sentences earlier is not the one explained; nothing else: an unfilled template
        ('change_too_far', 5, 'change', '住房公积金', '2.15', '万元', 1, '比2023年预算执行数增加2.15万元。'),
        ('change_too_far', 6, 'amount', '住房公积金', '350.35', '万元', null, '住房公积金350.35万元。'),
        ('change_too_far', 7, 'empty_reason', '住房公积金', null, null, null, '主要原因是。'),
        -- the change of another subject in the same sentence is not the one explained
        ('other_subject', 2, 'change', '公务接待费', '0.35', '万元', 1,
         '公务接待费1.35万元，比2023年预算增加0.35万元；因公出国（境）费0万元，与2023年预算持平，主要原因是。'),
        ('other_subject', 2, 'change', '因公出国（境）费', null, null, 0,
         '公务接待费1.35万元，比2023年预算增加0.35万元；因公出国（境）费0万元，与2023年预算持平，主要原因是。'),
        ('other_subject', 2, 'empty_reason', '因公出国（境）费', null, null, null,
         '公务接待费1.35万元，比2023年预算增加0.35万元；因公出国（境）费0万元，与2023年预算持平，主要原因是。'),
        -- a reason given: no empty_reason statement, no finding
        ('filled_reason', 3, 'change', '公务用车购置费', '25', '万元', 1,
         '公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车。')
    ) as t(case_id, sentence_index, role, subject, value_text, printed_unit, direction, sentence)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'role', 'subject', 'value_text', 'printed_unit',
        'direction', 'sentence']) }}
),

failures as (
    {{ empty_reasons_check('prepared') }}
),

expected as (
    select * from (values
        ('welfarehome_unchanged', 'NAR-TEXT-004', 0),
        ('increase_same_sentence', 'NAR-TEXT-003', 1),
        ('decrease_sentence_before', 'NAR-TEXT-003', -1),
        ('change_too_far', 'NAR-TEXT-004', null),
        ('other_subject', 'NAR-TEXT-004', 0)
    ) as t(case_id, rule_id, lhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs is distinct from e.lhs
            or a.quoted_source not like '%主要原因是%'"],
    ]) }}
)

select * from mismatches
