-- Tests the three_public_parts check (NAR-PARTS-301/302) on inline fixtures written for it: the “三公” total and its
-- three parts, each stated in a sentence of its own. 10 + 15 + 25 = 50 holds; changes −1 − 3 − 6 = −10 against a
-- total's −12 fails (NAR-PARTS-301, lhs −100,000 元, rhs −120,000 元); printed to whole 万元 each figure stands for ±0.5
-- 万元, so four of them allow 2 万元: 10 + 15 + 26 = 51 against 50 is just inside (notice NAR-PARTS-302), 10 + 15 + 27
-- = 52 just outside (error). Not judged: the parts in one 其中 list of the total (the list checks judge them), a total
-- printed twice with two values, a part missing, a total of one basis with parts of another, parts in 元 and the total
-- in 万元 (converted: 100,000 + 150,000 + 250,000 元 = 50 万元 holds).
with

fixture as (
    select * from (values
        ('holds', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('holds', 2, 'amount', '因公出国（境）费', '10', '万元', null, null, null, null),
        ('holds', 3, 'amount', '公务接待费', '15', '万元', null, null, null, null),
        ('holds', 4, 'amount', '公务用车购置及运行维护费', '25', '万元', null, null, null, null),
        ('fails', 1, 'change', '“三公”经费', '12', '万元', -1, null, null, null),
        ('fails', 2, 'change', '因公出国（境）费', '1', '万元', -1, null, null, null),
        ('fails', 3, 'change', '公务接待费', '3', '万元', -1, null, null, null),
        ('fails', 4, 'change', '公务用车购置及运行费', '6', '万元', -1, null, null, null),
        ('just_inside', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('just_inside', 2, 'amount', '因公出国费', '10', '万元', null, null, null, null),
        ('just_inside', 3, 'amount', '公务接待费', '15', '万元', null, null, null, null),
        ('just_inside', 4, 'amount', '公务用车购置和运行维护费', '26', '万元', null, null, null, null),
        ('just_outside', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('just_outside', 2, 'amount', '因公出国费', '10', '万元', null, null, null, null),
        ('just_outside', 3, 'amount', '公务接待费', '15', '万元', null, null, null, null),
        ('just_outside', 4, 'amount', '公务用车购置及运行费', '27', '万元', null, null, null, null),
        ('one_list', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('one_list', 1, 'amount', '因公出国费', '10', '万元', null, null, '三公经费', 1),
        ('one_list', 1, 'amount', '公务接待费', '15', '万元', null, null, '三公经费', 1),
        ('one_list', 1, 'amount', '公务用车购置及运行费', '30', '万元', null, null, '三公经费', 1),
        ('total_twice', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('total_twice', 2, 'amount', '三公经费', '60', '万元', null, null, null, null),
        ('total_twice', 3, 'amount', '因公出国费', '10', '万元', null, null, null, null),
        ('total_twice', 4, 'amount', '公务接待费', '15', '万元', null, null, null, null),
        ('total_twice', 5, 'amount', '公务用车购置及运行费', '30', '万元', null, null, null, null),
        ('part_missing', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('part_missing', 2, 'amount', '公务接待费', '15', '万元', null, null, null, null),
        ('part_missing', 3, 'amount', '公务用车购置及运行费', '30', '万元', null, null, null, null),
        ('two_bases', 1, 'amount', '三公经费', '50', '万元', null, 'budget', null, null),
        ('two_bases', 2, 'amount', '因公出国费', '10', '万元', null, 'final_accounts', null, null),
        ('two_bases', 3, 'amount', '公务接待费', '15', '万元', null, 'final_accounts', null, null),
        ('two_bases', 4, 'amount', '公务用车购置及运行费', '30', '万元', null, 'final_accounts', null, null),
        ('units', 1, 'amount', '三公经费', '50', '万元', null, null, null, null),
        ('units', 2, 'amount', '因公出国费', '100000', '元', null, null, null, null),
        ('units', 3, 'amount', '公务接待费', '150000', '元', null, null, null, null),
        ('units', 4, 'amount', '公务用车购置及运行费', '250000', '元', null, null, null, null)
    ) as t(case_id, sentence_index, role, subject, value_text, printed_unit, direction, basis, parent_subject,
           list_index)
),

with_sentences as (
    select *, 2024 as period_year,
        case when role = 'change' then 'budget' end as compared_basis,
        subject || '…' || value_text || printed_unit as sentence
    from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'subject', 'value_text', 'printed_unit',
        'direction', 'basis', 'parent_subject', 'list_index', 'period_year', 'compared_basis', 'sentence']) }}
),

failures as (
    {{ three_public_parts_check('prepared') }}
),

expected as (
    select * from (values
        ('fails', 'NAR-PARTS-301', -100000.0, -120000.0),
        ('just_inside', 'NAR-PARTS-302', 510000.0, 500000.0),
        ('just_outside', 'NAR-PARTS-301', 520000.0, 500000.0)
    ) as t(case_id, rule_id, lhs, rhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> e.rule_id or a.lhs <> e.lhs or a.rhs <> e.rhs
            or a.tolerance <> 20000 or a.message not like '%三公%' or a.quoted_source not like '%公务接待费%'"],
    ]) }}
)

select * from mismatches
