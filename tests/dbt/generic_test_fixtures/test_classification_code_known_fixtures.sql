-- Tests the classification_code_known check on inline fixtures; returns a row for every case whose outcome is not
-- the expected one. Known code (class, 款 and 项 level), unknown code, a null code (a total line: no code, no finding),
-- one line printing the same unknown code in several figures (one finding), and a code known only by another name
-- (the check is about the code, not the name).
with

code_list as (
    select * from (values
        ('201', '一般公共服务支出'),
        ('20103', '政府办公厅（室）及相关机构事务'),
        ('2010301', '行政运行')
    ) as t(code, name_zh)
),

fixture as (
    select * from (values
        ('known_class',        '201',     1),
        ('known_section',      '20103',   1),
        ('known_item',         '2010301', 1),
        ('known_other_name',   '2010301', 1),
        ('unknown_item',       '2010388', 1),
        ('unknown_repeated',   '2999999', 1),
        ('unknown_repeated',   '2999999', 2),
        ('unknown_repeated',   '2999999', 3),
        ('no_code',            null,      1)
    ) as t(case_id, code, figure_no)
),

prepared as (
    select
        case_id as document_sha256,
        case_id as file_name,
        cast(null as integer) as page,
        7 as line_start,
        7 as line_end,
        case_id || ':7' as source_locator,
        code
    from fixture
),

failures as (
    {{ classification_code_known_check('prepared', 'code', 'code_list', scheme_label='功能分类') }}
),

expected as (
    select * from (values
        ('unknown_item', 'DIM-CODE-001', '功能分类 2010388 is printed but not in the code list'),
        ('unknown_repeated', 'DIM-CODE-001', '功能分类 2999999 is printed but not in the code list')
    ) as t(case_id, rule_id, message)
),

actual as (
    select document_sha256 as case_id, rule_id, message from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'rule_id', 'message'], one_row_each=true) }}
)

select * from mismatches
