-- Tests the unexplained_changes check (NAR-TEXT-009, notice) on inline fixtures: a change with no reason among two
-- or more siblings of the same kind and section that give one is reported; with one sibling only, in another
-- section, of another kind, when the sentence words its reason without 主要原因 (由于…), or when it is the whole
-- whose parts give the reasons, it passes.
with

fixture as (
    select * from (values
        ('three_items', 1, 'change', '培训费', 'three_public', '三公', null, '3', 1, '加强培训'),
        ('three_items', 2, 'change', '会议费', 'three_public', '三公', null, '2', -1, '压减会议'),
        ('three_items', 3, 'change', '公务接待费', 'three_public', '三公', null, '1.5', -1, null),
        ('three_items', 4, 'change', '三公经费', 'three_public', '三公', null, '0.5', -1, null),
        ('three_items', 4, 'amount', '公务接待费', 'three_public', '三公', '三公经费', '9', null, null),
        ('one_sibling', 1, 'change', '培训费', 'three_public', '三公', null, '3', 1, '加强培训'),
        ('one_sibling', 2, 'change', '公务接待费', 'three_public', '三公', null, '1.5', -1, null),
        ('other_section', 1, 'change', '培训费', 'three_public', '三公', null, '3', 1, '加强培训'),
        ('other_section', 2, 'change', '会议费', 'three_public', '三公', null, '2', -1, '压减会议'),
        ('other_section', 3, 'change', '机关运行经费', 'three_public', '机关运行经费', null, '1.5', -1, null),
        ('worded_reason', 1, 'change', '培训费', 'three_public', '三公', null, '3', 1, '加强培训'),
        ('worded_reason', 2, 'change', '会议费', 'three_public', '三公', null, '2', -1, '压减会议'),
        ('worded_reason', 3, 'change', '公务接待费', 'three_public', '三公', null, '1.5', -1, null)
    ) as t(case_id, sentence_index, role, subject, subject_kind, section, parent_subject, value_text, direction,
        reason_text)
),

with_sentences as (
    select *,
        subject || '比上年' || case direction when 1 then '增加' else '减少' end || value_text || '万元'
            || case when case_id = 'worded_reason' and reason_text is null then '，由于接待任务减少。' else '。' end
            as sentence
    from fixture
),

prepared as (
    {{ statement_fixture_rows('with_sentences', ['sentence_index', 'role', 'subject', 'subject_kind', 'section',
        'parent_subject', 'value_text', 'direction', 'reason_text', 'sentence']) }}
),

failures as (
    {{ unexplained_changes_check('prepared') }}
),

expected as (
    select * from (values ('three_items', 3, -1.5)) as t(case_id, line_start, lhs)
),

actual as (
    select file_name as case_id, * from failures
),

mismatches as (
    {{ fixture_mismatches(one_row_each=true, checks=[
        ['wrong rule or evidence', "a.rule_id <> 'NAR-TEXT-009' or a.lhs <> e.lhs or a.rhs <> 2
            or a.line_start <> e.line_start"],
    ]) }}
)

select * from mismatches
