{#- Rules NAR-SUM-001 (error) and NAR-SUM-002 (notice): a balance stated as a running sum in the prose of a budget
    execution or final-accounts report ("支出完成59.69亿元…。加上上解支出1.4亿元、调出资金0.46亿元…以及结转下年3.48亿元
    后，支出总计66.05亿元"; "收入X万元，加上级补助收入a万元、上年结余b万元，收入总计Y万元"; 减去 / 扣除 … 后 for a
    subtraction), on the marks reader's sum_base / sum_add / sum_subtract / sum_result of one sentence_index.
    Judged only when the sum has exactly one base, one result and at least one term, every amount in 元 / 万元 / 亿元.
    With d = result − (base + Σ sum_add − Σ sum_subtract), all in 元, and the tolerance the sum of the half steps of
    every printed term (half a unit of the last printed digit of the base, each term and the result, in 元): exact,
    nothing; |d| < tolerance, NAR-SUM-002 (notice: the rounding of the printed terms allows it); beyond, NAR-SUM-001.
    One row per sum; lhs = the result, rhs = base ± terms, difference = d, tolerance as said.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro running_sums_check(statements, rule_id='NAR-SUM-001', notice_rule_id='NAR-SUM-002') %}
    with

    marks as (
        select
            *,
            {{ statement_yuan('value', 'printed_unit') }} as _yuan,
            {{ statement_half_step_yuan('printed_decimals', 'printed_unit') }} as _h,
            case role when 'sum_subtract' then -1 else 1 end as _sign
        from {{ statements }}
        where role in ('sum_base', 'sum_add', 'sum_subtract', 'sum_result') and value is not null
    ),

    sums as (
        select
            document_sha256,
            file_name,
            sentence_index,
            arg_min(sentence, (length(sentence), sentence)) as sentence,
            min(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            {{ role_count('sum_base', 'bases') }},
            {{ role_count('sum_result', 'results') }},
            count(*) filter (where role in ('sum_add', 'sum_subtract')) as term_count,
            count(*) filter (where _yuan is null) as unknown_units,
            sum(_sign * _yuan) filter (where role <> 'sum_result') as computed_yuan,
            max(_yuan) filter (where role = 'sum_result') as result_yuan,
            sum(_h) as tolerance_yuan,
            string_agg(
                case role when 'sum_base' then '' when 'sum_subtract' then ' − ' when 'sum_add' then ' + ' else ' = ' end
                || value_text || printed_unit, '' order by list_index) as printed_sum
        from marks
        group by document_sha256, file_name, sentence_index
    ),

    compared as (
        select
            *,
            result_yuan - computed_yuan as _d
        from sums
        where bases = 1 and results = 1 and term_count >= 1 and unknown_units = 0
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when abs(_d) < tolerance_yuan then '" ~ notice_rule_id ~ "' else '" ~ rule_id ~ "' end",
                lhs='result_yuan',
                rhs='computed_yuan',
                difference='_d',
                tolerance='tolerance_yuan',
                message="'the balance stated as a running sum does not add up: ' || printed_sum || ', but the terms give '
                    || cast(cast(computed_yuan as decimal(38, 2)) as varchar) || ' 元 against ' || cast(cast(result_yuan as decimal(38, 2)) as varchar)
                    || ' 元 printed (difference ' || cast(cast(_d as decimal(38, 2)) as varchar) || ' 元, rounding of the printed terms '
                    || cast(cast(tolerance_yuan as decimal(38, 2)) as varchar) || ' 元)'" ) }}
        from compared
        where _d <> 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test running_sums(model) %}
    {{ running_sums_check(model) }}
{% endtest %}
