-- Tests the copied_reasons check (NAR-COPY-001) on inline fixtures. 万里街道 2024 部门预算 items 1-16 (pp. 4-5, copied by
-- hand): item 15 机关事业单位职业年金缴费支出 gives "主要原因是：事业单位离退休经费增加", word for word the reason of item 13
-- 事业单位离退休, which names item 13 and not item 15: fails (item 15 only). Consistent: items 12-14 and 16 each name
-- themselves; items 2-6 all end in 一般行政管理事务 (a 项 name five 款 share) and each names its own 款; items 1 and 9 share
-- "项目调整", which names no subject. Subjects are given with a path (case wanli) or printed with their markers
-- （类）（款）（项） (case wanli_markers); the same text in two documents is no finding.
with

items as (
    select * from (values
        (1, '一般公共服务支出', '统计信息事务', '专项普查活动', '主要原因是：项目调整。'),
        (2, '一般公共服务支出', '群众团体事务', '一般行政管理事务', '主要原因是：群众团体事务一般行政管理事务经费减少。'),
        (3, '一般公共服务支出', '组织事务', '一般行政管理事务', '主要原因是：组织事务一般行政管理事务经费增加。'),
        (4, '一般公共服务支出', '宣传事务', '一般行政管理事务', '主要原因是：宣传事务一般行政管理事务经费增加。'),
        (5, '一般公共服务支出', '统战事务', '一般行政管理事务', '主要原因是：统战事务一般行政管理事务经费增加。'),
        (6, '一般公共服务支出', '市场监督管理事务', '一般行政管理事务', '主要原因是：市场监督管理事务一般行政管理事务经费减少。'),
        (9, '教育支出', '其他教育支出', '其他教育支出', '主要原因是：项目调整。'),
        (12, '社会保障和就业支出', '行政事业单位养老支出', '行政单位离退休', '主要原因是：行政单位离退休经费增加。'),
        (13, '社会保障和就业支出', '行政事业单位养老支出', '事业单位离退休', '主要原因是：事业单位离退休经费增加。'),
        (14, '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出',
         '主要原因是：机关事业单位基本养老保险缴费支出经费增加。'),
        (15, '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位职业年金缴费支出', '主要原因是：事业单位离退休经费增加。'),
        (16, '社会保障和就业支出', '行政事业单位养老支出', '其他行政事业单位养老支出', '主要原因是：其他行政事业单位养老支出经费增加。')
    ) as t(item, class_name, section_name, item_name, reason_text)
),

fixture as (
    -- the same items once with subject_path, once printed with markers only, and item 13 alone in a third document
    select
        'wanli' as case_id, item as sentence_index, item_name as subject,
        class_name || '/' || section_name || '/' || item_name as subject_path, reason_text,
        '2023年当年预算执行数为…，比2023年预算执行数增加…%。' as sentence
    from items
    union all
    select
        'wanli_markers', item, '“' || class_name || '（类）' || section_name || '（款）' || item_name || '（项）”', null,
        reason_text, '…'
    from items
    union all
    select 'other_document', item, item_name, null, reason_text, '…' from items where item = 15
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'subject', 'subject_path', 'reason_text', 'sentence']) }}
),

failures as (
    {{ copied_reasons_check('prepared') }}
),

expected as (
    select * from (values ('wanli', 15), ('wanli_markers', 15)) as t(case_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'line_start'], one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-COPY-001' or a.message not like '%事业单位离退休%'
            or a.quoted_source not like a.case_id || ':15: %' || chr(10) || a.case_id || ':13: %'"],
    ]) }}
)

select * from mismatches
