-- Tests the copied_figures check (NAR-COPY-002) on inline fixtures. 万里街道 2024 部门预算 (p. 4-6, copied by hand): item 4
-- 宣传事务 114.00 -> 110.60 (−2.98%), item 5 统战事务 9.00 -> 11.91 (+32.33%), items 10 科普活动 10.00 -> 10.00 and 11 群众体育
-- 20.00 -> 20.00 (持平): no two items share their three figures. Made up on item 住房公积金 (348.52 -> 352.67, +0.53%): a second
-- subject carrying the same three figures fails (the later one); the same figures under the same subject, with the
-- other direction, with another growth, in another unit, or round figures (25.00 from 0.00, +100.00%) pass. An item
-- printed in two spellings of one name (购房补贴（项） and 购房补贴, one key) is named by the same one every build: the
-- first printed, then the first in text order (购房补贴).
with

fixture as (
    select * from (values
        ('wanli', 4, '宣传事务', 'amount', '110.60', '万元', null),
        ('wanli', 4, '宣传事务', 'prior_amount', '114.00', '万元', null),
        ('wanli', 4, '宣传事务', 'growth_pct', '2.98', '%', -1),
        ('wanli', 5, '统战事务', 'amount', '11.91', '万元', null),
        ('wanli', 5, '统战事务', 'prior_amount', '9.00', '万元', null),
        ('wanli', 5, '统战事务', 'growth_pct', '32.33', '%', 1),
        ('wanli', 10, '科普活动', 'amount', '10.00', '万元', null),
        ('wanli', 10, '科普活动', 'prior_amount', '10.00', '万元', null),
        ('wanli', 10, '科普活动', 'change', null, null, 0),
        ('wanli', 11, '群众体育', 'amount', '20.00', '万元', null),
        ('wanli', 11, '群众体育', 'prior_amount', '20.00', '万元', null),
        ('wanli', 11, '群众体育', 'change', null, null, 0),
        ('copied_item', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('copied_item', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('copied_item', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('copied_item', 31, '购房补贴', 'amount', '352.67', '万元', null),
        ('copied_item', 31, '购房补贴', 'prior_amount', '348.52', '万元', null),
        ('copied_item', 31, '购房补贴', 'growth_pct', '0.53', '%', 1),
        ('spellings', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('spellings', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('spellings', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('spellings', 31, '购房补贴（项）', 'amount', '352.67', '万元', null),
        ('spellings', 31, '购房补贴', 'prior_amount', '348.52', '万元', null),
        ('spellings', 31, '购房补贴', 'growth_pct', '0.53', '%', 1),
        ('same_subject', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('same_subject', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('same_subject', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('same_subject', 40, '住房公积金', 'amount', '352.67', '万元', null),
        ('same_subject', 40, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('same_subject', 40, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('other_direction', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('other_direction', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('other_direction', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('other_direction', 31, '购房补贴', 'amount', '352.67', '万元', null),
        ('other_direction', 31, '购房补贴', 'prior_amount', '348.52', '万元', null),
        ('other_direction', 31, '购房补贴', 'growth_pct', '0.53', '%', -1),
        ('other_growth', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('other_growth', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('other_growth', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('other_growth', 31, '购房补贴', 'amount', '352.67', '万元', null),
        ('other_growth', 31, '购房补贴', 'prior_amount', '348.52', '万元', null),
        ('other_growth', 31, '购房补贴', 'growth_pct', '0.64', '%', 1),
        ('other_unit', 30, '住房公积金', 'amount', '352.67', '万元', null),
        ('other_unit', 30, '住房公积金', 'prior_amount', '348.52', '万元', null),
        ('other_unit', 30, '住房公积金', 'growth_pct', '0.53', '%', 1),
        ('other_unit', 31, '购房补贴', 'amount', '352.67', '元', null),
        ('other_unit', 31, '购房补贴', 'prior_amount', '348.52', '元', null),
        ('other_unit', 31, '购房补贴', 'growth_pct', '0.53', '%', 1),
        ('round_figures', 7, '公共法律服务', 'amount', '25.00', '万元', null),
        ('round_figures', 7, '公共法律服务', 'prior_amount', '0.00', '万元', null),
        ('round_figures', 7, '公共法律服务', 'growth_pct', '100.00', '%', 1),
        ('round_figures', 9, '其他教育支出', 'amount', '25.00', '万元', null),
        ('round_figures', 9, '其他教育支出', 'prior_amount', '0.00', '万元', null),
        ('round_figures', 9, '其他教育支出', 'growth_pct', '100.00', '%', 1)
    ) as t(case_id, sentence_index, subject, role, value_text, printed_unit, direction)
),

described as (
    select *, '2023年当年预算执行数为…万元，2024年预算安排…万元，比2023年预算执行数增加…%。' as sentence from fixture
),

prepared as (
    {{ statement_fixture_rows('described', ['sentence_index', 'subject', 'role', 'value_text', 'printed_unit',
        'direction', 'sentence']) }}
),

failures as (
    {{ copied_figures_check('prepared') }}
),

expected as (
    select * from (values ('copied_item', 31), ('spellings', 31)) as t(case_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'line_start'], one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-COPY-002' or a.message not like '“购房补贴” states 352.67万元, prior 348.52万元, +0.53%%住房公积金%'
            or a.quoted_source not like a.case_id || ':30: %' || chr(10) || a.case_id || ':31: %'"],
    ]) }}
)

select * from mismatches
