-- Tests the repeated_sentences check (NAR-COPY-003) on inline fixtures. 万里街道 2024 部门预算 items 10 科普活动 and 11 群众体育
-- (p. 4, copied by hand) print the same sentence with other numbers ("2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，
-- 比2023年预算执行数持平。" / 20.00) about different subjects: consistent. Made up on its 三公 paragraph (p. 32): the same
-- sentence about 公务接待费 printed again with 1.53 for 1.35 fails, and so does the sentence naming 因公出国（境）费 and
-- 公务接待费 printed again with their amounts swapped; the same sentence with the same numbers, a sentence about no
-- subject, and the same sentence in another document pass.
with

fixture as (
    select * from (values
        ('wanli', 10, '科普活动', '2023年当年预算执行数为10.00万元，2024年预算安排10.00万元，比2023年预算执行数持平。'),
        ('wanli', 11, '群众体育', '2023年当年预算执行数为20.00万元，2024年预算安排20.00万元，比2023年预算执行数持平。'),
        ('changed_number', 5, '公务接待费', '（三）公务接待费1.35万元。'),
        ('changed_number', 40, '公务接待费', '（三）公务接待费1.53万元。'),
        ('swapped', 5, '因公出国（境）费', '其中：因公出国（境）费0万元，公务接待费1.35万元。'),
        ('swapped', 5, '公务接待费', '其中：因公出国（境）费0万元，公务接待费1.35万元。'),
        ('swapped', 40, '公务接待费', '其中：因公出国（境）费1.35万元，公务接待费0万元。'),
        ('swapped', 40, '因公出国（境）费', '其中：因公出国（境）费1.35万元，公务接待费0万元。'),
        ('same_numbers', 5, '公务接待费', '（三）公务接待费1.35万元。'),
        ('same_numbers', 40, '公务接待费', '（三） 公务接待费1.35万元。'),
        ('no_subject', 5, null, '主要原因是人员增加2人。'),
        ('no_subject', 40, null, '主要原因是人员增加3人。'),
        ('document_a', 5, '公务接待费', '（三）公务接待费1.35万元。'),
        ('document_b', 5, '公务接待费', '（三）公务接待费1.53万元。')
    ) as t(case_id, sentence_index, subject, sentence)
),

prepared as (
    {{ statement_fixture_rows('fixture', ['sentence_index', 'subject', 'sentence']) }}
),

failures as (
    {{ repeated_sentences_check('prepared') }}
),

expected as (
    select * from (values ('changed_number', 40), ('swapped', 40)) as t(case_id, line_start)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(key=['case_id', 'line_start'], one_row_each=true, checks=[
        ['wrong evidence', "a.rule_id <> 'NAR-COPY-003' or a.message not like '%公务接待费%'
            or a.quoted_source not like a.case_id || ':5: %' || chr(10) || a.case_id || ':40: %'"],
    ]) }}
)

select * from mismatches
