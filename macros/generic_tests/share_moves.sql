{#- Rule NAR-SHARE-201 (error): a part's share of a whole moves, against the year before, by what the two growth rates
    give: a part growing at g % inside a whole growing gap points slower, holding s % of it now, held s × (100 + g −
    gap) ÷ (100 + g) % a year before, so its share moved by s × gap ÷ (100 + g) points. The marks reader's
    share_move_growth / share_move_gap / share_move_share / share_move_points of one sentence (民生支出…增长33%，高于
    全市公共财政支出3.7个百分点，…；占全市公共财政支出的69%，较去年同期提高1.4个百分点: 69 × 3.7 ÷ 133 = 1.92, not 1.4).
    Each printed number stands for its rounding interval (half a unit of its last digit); the move is monotone in each,
    so the interval of the computed move is read at its corners. A stated move (signed by 提高 / 下降) whose interval
    does not meet the computed one fails. One row per sentence; lhs = the stated move, rhs = the move computed from
    the printed figures, difference = lhs − rhs, tolerance = half the computed interval's width plus the stated
    move's half step. `statements`: statement rows (stg_raw__statements columns). -#}
{% macro share_moves_check(statements, rule_id='NAR-SHARE-201') %}
    with

    marks as (
        select *
        from {{ statements }}
        where role in ('share_move_growth', 'share_move_gap', 'share_move_share', 'share_move_points')
            and value is not null
    ),

    moves as (
        select
            {{ mark_group_columns() }},
            {{ role_count('share_move_growth', 'growths') }},
            {{ role_count('share_move_gap', 'gaps') }},
            {{ role_count('share_move_share', 'shares') }},
            {{ role_count('share_move_points', 'moves') }},
            {{ role_rate('share_move_growth', 'growth') }},
            {{ role_rate('share_move_gap', 'gap') }},
            {{ role_rate('share_move_share', 'share') }},
            {{ role_rate('share_move_points', 'points') }},
            max(direction) filter (where role = 'share_move_gap') as gap_direction,
            max(direction) filter (where role = 'share_move_points') as move_direction,
            max(subject) filter (where role = 'share_move_share') as whole
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    bounded as (
        select
            *,
            cast(move_direction * points as double) as stated,
            0.5 * pow(10, -points_decimals) as stated_half_step,
            -- the corners of the three printed numbers' rounding intervals
            [cast(share as double) - 0.5 * pow(10, -share_decimals), cast(share as double) + 0.5 * pow(10, -share_decimals)]
                as share_bounds,
            [gap_direction * (cast(gap as double) - 0.5 * pow(10, -gap_decimals)),
             gap_direction * (cast(gap as double) + 0.5 * pow(10, -gap_decimals))] as gap_bounds,
            [cast(growth as double) - 0.5 * pow(10, -growth_decimals),
             cast(growth as double) + 0.5 * pow(10, -growth_decimals)] as growth_bounds,
            cast(share as double) * gap_direction * cast(gap as double) / (100 + cast(growth as double)) as computed
        from moves
        where growths = 1 and gaps = 1 and shares = 1 and moves = 1
            and gap_direction in (1, -1) and move_direction in (1, -1)
    ),

    corners as (
        select
            *,
            list_min(flatten(flatten(list_transform(share_bounds, lambda s: list_transform(gap_bounds,
                lambda d: list_transform(growth_bounds, lambda g: s * d / (100 + g))))))) as computed_low,
            list_max(flatten(flatten(list_transform(share_bounds, lambda s: list_transform(gap_bounds,
                lambda d: list_transform(growth_bounds, lambda g: s * d / (100 + g))))))) as computed_high
        from bounded
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="'" ~ rule_id ~ "'",
                lhs='stated',
                rhs='computed',
                difference='stated - computed',
                tolerance='(computed_high - computed_low) / 2 + stated_half_step',
                message="'the share of ' || coalesce(whole, 'the whole') || ' moves by ' || points_text
                    || ' 个百分点 as stated, but ' || share_text || ' × ' || gap_text || ' ÷ (100 + ' || growth_text
                    || ') = ' || cast(round(abs(computed), 2) as varchar) || ' points (between '
                    || cast(round(computed_low, 2) as varchar) || ' and ' || cast(round(computed_high, 2) as varchar)
                    || ' for the rounding of the printed figures): a part growing ' || growth_text || '% '
                    || case when gap_direction = 1 then 'faster' else 'slower' end || ' than its whole by ' || gap_text
                    || ' points'") }}
        from corners
        where stated + stated_half_step < computed_low or stated - stated_half_step > computed_high
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test share_moves(model) %}
    {{ share_moves_check(model) }}
{% endtest %}
