{#- Rules NAR-RATE-001 (error) and NAR-RATE-002 (warning): a completion rate that contradicts what the same sentence
    says of 决算 against 预算 (the marks reader's roles of one sentence: `budget_completion` the rate printed,
    `budget_comparison` 决算数大于/小于/等于预算数 with its direction and, when printed, the difference, `budget_actual`
    the 决算 amount, `budget_amount` the 预算 amount).
    - With the 决算 and the 预算 stated (or the 预算 derived as 决算 minus the signed difference), the rate is
      recomputed: NAR-RATE-001 when no value within the rounding of the amounts gives the printed rate
      (天水市幼儿园 2017: 1741.75万元, 完成年初预算100%, 决算数大于预算数55.93万元: 1741.75 ÷ 1685.82 = 103.32%).
    - Otherwise the direction alone: NAR-RATE-001 when the whole rounding interval of the rate lies on the other side
      of 100% (完成预算98%, 决算数大于预算数), or 100% is outside it for 等于; NAR-RATE-002 when the interval holds 100%
      (完成年初预算100%, 决算数大于预算数, no amount): true only if the difference is below the rate's rounding.
    One row per sentence; lhs = the printed rate, rhs = the recomputed rate (or 100 for a direction alone).
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro completion_contradictions_check(statements, rule_id='NAR-RATE-001', within_rounding_rule_id='NAR-RATE-002') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('budget_completion', 'budget_comparison', 'budget_actual', 'budget_amount')
    ),

    sentences as (
        select
            document_sha256, file_name, sentence_index,
            arg_min(sentence, (length(sentence), sentence)) as sentence,
            min(page) filter (where role = 'budget_completion') as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            {{ role_count('budget_completion', 'rates') }},
            {{ role_count('budget_comparison', 'comparisons') }},
            {{ role_rate('budget_completion', 'rate') }},
            max(direction) filter (where role = 'budget_comparison') as direction,
            {{ role_amount('budget_comparison', 'difference') }},
            {{ role_amount('budget_actual', 'actual') }},
            {{ role_amount('budget_amount', 'budget') }}
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    -- one rate and at most one comparison in the sentence: which rate a second comparison speaks of is not guessed
    bases as (
        select
            *,
            cast(rate as decimal(38, 6)) as _r,
            cast({{ half_step('rate_decimals', 1) }} as decimal(38, 12)) as _hr,
            coalesce(budget_yuan, actual_yuan - direction * difference_yuan) as _b,
            coalesce(budget_h, actual_h + difference_h) as _hb
        from sentences
        where rates = 1 and comparisons <= 1
    ),

    judged as (
        select
            *,
            case
                when actual_yuan is not null and _b is not null then
                    case when not {{ rate_fits('_r', '_hr', 'actual_yuan', 'actual_h', '_b', '_hb') }} and _b - _hb > 0
                        then 'recomputed' end
                when direction = 1 and _r + _hr <= 100 then 'direction'
                when direction = -1 and _r - _hr >= 100 then 'direction'
                when direction = 0 and (_r + _hr < 100 or _r - _hr > 100) then 'direction'
                when direction in (1, -1) and _r - _hr <= 100 and 100 <= _r + _hr then 'within_rounding'
            end as outcome
        from bases
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when outcome = 'within_rounding' then '" ~ within_rounding_rule_id ~ "' else '"
                    ~ rule_id ~ "' end",
                lhs='_r',
                rhs="case when outcome = 'recomputed' then round(100 * actual_yuan / _b, 6) else 100 end",
                difference="case when outcome = 'recomputed' then _r - round(100 * actual_yuan / _b, 6) end",
                tolerance='_hr',
                message="case outcome
                    when 'recomputed' then 'the completion rate is printed ' || rate_text || '%, but 决算 '
                        || cast(cast(actual_yuan as decimal(38, 2)) as varchar) || ' 元 against 预算 '
                        || cast(cast(_b as decimal(38, 2)) as varchar) || ' 元 is '
                        || cast(round(100 * actual_yuan / _b, 2) as varchar) || '%'
                    when 'direction' then 'the completion rate is printed ' || rate_text || '%, but the sentence says '
                        || case direction when 1 then '决算 is above 预算' when -1 then '决算 is below 预算'
                            else '决算 equals 预算' end
                    else 'the completion rate is printed ' || rate_text || '% while the sentence says '
                        || case direction when 1 then '决算 is above 预算' else '决算 is below 预算' end
                        || ': both hold only if the difference is within the rounding of the rate'
                end") }}
        from judged
        where outcome is not null
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test completion_contradictions(model) %}
    {{ completion_contradictions_check(model) }}
{% endtest %}
