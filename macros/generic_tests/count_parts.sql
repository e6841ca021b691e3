{#- Rules NAR-COUNT-001 (error), NAR-COUNT-002 and NAR-COUNT-003 (warnings): counts listed after 其中 against the count they are
    listed under (the marks reader's `count_whole` and `count_part` of one list, sharing a sentence_index: 共有车辆7辆，
    其中：…用车0辆、…; 安排项目15个，其中新增项目8个、延续项目7个). Counts are exact integers: no rounding tolerance.
    - NAR-COUNT-001: the parts add up to more than the whole (新增8个、延续8个 of 共15个). When a ，/, separates two
      parts (the whole's value_text `loose`) the list's end cannot be told from its punctuation (…中级工1人,退休职工28人
      after 62 在职 staff): such a list is not judged when its first k ≥ 2 parts add up to the whole exactly.
    - NAR-COUNT-003: a tight list (joined by 、 only) that adds up to more than the whole, but whose first k ≥ 2 parts
      add up to it exactly: the enumeration runs on past the whole (中小学校170所，其中：小学141所、初中24所、九年一贯制
      学校1所、普通高中4所、职业高中2所、特殊教育学校1所: 141 + 24 + 1 + 4 = 170) or the whole is wrong; which one is not
      printed, so it is a warning, not NAR-COUNT-001.
    - NAR-COUNT-002: two or more parts joined by 、 only (`tight`: one enumeration) add up to less than the whole: a
      wrong count or a kind not named. A loose list that falls short is not judged (其中补登63219条，注销143459条 of
      888390 tasks names outcomes, not a partition).
    One row per list; lhs = the sum of the parts, rhs = the whole, difference = lhs − rhs, tolerance 0.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro count_parts_check(statements, rule_id='NAR-COUNT-001', short_rule_id='NAR-COUNT-002',
                           past_rule_id='NAR-COUNT-003') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('count_whole', 'count_part') and value is not null
    ),

    -- the running sum of the parts in their printed order
    parts as (
        select
            document_sha256,
            sentence_index,
            list_index,
            value,
            sum(value) over (partition by document_sha256, sentence_index order by list_index) as running_sum
        from marks
        where role = 'count_part'
    ),

    lists as (
        select
            {{ mark_group_columns() }},
            {{ role_count('count_whole', 'wholes') }},
            {{ role_count('count_part', 'part_count') }},
            max(value) filter (where role = 'count_whole') as whole,
            max(value_text) filter (where role = 'count_whole') as joined,
            max(printed_unit) filter (where role = 'count_whole') as measure,
            max(subject) filter (where role = 'count_whole') as whole_subject,
            sum(value) filter (where role = 'count_part') as parts_sum,
            string_agg(value_text, ' + ' order by list_index) filter (where role = 'count_part') as parts_text
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    -- a list whose first k >= 2 parts (not all) add up to the whole: its end may stand there
    ended_early as (
        select parts.document_sha256, parts.sentence_index, min(parts.list_index) as fitting_parts
        from parts
        inner join lists using (document_sha256, sentence_index)
        where parts.list_index >= 2 and parts.list_index < lists.part_count and parts.running_sum = lists.whole
        group by parts.document_sha256, parts.sentence_index
    ),

    judged as (
        select
            lists.*,
            ended_early.fitting_parts,
            case
                when lists.parts_sum > lists.whole and ended_early.sentence_index is null then 'more'
                when lists.parts_sum > lists.whole and lists.joined = 'tight' then 'past'
                when lists.parts_sum < lists.whole and lists.joined = 'tight' and lists.part_count >= 2 then 'less'
            end as outcome
        from lists
        left join ended_early using (document_sha256, sentence_index)
        where lists.wholes = 1 and lists.part_count >= 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case outcome when 'more' then '" ~ rule_id ~ "' when 'past' then '" ~ past_rule_id
                    ~ "' else '" ~ short_rule_id ~ "' end",
                lhs='parts_sum',
                rhs='whole',
                difference='parts_sum - whole',
                tolerance='0',
                message="'the counts listed add up to ' || parts_text || ' = ' || cast(cast(parts_sum as bigint) as varchar)
                    || measure || ', ' || case outcome when 'less' then 'less' else 'more' end || ' than the '
                    || cast(cast(whole as bigint) as varchar) || measure || ' they are listed under (“'
                    || coalesce(whole_subject, '') || '”)'
                    || case outcome when 'less' then ': a wrong count or a kind not named'
                        when 'past' then ', but the first ' || cast(fitting_parts as varchar) || ' add up to it: the '
                            || 'list runs on past the whole, or the whole is wrong'
                        else '' end") }}
        from judged
        where outcome is not null
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test count_parts(model) %}
    {{ count_parts_check(model) }}
{% endtest %}
