{#- Rule NAR-TEXT-010 (error): the reason given for 决算 against 预算 explains the other side -- 决算数小于预算数的主要
    原因是年初预算估算不足 (an under-estimated budget makes 决算 exceed it), or 决算数大于预算数 because of 压减/节约/未实施.
    The side 决算 stands on is the sentence's own words (the marks reader's `budget_comparison` direction), else its
    completion rate when the whole rounding interval of the rate lies above or below 100% (完成预算89.53%); the side
    the reason explains is that of the reason words of seed reason_direction_words it states (for 'budget' and 'any'
    comparisons, not negated). Only when both are unambiguous: a reason with words of both sides is not judged.
    One row per sentence; lhs = the side 决算 stands on (+1 above 预算, -1 below), rhs = the side the reason explains.
    `statements`: statement rows (stg_raw__statements columns); `words`: the seed's rows. -#}
{% macro budget_reason_direction_check(statements, words, rule_id='NAR-TEXT-010') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('budget_completion', 'budget_comparison')
    ),

    sentences as (
        select
            {{ mark_group_columns() }},
            {{ role_count('budget_comparison', 'comparisons') }},
            {{ role_count('budget_completion', 'rates') }},
            max(direction) filter (where role = 'budget_comparison') as stated_direction,
            {{ role_rate('budget_completion', 'rate') }},
            coalesce(max(reason_text) filter (where role = 'budget_comparison'),
                max(reason_text) filter (where role = 'budget_completion')) as reason_text
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    sided as (
        select
            *,
            case
                when comparisons = 1 then stated_direction
                when comparisons = 0 and rates = 1 and rate + {{ half_step('rate_decimals', 1) }} <= 100 then -1
                when comparisons = 0 and rates = 1 and rate - {{ half_step('rate_decimals', 1) }} >= 100 then 1
            end as actual_side
        from sentences
        where reason_text is not null and comparisons <= 1 and rates <= 1
    ),

    matched as (
        {{ reason_words_matched('sided', words, applies_to=['any', 'budget']) }}
    ),

    explained as (
        select
            document_sha256, file_name, sentence_index, sentence, page, line_start, line_end, actual_side,
            reason_text,
            string_agg(distinct reason_word, '、' order by reason_word) as reason_words,
            min(word_direction) as low_side,
            max(word_direction) as high_side
        from matched
        where actual_side in (1, -1)
        group by all
    ),

    failing as (
        select
            {{ statement_failure_columns("'" ~ rule_id ~ "'",
                lhs='actual_side',
                rhs='low_side',
                message="'决算 is ' || case actual_side when 1 then 'above' else 'below' end
                    || ' 预算, but the reason given (' || reason_words || ') explains 决算 '
                    || case low_side when 1 then 'above' else 'below' end || ' 预算: “' || reason_text || '”'") }}
        from explained
        where low_side = high_side and low_side = -actual_side
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test budget_reason_direction(model, words) %}
    {{ budget_reason_direction_check(model, words) }}
{% endtest %}
