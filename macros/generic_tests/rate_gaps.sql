{#- Rule NAR-CALC-011 (error): a rate compared with another rate printed in brackets, the difference stated in 个百分点
    (the marks reader's gap_rate / gap_other / gap_points of one comparison, sharing a sentence_index: 增长14.8%，高于全国
    (3%)11.8个百分点; 自给率仅为21.4%，…远低于全区财政自给率(53.2%)33.9个百分点), where the stated difference, with its
    direction (高于 +, 低于 −), is not the first rate less the second beyond the rounding of the three printed numbers
    (half a unit of each one's last digit); within that rounding but not exact (the difference of the printed rates,
    rounded as the stated one is, is not it): NAR-CALC-005 (notice). One row per comparison; lhs = the stated difference
    (signed), rhs = the first rate less the second, difference = lhs − rhs, tolerance = the three half steps.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro rate_gaps_check(statements, rule_id='NAR-CALC-011', notice_rule_id='NAR-CALC-005') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('gap_rate', 'gap_other', 'gap_points') and value is not null
    ),

    comparisons as (
        select
            {{ mark_group_columns() }},
            {{ role_count('gap_rate', 'rates') }},
            {{ role_count('gap_other', 'others') }},
            {{ role_count('gap_points', 'gaps') }},
            {{ role_rate('gap_rate', 'rate') }},
            {{ role_rate('gap_other', 'other') }},
            {{ role_rate('gap_points', 'points') }},
            max(subject) filter (where role = 'gap_other') as other_subject,
            max(direction) filter (where role = 'gap_points') as direction
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    judged as (
        select
            *,
            direction * points as stated,
            rate - other as computed,
            direction * points - (rate - other) as gap_difference,
            0.5 * (pow(10, -rate_decimals) + pow(10, -other_decimals) + pow(10, -points_decimals)) as gap_tolerance,
            abs(direction * points - (rate - other)) <= 0.5 * pow(10, -points_decimals) as gap_exact
        from comparisons
        where rates = 1 and others = 1 and gaps = 1 and direction in (1, -1)
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when abs(gap_difference) <= gap_tolerance then '" ~ notice_rule_id ~ "' else '"
                    ~ rule_id ~ "' end",
                lhs='stated',
                rhs='computed',
                difference='gap_difference',
                tolerance='gap_tolerance',
                message="case when abs(gap_difference) <= gap_tolerance then 'within rounding, not exact: ' else '' end
                    || rate_text || '% is ' || case when direction = 1 then 'above' else 'below' end || ' '
                    || coalesce(other_subject, 'the other rate') || ' (' || other_text || '%) by ' || points_text
                    || ' 个百分点 as stated, but ' || rate_text || ' − ' || other_text || ' = '
                    || cast(round(computed, 4) as varchar) || ' points'") }}
        from judged
        where not gap_exact
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test rate_gaps(model) %}
    {{ rate_gaps_check(model) }}
{% endtest %}
