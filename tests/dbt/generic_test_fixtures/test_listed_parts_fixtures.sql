-- Tests the listed_parts check (NAR-PARTS-001..006, NAR-SHARE-101..105) on inline fixtures; returns a row for every
-- expected or returned failure that does not match. Amounts in 万元 with 2 decimals (half-step 50 元), shares in %
-- with 2 decimals (0.005). Lists hand-copied from documents/real/:
--   finance 2024 决算 line 686-687: 政府采购251.25万元，其中：货物4.79、工程0、服务246.47 -- 251.26: within the four
--     half-steps (200 元) but not exact: notice;
--   wanli 2024 lines 798-803: “三公”经费47.91万元，其中 因公出国（境）费0、公务用车购置及运行费46.56、公务接待费1.35: exact;
--   welfarehome 2024 lines 51-78: 财政拨款支出预算950.12万元; the six items 53.84 + 76.76 + 38.38 + 738.66 + 50.37 +
--     33.58 = 991.59: more than the whole;
--   finance lines 564-568: 一般公共预算财政拨款支出2940.05万元：一般公共服务支出2106.66 占71.73%、社会保障和就业支出326.72
--     占11.11%、卫生健康支出60.99 占2.07%、住房保障支出445.69 占15.16% -- the parts add up to 2940.06 (notice), 2106.66 /
--     2940.05 = 71.6539% (71.73 wrong), the others right (11.1128, 2.0745, 15.1592), shares add up to 100.07 (wrong);
--   welfarehome line 51: 支出预算1,212.12万元，其中：财政拨款支出预算950.12万元 -- one part of several: not judged.
-- Boundaries: a share of 0.01 万元 in 1.00 万元 can be 0.4975% .. 1.5075% within the amounts' rounding, so 1.00 is
-- exact, 1.51 only within rounding (notice) and 1.52 outside.
with

fixture as (
    select * from (values
        -- case, sentence, role, subject, parent, list_index, printed
        ('procurement', 40, 'amount', '政府采购', null, null, 251.25),
        ('procurement', 40, 'amount', '货物', '政府采购', 40, 4.79),
        ('procurement', 40, 'amount', '工程', '政府采购', 40, 0),
        ('procurement', 40, 'amount', '服务', '政府采购', 40, 246.47),
        ('three_public', 60, 'amount', '三公经费', null, null, 47.91),
        ('three_public', 61, 'amount', '因公出国（境）费', '“三公”经费', 60, 0),
        ('three_public', 62, 'amount', '公务用车购置及运行费', '“三公”经费', 60, 46.56),
        ('three_public', 63, 'amount', '公务接待费', '“三公”经费', 60, 1.35),
        ('welfare_items', 2, 'amount', '财政拨款支出预算', null, null, 950.12),
        ('welfare_items', 10, 'amount', '事业单位离退休', '财政拨款支出', 2, 53.84),
        ('welfare_items', 11, 'amount', '机关事业单位基本养老保险缴费支出', '财政拨款支出', 2, 76.76),
        ('welfare_items', 12, 'amount', '机关事业单位职业年金缴费支出', '财政拨款支出', 2, 38.38),
        ('welfare_items', 13, 'amount', '社会福利事业单位', '财政拨款支出', 2, 738.66),
        ('welfare_items', 14, 'amount', '事业单位医疗', '财政拨款支出', 2, 50.37),
        ('welfare_items', 15, 'amount', '住房公积金', '财政拨款支出', 2, 33.58),
        ('finance_shares', 20, 'amount', '一般公共预算财政拨款支出', null, null, 2940.05),
        ('finance_shares', 20, 'amount', '一般公共服务支出', '一般公共预算财政拨款支出', 20, 2106.66),
        ('finance_shares', 20, 'share_pct', '一般公共服务支出', '一般公共预算财政拨款支出', 20, 71.73),
        ('finance_shares', 20, 'amount', '社会保障和就业支出', '一般公共预算财政拨款支出', 20, 326.72),
        ('finance_shares', 20, 'share_pct', '社会保障和就业支出', '一般公共预算财政拨款支出', 20, 11.11),
        ('finance_shares', 20, 'amount', '卫生健康支出', '一般公共预算财政拨款支出', 20, 60.99),
        ('finance_shares', 20, 'share_pct', '卫生健康支出', '一般公共预算财政拨款支出', 20, 2.07),
        ('finance_shares', 20, 'amount', '住房保障支出', '一般公共预算财政拨款支出', 20, 445.69),
        ('finance_shares', 20, 'share_pct', '住房保障支出', '一般公共预算财政拨款支出', 20, 15.16),
        ('one_part_of_several', 2, 'amount', '支出预算', null, null, 1212.12),
        ('one_part_of_several', 2, 'amount', '财政拨款支出预算', '支出预算', 2, 950.12),
        ('parts_short', 5, 'amount', '项目支出', null, null, 1000.00),
        ('parts_short', 5, 'amount', '甲', '项目支出', 5, 300.00),
        ('parts_short', 5, 'amount', '乙', '项目支出', 5, 200.00),
        ('share_exact', 7, 'amount', '全部', null, null, 1.00),
        ('share_exact', 7, 'amount', '甲', '全部', 7, 0.01),
        ('share_exact', 7, 'share_pct', '甲', '全部', 7, 1.00),
        ('share_just_inside', 7, 'amount', '全部', null, null, 1.00),
        ('share_just_inside', 7, 'amount', '甲', '全部', 7, 0.01),
        ('share_just_inside', 7, 'share_pct', '甲', '全部', 7, 1.51),
        ('share_just_outside', 7, 'amount', '全部', null, null, 1.00),
        ('share_just_outside', 7, 'amount', '甲', '全部', 7, 0.01),
        ('share_just_outside', 7, 'share_pct', '甲', '全部', 7, 1.52),
        ('share_zero_whole', 8, 'amount', '全部', null, null, 0.00),
        ('share_zero_whole', 8, 'amount', '甲', '全部', 8, 0.00),
        ('share_zero_whole', 8, 'share_pct', '甲', '全部', 8, 0.00),
        -- the whole stated twice with different values elsewhere, not in the list's sentence: not judged
        ('whole_unclear', 3, 'amount', '收入', null, null, 100.00),
        ('whole_unclear', 4, 'amount', '收入', null, null, 120.00),
        ('whole_unclear', 9, 'amount', '甲', '收入', 9, 90.00),
        ('whole_unclear', 9, 'amount', '乙', '收入', 9, 90.00),
        -- wanli 2024 lines 170-176: an item's heading amount and its "2024年预算安排" amount are one part, not two:
        -- 100 = 60 + 40 holds, although each item is printed twice
        ('item_printed_twice', 30, 'amount', '支出', null, null, 100.00),
        ('item_printed_twice', 31, 'amount', '甲', '支出', 30, 60.00),
        ('item_printed_twice', 31, 'amount', '甲', '支出', 30, 60.00),
        ('item_printed_twice', 32, 'amount', '乙', '支出', 30, 40.00),
        ('item_printed_twice', 32, 'amount', '乙', '支出', 30, 40.00),
        -- the same with one item printed with two different amounts (住房公积金 350.35 / 352.67): the sum is uncertain,
        -- the list is not judged (the item against its table row is NAR-STATED-001's)
        ('item_two_values', 30, 'amount', '支出', null, null, 100.00),
        ('item_two_values', 31, 'amount', '甲', '支出', 30, 60.00),
        ('item_two_values', 31, 'amount', '甲', '支出', 30, 62.00),
        ('item_two_values', 32, 'amount', '乙', '支出', 30, 40.00),
        -- the parts name their whole in two spellings (“三公”经费 on the later line, listed first here): the finding
        -- names it as first printed (三公经费), every build
        ('parent_spellings', 70, 'amount', '三公经费', null, null, 100.00),
        ('parent_spellings', 72, 'amount', '乙', '“三公”经费', 70, 40.00),
        ('parent_spellings', 71, 'amount', '甲', '三公经费', 70, 30.00),
        -- a balance carried from the year before listed among the parts (heldout16 包家镇卫生院 L22: 年初预算数504.51万元，
        -- 其中：…其他收入0万元；上年结转结余资金29.81万元, written here with other amounts): 250 + 350 + 40 = 640 against
        -- 600, and 600 exactly without the 40: which reading the whole means is not printed (NAR-PARTS-005, a warning);
        -- with 360 the parts are 610 without the balance, still more than 600: NAR-PARTS-001; a whole of 640 includes it
        ('carried_not_included', 80, 'amount', '收入', null, null, 600.00),
        ('carried_not_included', 80, 'amount', '一般公共预算拨款', '收入', 80, 250.00),
        ('carried_not_included', 80, 'amount', '事业收入', '收入', 80, 350.00),
        ('carried_not_included', 81, 'amount', '上年结转结余资金', '收入', 80, 40.00),
        ('carried_neither', 80, 'amount', '收入', null, null, 600.00),
        ('carried_neither', 80, 'amount', '一般公共预算拨款', '收入', 80, 250.00),
        ('carried_neither', 80, 'amount', '事业收入', '收入', 80, 360.00),
        ('carried_neither', 81, 'amount', '上年结转结余资金', '收入', 80, 40.00),
        ('carried_included', 80, 'amount', '收入', null, null, 640.00),
        ('carried_included', 80, 'amount', '一般公共预算拨款', '收入', 80, 250.00),
        ('carried_included', 80, 'amount', '事业收入', '收入', 80, 350.00),
        ('carried_included', 81, 'amount', '上年结转结余资金', '收入', 80, 40.00),
        -- a share naming a whole stated elsewhere (heldout16 卡若 L7–L8: 总支出为312497万元，其中：一般公共预算支出277798万元…
        -- 一般公共预算具体支出情况如下：一般性公共服务支出37153万元，占全年总支出的13.37%; written here with other amounts):
        -- 120 of 1000 is 12 %, of the 一般公共预算支出 800 exactly 15 %: which whole is not printed (NAR-SHARE-105); 14 %
        -- fits no amount the document states: NAR-SHARE-101
        ('share_fits_other', 4, 'amount', '总支出', null, null, 1000.00),
        ('share_fits_other', 4, 'amount', '一般公共预算支出', '总支出', 4, 800.00),
        ('share_fits_other', 4, 'amount', '上解支出', '总支出', 4, 200.00),
        ('share_fits_other', 6, 'amount', '公共服务支出', null, null, 120.00),
        ('share_fits_other', 6, 'share_pct', '公共服务支出', '总支出', 4, 15.00),
        ('share_fits_none', 4, 'amount', '总支出', null, null, 1000.00),
        ('share_fits_none', 4, 'amount', '一般公共预算支出', '总支出', 4, 800.00),
        ('share_fits_none', 4, 'amount', '上解支出', '总支出', 4, 200.00),
        ('share_fits_none', 6, 'amount', '公共服务支出', null, null, 120.00),
        ('share_fits_none', 6, 'share_pct', '公共服务支出', '总支出', 4, 14.00),
        -- a list running on past its whole (heldout58 巴南 L1: 一般公共预算收入…，其中：税收收入…；非税收入…；政府性基金预算收入…,
        -- written here with other amounts): 60 + 40 + 5 = 105 against 100, the first two exactly 100: NAR-PARTS-007 (a
        -- warning); 40.01 for 40.00 is within the first two's and the whole's rounding (100 + 50 元 > 100 元): 007 too;
        -- 40.02 (200 元) is not, and nothing else fits: NAR-PARTS-001; a first part alone equal to the whole is no
        -- prefix of two: NAR-PARTS-001
        ('runs_past', 90, 'amount', '一般公共预算收入', null, null, 100.00),
        ('runs_past', 90, 'amount', '税收收入', '一般公共预算收入', 90, 60.00),
        ('runs_past', 90, 'amount', '非税收入', '一般公共预算收入', 90, 40.00),
        ('runs_past', 90, 'amount', '政府性基金预算收入', '一般公共预算收入', 90, 5.00),
        ('runs_past_within', 90, 'amount', '一般公共预算收入', null, null, 100.00),
        ('runs_past_within', 90, 'amount', '税收收入', '一般公共预算收入', 90, 60.00),
        ('runs_past_within', 90, 'amount', '非税收入', '一般公共预算收入', 90, 40.01),
        ('runs_past_within', 90, 'amount', '政府性基金预算收入', '一般公共预算收入', 90, 5.00),
        ('runs_past_outside', 90, 'amount', '一般公共预算收入', null, null, 100.00),
        ('runs_past_outside', 90, 'amount', '税收收入', '一般公共预算收入', 90, 60.00),
        ('runs_past_outside', 90, 'amount', '非税收入', '一般公共预算收入', 90, 40.02),
        ('runs_past_outside', 90, 'amount', '政府性基金预算收入', '一般公共预算收入', 90, 5.00),
        ('first_part_is_whole', 90, 'amount', '一般公共预算收入', null, null, 100.00),
        ('first_part_is_whole', 90, 'amount', '税收收入', '一般公共预算收入', 90, 100.00),
        ('first_part_is_whole', 90, 'amount', '政府性基金预算收入', '一般公共预算收入', 90, 5.00)
    ) as t(case_id, sentence_index, role, subject, parent_subject, list_index, printed)
),

fixture_with_basis as (
    select *, cast(null as varchar) as basis from fixture
    union all
    select * from (values
        -- heldout6 九华山 lines 28 and 30: “三公”经费支出预算为18万元，支出决算为6.28万元 … “三公”经费支出决算中，因公出国(境)费
        -- 支出决算0万元 … 公务接待费支出决算6.28万元，占34.88%: the whole stated in another sentence with two values, one per
        -- basis; the parts' basis (决算) picks 6.28, so 6.28 of 6.28 is 100 %, not 34.88 %
        ('whole_by_basis', 2, 'amount', '三公经费', null, null, 18.00, 'budget'),
        ('whole_by_basis', 2, 'amount', '三公经费', null, null, 6.28, 'final_accounts'),
        ('whole_by_basis', 4, 'amount', '因公出国(境)费', '三公经费', 4, 0.00, 'final_accounts'),
        ('whole_by_basis', 5, 'amount', '公务接待费', '三公经费', 4, 6.28, 'final_accounts'),
        ('whole_by_basis', 5, 'share_pct', '公务接待费', '三公经费', 4, 34.88, 'final_accounts'),
        -- the same with the whole stated only for other bases (预算 100, 调整后预算 120) than the parts' (决算): not judged
        ('whole_of_other_bases', 2, 'amount', '收入', null, null, 100.00, 'budget'),
        ('whole_of_other_bases', 3, 'amount', '收入', null, null, 120.00, 'adjusted_budget'),
        ('whole_of_other_bases', 4, 'amount', '甲', '收入', 4, 90.00, 'final_accounts'),
        ('whole_of_other_bases', 4, 'amount', '乙', '收入', 4, 90.00, 'final_accounts'),
        -- parts of two bases (one 预算, one 决算): no basis of the list, the whole any value of the subject (one here)
        ('parts_of_two_bases', 2, 'amount', '支出', null, null, 50.00, 'final_accounts'),
        ('parts_of_two_bases', 4, 'amount', '甲', '支出', 4, 30.00, 'budget'),
        ('parts_of_two_bases', 4, 'amount', '乙', '支出', 4, 30.00, 'final_accounts'),
        -- heldout6 大邑 lines 2-4: 基本支出911.7万元，其中：人员经费489.18万元…公用经费46.89万元 -- the forms make 基本支出 of
        -- exactly these two, so falling short is an error (NAR-PARTS-004), not a list that may leave parts out
        ('basic_complete', 2, 'amount', '一般公共预算财政拨款基本支出', null, null, 911.70, 'final_accounts'),
        ('basic_complete', 2, 'amount', '人员经费', '一般公共预算财政拨款基本支出', 2, 489.18, 'final_accounts'),
        ('basic_complete', 3, 'amount', '公用经费', '一般公共预算财政拨款基本支出', 2, 46.89, 'final_accounts'),
        -- the three 三公 categories, 公务用车 in its two halves: complete
        ('three_public_complete', 5, 'amount', '“三公”经费', null, null, 10.00, null),
        ('three_public_complete', 5, 'amount', '因公出国（境）费', '“三公”经费', 5, 0.00, null),
        ('three_public_complete', 5, 'amount', '公务用车购置费', '“三公”经费', 5, 2.00, null),
        ('three_public_complete', 5, 'amount', '公务用车运行维护费', '“三公”经费', 5, 3.00, null),
        ('three_public_complete', 5, 'amount', '公务接待费', '“三公”经费', 5, 1.00, null),
        -- two of the three named: a list that may leave one out (NAR-PARTS-003, a warning)
        ('three_public_two_named', 5, 'amount', '“三公”经费', null, null, 10.00, null),
        ('three_public_two_named', 5, 'amount', '公务用车购置及运行费', '“三公”经费', 5, 5.00, null),
        ('three_public_two_named', 5, 'amount', '公务接待费', '“三公”经费', 5, 1.00, null),
        -- short by 21.85 (2,185 units of 0.01 万元): no misprinted digit (d × 10^k) nor swapped pair (a multiple of 9)
        -- gives it, most likely a selection: NAR-PARTS-006, a notice
        ('selection_short', 3, 'amount', '支出', null, null, 88.40, null),
        ('selection_short', 3, 'amount', '甲', '支出', 3, 30.15, null),
        ('selection_short', 3, 'amount', '乙', '支出', 3, 25.32, null),
        ('selection_short', 3, 'amount', '丙', '支出', 3, 11.08, null),
        -- short by 0.27 (27 units, 63 printed as 36): two swapped digits, NAR-PARTS-003
        ('swapped_short', 3, 'amount', '支出', null, null, 100.63, null),
        ('swapped_short', 3, 'amount', '甲', '支出', 3, 60.00, null),
        ('swapped_short', 3, 'amount', '乙', '支出', 3, 40.36, null),
        -- short by 0.28 (28 units): neither, NAR-PARTS-006
        ('swapped_short_by_one_more', 3, 'amount', '支出', null, null, 100.64, null),
        ('swapped_short_by_one_more', 3, 'amount', '甲', '支出', 3, 60.00, null),
        ('swapped_short_by_one_more', 3, 'amount', '乙', '支出', 3, 40.36, null),
        -- 公务用车购置及运行费 of its two halves, and 政府采购 of 货物, 工程 and 服务: fixed by the forms, a shortfall by any
        -- amount is an error (NAR-PARTS-004); short by 0.77 (77 units), which alone would be NAR-PARTS-006
        ('vehicle_halves', 6, 'amount', '公务用车购置及运行费', null, null, 5.21, null),
        ('vehicle_halves', 6, 'amount', '公务用车购置费', '公务用车购置及运行费', 6, 0.20, null),
        ('vehicle_halves', 6, 'amount', '公务用车运行费', '公务用车购置及运行费', 6, 4.24, null),
        ('procurement_three', 6, 'amount', '政府采购支出', null, null, 3.10, null),
        ('procurement_three', 6, 'amount', '货物类', '政府采购支出', 6, 1.40, null),
        ('procurement_three', 6, 'amount', '工程类', '政府采购支出', 6, 0.00, null),
        ('procurement_three', 6, 'amount', '服务类', '政府采购支出', 6, 0.93, null),
        -- every part prints its share and the shares add up to 100 % (50 + 30 + 20): they are all the whole's parts, so
        -- falling 7.31 short of 50.00 (丙 printed 2.69 for 10.00; 731 units: no misprint, NAR-PARTS-006 alone) is an error
        -- (NAR-PARTS-004); 丙's share 20 % of 50.00 is wrong for its 2.69 (NAR-SHARE-101)
        ('shares_complete', 6, 'amount', '财政拨款支出', null, null, 50.00, null),
        ('shares_complete', 6, 'amount', '甲支出', '财政拨款支出', 6, 25.00, null),
        ('shares_complete', 6, 'share_pct', '甲支出', '财政拨款支出', 6, 50.00, null),
        ('shares_complete', 6, 'amount', '乙支出', '财政拨款支出', 6, 15.00, null),
        ('shares_complete', 6, 'share_pct', '乙支出', '财政拨款支出', 6, 30.00, null),
        ('shares_complete', 6, 'amount', '丙支出', '财政拨款支出', 6, 2.69, null),
        ('shares_complete', 6, 'share_pct', '丙支出', '财政拨款支出', 6, 20.00, null),
        -- two of the three procurement kinds: may leave one out (NAR-PARTS-006 by this shortfall)
        ('procurement_two', 6, 'amount', '政府采购支出', null, null, 3.10, null),
        ('procurement_two', 6, 'amount', '货物类', '政府采购支出', 6, 1.40, null),
        ('procurement_two', 6, 'amount', '服务类', '政府采购支出', 6, 0.93, null),
        -- 基本支出 with a third part beside the two: not the fixed breakdown (NAR-PARTS-003)
        ('basic_with_other', 2, 'amount', '基本支出', null, null, 100.00, null),
        ('basic_with_other', 2, 'amount', '人员经费', '基本支出', 2, 50.00, null),
        ('basic_with_other', 2, 'amount', '公用经费', '基本支出', 2, 20.00, null),
        ('basic_with_other', 2, 'amount', '对个人和家庭的补助', '基本支出', 2, 10.00, null),
        -- heldout5 汕头 lines 4-5: 总收入27,664.71万元 (its own sentence), then "财政拨款收入共计9,787.85万元，占总收入的
        -- 35.39%" in a later sentence, in no list: the reader gives the share the whole its phrase names (list_index = the
        -- sentence that states it); the part is no listed part. 9,787.85 / 27,664.71 = 35.3803 %, so 35.39 is wrong
        ('share_of_named_whole', 4, 'amount', '总收入', null, null, 27664.71, null),
        ('share_of_named_whole', 5, 'amount', '财政拨款收入', null, null, 9787.85, null),
        ('share_of_named_whole', 5, 'share_pct', '财政拨款收入', '总收入', 4, 35.39, null)
    ) as t(case_id, sentence_index, role, subject, parent_subject, list_index, printed, basis)
),

prepared as (
    select
        case_id as document_sha256,
        case_id || ':' || cast(row_number() over () as varchar) as statement_id,
        row_number() over () as statement_index,
        case_id as file_name,
        cast(null as integer) as page,
        sentence_index as line_start,
        sentence_index as line_end,
        sentence_index,
        subject,
        parent_subject,
        list_index,
        role,
        cast(printed as varchar) as value_text,
        case when role = 'amount' then '万元' else '%' end as printed_unit,
        case when role = 'amount' then cast(printed * 10000 as decimal(38, 6)) end as value_yuan,
        case when role = 'amount' then cast(50 as decimal(38, 6)) end as half_step_yuan,
        cast(printed * case when role = 'amount' then 10000 else 1 end as decimal(38, 6)) as value_in_base_unit,
        case when role = 'amount' then cast(50 as decimal(38, 6)) else cast(0.005 as decimal(38, 6)) end
            as half_step_in_base_unit,
        case_id || ' sentence ' || cast(sentence_index as varchar) as sentence,
        basis
    from fixture_with_basis
),

failures as (
    {{ listed_parts_check('prepared') }}
),

expected as (
    select * from (values
        ('procurement', 'NAR-PARTS-002', cast(100 as decimal(38, 6))),
        ('welfare_items', 'NAR-PARTS-001', 414700),
        ('finance_shares', 'NAR-PARTS-002', 100),
        ('finance_shares', 'NAR-SHARE-101', null),
        ('finance_shares', 'NAR-SHARE-102', 0.07),
        ('parts_short', 'NAR-PARTS-003', -5000000),
        ('share_just_inside', 'NAR-SHARE-104', null),
        ('share_just_outside', 'NAR-SHARE-101', null),
        ('share_zero_whole', 'NAR-SHARE-103', null),
        ('parent_spellings', 'NAR-PARTS-003', -300000),
        ('whole_by_basis', 'NAR-SHARE-101', null),
        ('parts_of_two_bases', 'NAR-PARTS-001', 100000),
        ('basic_complete', 'NAR-PARTS-004', -3756300),
        ('three_public_complete', 'NAR-PARTS-004', -40000),
        ('three_public_two_named', 'NAR-PARTS-003', -40000),
        ('basic_with_other', 'NAR-PARTS-003', -200000),
        ('selection_short', 'NAR-PARTS-006', -218500),
        ('vehicle_halves', 'NAR-PARTS-004', -7700),
        ('procurement_three', 'NAR-PARTS-004', -7700),
        ('procurement_two', 'NAR-PARTS-006', -7700),
        ('shares_complete', 'NAR-PARTS-004', -73100),
        ('shares_complete', 'NAR-SHARE-101', null),
        ('swapped_short', 'NAR-PARTS-003', -2700),
        ('swapped_short_by_one_more', 'NAR-PARTS-006', -2800),
        ('share_of_named_whole', 'NAR-SHARE-101', null),
        ('carried_not_included', 'NAR-PARTS-005', 400000),
        ('carried_neither', 'NAR-PARTS-001', 500000),
        ('share_fits_other', 'NAR-SHARE-105', 3),
        ('share_fits_none', 'NAR-SHARE-101', 2),
        ('runs_past', 'NAR-PARTS-007', 50000),
        ('runs_past_within', 'NAR-PARTS-007', 50100),
        ('runs_past_outside', 'NAR-PARTS-001', 50200),
        ('first_part_is_whole', 'NAR-PARTS-001', 50000)
    ) as t(case_id, rule_id, difference)
),

actual as (
    select document_sha256 as case_id, rule_id, lhs, rhs, difference, tolerance, message from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'rule_id'], one_row_each=true, checks=[
        ['wrong difference', "e.difference is not null and a.difference <> e.difference"],
        ['wrong share evidence', "a.case_id = 'finance_shares' and a.rule_id = 'NAR-SHARE-101'"
                                 ~ " and (a.lhs <> 71.73 or round(a.rhs, 4) <> 71.6539)"],
        ['wrong tolerance', "a.case_id = 'procurement' and a.tolerance <> 200"],
        ['wrong named whole', "a.case_id = 'share_of_named_whole' and (a.lhs <> 35.39 or round(a.rhs, 4) <> 35.3803)"],
        ['wrong whole of the basis', "a.case_id = 'whole_by_basis' and (a.lhs <> 34.88 or round(a.rhs, 2) <> 100)"],
        ['whole not named as first printed', "a.case_id = 'parent_spellings' and a.message not like '三公经费: %'"],
        ['fitting parts not named', "a.rule_id = 'NAR-PARTS-007' and a.message not like '%but the first 2 add up to it%'"],
    ]) }}
)

select * from mismatches
