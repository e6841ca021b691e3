-- Tests the rows_have_children check on inline fixtures; returns a row for every case whose outcome is not the
-- expected. Cases: every 款 with its 项 (nothing); a 款 whose only 项 was dropped (reported, spanning the 款 and the
-- unit rows of its block up to the next 类); a 款 printed as zero, or within rounding of zero, without 项 (nothing); a 款 whose 项 is printed
-- under a misprinted code, an orphan (nothing: the orphan is reported by TBL-ORPHAN-001); a table printing no 项 at
-- all and no unit rows (nothing: a 款-level table); a 款 with a unit row under it and no 项, in a table printing no 项
-- at all (reported: 广州 表四 prints a 款's 项 under its units); a 类 without 款 in a table that prints 款 (reported);
-- a childless 款 accepted in the known list.
with

cells as (
    select
        case_id as document_sha256,
        case_id || '.txt' as file_name,
        cast(null as integer) as page,
        line as line_start,
        line as line_end,
        'T' as table_name,
        case_id || ':' || line as row_key,
        line as row_order,
        row_code,
        'function' as row_code_scheme,
        cast(null as varchar) as row_label,
        unit_code,
        cast(null as varchar) as side,
        cast(amount as decimal(38, 6)) as cell_value,
        cast(50 as decimal(38, 6)) as cell_half_step,
        false as is_percent
    from (values
        ('complete', 1, '207', 100, null), ('complete', 2, '20703', 100, null), ('complete', 3, '2070308', 100, null),
        -- 决算 style: 221 02 then (221 02 03 dropped) the next 类; 广州 style: 款, unit rows, (项 dropped), next 类
        ('dropped', 1, '221', 4792, null), ('dropped', 2, '22102', 4792, null), ('dropped', 3, null, 4792, null),
        ('dropped', 4, null, 4792, '124901'),
        ('dropped', 6, '210', 50, null), ('dropped', 7, '21011', 50, null), ('dropped', 8, '2101102', 50, null),
        ('zero', 1, '207', 100, null), ('zero', 2, '20703', 100, null), ('zero', 3, '2070308', 100, null),
        ('zero', 4, '20799', 0, null), ('zero', 5, '20798', 49, null),
        ('misprinted', 1, '210', 503724, null), ('misprinted', 2, '21011', 503724, null), ('misprinted', 3, '71102', 503724, null),
        ('misprinted', 4, '208', 9, null), ('misprinted', 5, '20805', 9, null), ('misprinted', 6, '2080505', 9, null),
        ('no_items', 1, '201', 100, null), ('no_items', 2, '20103', 100, null),
        ('class_alone', 1, '201', 100, null), ('class_alone', 2, '20103', 100, null), ('class_alone', 3, '208', 300, null),
        ('known', 1, '221', 1000, null), ('known', 2, '22102', 1000, null), ('known', 3, '210', 500, null),
        ('known', 4, '21011', 500, null),
        ('known', 5, '2101102', 500, null),
        -- 广州 表四 whose only 项 was dropped: 类, 款, 行政单位, unit, and no 项 in the whole table
        ('unit_only', 1, '207', 100, null), ('unit_only', 2, '20703', 100, null), ('unit_only', 3, null, 100, null),
        ('unit_only', 4, null, 100, '124901')
    ) as t(case_id, line, row_code, amount, unit_code)
),

links as (
    select * from (values
        ('complete:1', 'complete:2', 'code'), ('complete:2', 'complete:3', 'code'),
        ('dropped:1', 'dropped:2', 'code'), ('dropped:6', 'dropped:7', 'code'), ('dropped:7', 'dropped:8', 'code'),
        ('zero:1', 'zero:2', 'code'), ('zero:2', 'zero:3', 'code'), ('zero:1', 'zero:4', 'code'), ('zero:1', 'zero:5', 'code'),
        ('misprinted:1', 'misprinted:2', 'code'), ('misprinted:4', 'misprinted:5', 'code'),
        ('misprinted:5', 'misprinted:6', 'code'),
        ('no_items:1', 'no_items:2', 'code'),
        ('class_alone:1', 'class_alone:2', 'code'), ('unit_only:1', 'unit_only:2', 'code'),
        ('known:1', 'known:2', 'code'), ('known:3', 'known:4', 'code'), ('known:4', 'known:5', 'code')
    ) as t(parent_row_key, child_row_key, link_kind)
),

known as (
    select * from (values ('TBL-CHILD-001', 'known.txt', '2', 'fixture')) as t(rule_id, file_name, locator, reason)
),

failures as (
    {{ rows_have_children_check('cells', 'links', 'known') }}
),

expected as (
    select * from (values
        ('dropped', 2, 4, 4792),
        ('class_alone', 3, 3, 300),
        ('unit_only', 2, 4, 100)
    ) as t(case_id, line_start, line_end, amount)
),

actual as (
    select document_sha256 as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'TBL-CHILD-001' or a.line_start <> e.line_start"
                           ~ " or a.line_end <> e.line_end or a.lhs <> e.amount or a.rhs <> 0 or a.tolerance <> 50"],
    ]) }}
)

select * from mismatches
