-- Tests the classification_code_check (rule DIM-CODE-001) on inline fixtures; returns a row for every case whose
-- outcome is not the expected one. Passing: a known code at class, 款 and 项 level under its listed name (also with
-- spaces and full-width brackets printed differently), a known code under another listed name, cut short or after a list prefix (一、), a project row (a
-- 项目支出明细表 names its project, not the code), a well-formed 项
-- the list lacks under a listed 款 (recorded, not reported), a 项 under a 款 the list lacks but the same document
-- prints, a null code (a total line). Failing: a code whose digits do not fit its printed parts ("7 11 02" -> 71102
-- printed as a 项), a code of no valid length, a code under an unknown 类, a known code printed under the name of
-- another code, a 项 under a 款 neither listed nor printed in its document, and one line printing the same wrong code in
-- several figures (one finding).
with

code_list as (
    select * from (values
        ('201', '一般公共服务支出'),
        ('20103', '政府办公厅（室）及相关机构事务'),
        ('2010301', '行政运行'),
        ('2010301', '行政运行支出'),
        ('2010302', '一般行政管理事务'),
        ('2101101', '行政单位医疗'),
        ('210', '卫生健康支出'),
        ('21011', '行政事业单位医疗'),
        ('2101102', '事业单位医疗')
    ) as t(code, name_zh)
),

fixture as (
    select * from (values
        ('known_class',          '201',     'class',   '一般公共服务支出',            1),
        ('known_section',        '20103',   'section', '政府办公厅(室)及相关机构事务', 1),
        ('known_item_spaced',    '2010301', 'item',    '行 政 运 行',                  1),
        ('known_other_name',     '2010301', 'item',    '行政运行支出',                 1),
        ('known_cut_short',      '2101102', 'item',    '事业单位医',                   1),
        ('known_prefixed',       '201',     'class',   '一、一般公共服务支出',         1),
        ('project_row',          '2010302', 'item',    '某某信息化运维项目',           1),
        ('unlisted_item',        '2010350', 'item',    '事业运行',                     1),
        ('item_under_printed',   '2010602', 'item',    '一般行政管理事务',             1),
        ('item_under_printed',   '20106',   'section', '财政事务',                     1),
        ('no_code',              null,      'total',   '合计',                         1),
        ('short_class',          '71102',   'item',    '事业单位医疗',                 1),
        ('bad_length',           '2010',    'item',    '行政运行',                     1),
        ('unknown_class',        '2990101', 'item',    '某项支出',                     1),
        ('name_conflict',        '2101102', 'item',    '行政单位医疗',                 1),
        ('unknown_section',      '2019901', 'item',    '其他支出',                     1),
        ('conflict_repeated',    '2010301', 'item',    '一般行政管理事务',             1),
        ('conflict_repeated',    '2010301', 'item',    '一般行政管理事务',             2),
        ('conflict_repeated',    '2010301', 'item',    '一般行政管理事务',             3)
    ) as t(case_id, code, row_kind, row_label, figure_no)
),

prepared as (
    select
        case_id as document_sha256,
        case_id as file_name,
        cast(null as integer) as page,
        7 as line_start,
        7 as line_end,
        case_id || ':7' as source_locator,
        code,
        row_kind,
        row_label
    from fixture
),

failures as (
    {{ classification_code_check('prepared', 'code', 'code_list', scheme_label='功能分类', max_parts=3) }}
),

expected as (
    select * from (values
        ('short_class', 'DIM-CODE-001',
         '功能分类 71102 is malformed: its digits do not fit the parts printed (类 3 digits, 款 5, 项 7)'),
        ('bad_length', 'DIM-CODE-001',
         '功能分类 2010 is malformed: its digits do not fit the parts printed (类 3 digits, 款 5, 项 7)'),
        ('unknown_class', 'DIM-CODE-001', '功能分类 2990101 is under 类 299, which is no class of the code list'),
        ('name_conflict', 'DIM-CODE-001', '功能分类 2101102 is printed as 行政单位医疗; the code list names it 事业单位医疗'),
        ('unknown_section', 'DIM-CODE-001',
         '功能分类 2019901 is under 款 20199, which is neither in the code list nor printed in the document'),
        ('conflict_repeated', 'DIM-CODE-001',
         '功能分类 2010301 is printed as 一般行政管理事务; the code list names it 行政运行；行政运行支出')
    ) as t(case_id, rule_id, message)
),

actual as (
    select document_sha256 as case_id, rule_id, message from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'rule_id', 'message'], one_row_each=true) }}
)

select * from mismatches
