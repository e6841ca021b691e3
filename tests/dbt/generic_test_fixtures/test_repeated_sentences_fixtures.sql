-- Tests the repeated_sentences check (NAR-COPY-003) on inline fixtures. 万里街道 2024 部门预算 items 10 科普活动 and 11 群众体育
-- (p. 4, copied by hand) print the same sentence with other numbers ("2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，
-- 比2023年预算执行数持平。" / 20.00) about different subjects: consistent. Made up on its 三公 paragraph (p. 32): the same
-- sentence about 公务接待费 printed again with 1.53 for 1.35 fails, and so does the sentence naming 因公出国（境）费 and
-- 公务接待费 printed again with their amounts swapped; the same sentence with the same numbers, a sentence about no
-- subject, and the same sentence in another document pass. Made up after a provincial county report (辽宁 2021 1-3月): the
-- paragraph of one scope (41个县) and the paragraph of another (59个区) say the same sentence with their own numbers:
-- consistent; the same sentence with other numbers twice in one scope (全市) fails. Two 其中 sentences after sentences
-- that differ break down different wholes: consistent.
with

fixture as (
    select * from (values
        ('wanli', 10, '科普活动', '2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平。', null),
        ('wanli', 11, '群众体育', '2023年当年预算执行数为20.00万元，2024年预算安排20.00万元，比2023年预算执行数持平。', null),
        ('changed_number', 5, '公务接待费', '（三）公务接待费1.35万元。', null),
        ('changed_number', 40, '公务接待费', '（三）公务接待费1.53万元。', null),
        ('swapped', 4, '三公经费', '2024年“三公”经费预算1.35万元。', null),
        ('swapped', 39, '三公经费', '2024年“三公”经费预算1.35万元。', null),
        ('swapped', 5, '因公出国（境）费', '其中：因公出国（境）费0万元，公务接待费1.35万元。', null),
        ('swapped', 5, '公务接待费', '其中：因公出国（境）费0万元，公务接待费1.35万元。', null),
        ('swapped', 40, '公务接待费', '其中：因公出国（境）费1.35万元，公务接待费0万元。', null),
        ('swapped', 40, '因公出国（境）费', '其中：因公出国（境）费1.35万元，公务接待费0万元。', null),
        ('same_numbers', 5, '公务接待费', '（三）公务接待费1.35万元。', null),
        ('same_numbers', 40, '公务接待费', '（三） 公务接待费1.35万元。', null),
        ('no_subject', 5, null, '主要原因是人员增加2人。', null),
        ('no_subject', 40, null, '主要原因是人员增加3人。', null),
        ('document_a', 5, '公务接待费', '（三）公务接待费1.35万元。', null),
        ('document_b', 5, '公务接待费', '（三）公务接待费1.53万元。', null),
        ('other_scope', 5, '一般公共预算支出', '一般公共预算支出完成306.5亿元，同比增加32.6亿元。', '41个县'),
        ('other_scope', 40, '一般公共预算支出', '一般公共预算支出完成328亿元，同比增加75.2亿元。', '59个区'),
        ('same_scope', 5, '一般公共预算支出', '一般公共预算支出完成306.5亿元，同比增加32.6亿元。', '全市'),
        ('same_scope', 40, '一般公共预算支出', '一般公共预算支出完成328亿元，同比增加75.2亿元。', '全市'),
        -- two sentences opening with 其中 after sentences that differ (heldout25 中央本级 shape, other amounts): each
        -- breaks down the whole of its own sentence before (a change against the budget, then against last year's
        -- actual), so they are no copy
        ('continues_other_whole', 4, '三公经费', '与年初预算相比，三公经费减少6.20亿元。', null),
        ('continues_other_whole', 5, '公务接待费', '其中，因公出国（境）费减少1.5亿元，公务接待费减少4.7亿元。', null),
        ('continues_other_whole', 39, '三公经费', '与上年执行数相比，三公经费减少0.90亿元。', null),
        ('continues_other_whole', 40, '公务接待费', '其中，因公出国（境）费减少0.2亿元，公务接待费减少0.7亿元。', null),
        -- a sentence whose rows quote two texts (a compared_budget mark quotes the sentence before it too): the
        -- sentence is its own text, whichever row comes first
        ('carried', 5, '公务接待费', '（三）公务接待费1.35万元。', null),
        ('carried', 40, null, '年初预算为2.00万元。（三）公务接待费1.53万元。', null),
        ('carried', 40, '公务接待费', '（三）公务接待费1.53万元。', null)
    ) as t(case_id, sentence_index, subject, sentence, scope)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'subject', 'sentence', 'scope']) }}
),

failures as (
    {{ repeated_sentences_check('prepared') }}
),

expected as (
    select * from (values ('changed_number', 40), ('swapped', 40), ('same_scope', 40), ('carried', 40))
        as t(case_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'line_start'], one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-COPY-003' or a.message not like case a.case_id when 'same_scope' then '%一般公共预算支出%' else '%公务接待费%' end
            or a.quoted_source not like a.case_id || ':5: %' || chr(10) || a.case_id || ':40: %'
            or a.quoted_source like '%年初预算%'"],
    ]) }}
)

select * from mismatches
