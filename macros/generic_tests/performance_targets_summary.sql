{#- Rules NAR-TARGETS-001..004: the 绩效目标 summary of a budget ("编报绩效目标的项目50个，涉及项目预算资金5634.81万元":
    statements of subject_kind `performance_targets`, a `count` and an `amount` in one sentence) against what the
    warehouse holds.
    - NAR-TARGETS-001 (error): in a budget, the amount is above the 项目支出 the same document prints (the largest
      项目支出 total of its tables, `project_totals`: document_sha256, amount_yuan, half_step_yuan, file_name, page,
      line_start, raw_text). Targets need not cover every project (万里街道 2024: 5634.81 of 5650.51 万元), so only
      more is wrong. A 决算 prints the 项目支出 spent, which the budgeted amounts of its projects may exceed
      (普陀区财政局 2024: 598.42 budgeted of 603.14 spent; it could as well be more): not compared.
    - NAR-TARGETS-002 (error): the warehouse holds more 项目支出绩效目标表 forms of the department and year
      (`forms`: one row per form, department_key, fiscal_year, amount_yuan, half_step_yuan) than the count stated.
    - NAR-TARGETS-003 (error): it holds exactly as many forms as stated and their amounts do not add up to the
      stated amount (fewer forms than stated: nothing to say, not every form is published).
    - NAR-TARGETS-004 (notice): either comparison differs within the rounding of the figures (tolerance: the sum
      of their half-steps), not by zero.
    The summary is the sentence whose performance_targets subject (else the sentence) names 绩效目标: "绩效自评的项目4个"
    and "绩效跟踪评价的项目" count other things. `statements`: statement rows with department_key, document_fiscal_year
    and document_kind. One row per failing comparison. -#}
{% macro performance_targets_summary_check(statements, project_totals, forms, rule_id='NAR-TARGETS-001',
                                           count_rule_id='NAR-TARGETS-002', forms_total_rule_id='NAR-TARGETS-003',
                                           rounding_rule_id='NAR-TARGETS-004') %}
    with

    summaries as (
        select
            document_sha256,
            sentence_index,
            min(file_name) as file_name,
            min(page) as page,
            min(line_start) as line_start,
            max(line_end) as line_end,
            arg_min(sentence, (length(sentence), sentence)) as sentence,
            any_value(department_key) as department_key,
            any_value(document_fiscal_year) as document_fiscal_year,
            any_value(document_kind) as document_kind,
            max(case when role = 'count' then value end) as stated_count,
            count(distinct case when role = 'count' then value end) as count_statements,
            max(case when role = 'amount' then {{ statement_yuan('value', 'printed_unit') }} end) as stated_yuan,
            max(case when role = 'amount' then {{ statement_half_step_yuan('printed_decimals', 'printed_unit') }} end)
                as stated_half_step,
            max(case when role = 'amount' then value_text || printed_unit end) as stated_text,
            count(distinct case when role = 'amount' then value end) as amount_statements
        from {{ statements }}
        where subject_kind = 'performance_targets'
            and coalesce(subject, sentence) like '%绩效目标%'
        group by document_sha256, sentence_index
    ),

    project_total as (
        select *
        from {{ project_totals }}
        qualify row_number() over (partition by document_sha256 order by amount_yuan desc, page, line_start) = 1
    ),

    against_projects as (
        select
            summaries.*,
            project_total.amount_yuan as project_yuan,
            summaries.stated_yuan - project_total.amount_yuan as _difference,
            summaries.stated_half_step + project_total.half_step_yuan as _tolerance,
            project_total.file_name || coalesce(':' || cast(project_total.line_start as varchar), '')
                || coalesce(' (p. ' || cast(project_total.page as varchar) || ')', '') || ': '
                || trim(project_total.raw_text) as _quoted_table
        from summaries
        inner join project_total using (document_sha256)
        where summaries.amount_statements = 1 and summaries.stated_yuan - project_total.amount_yuan > 0
            and summaries.document_kind like '%budget%'
    ),

    held_forms as (
        select
            department_key,
            fiscal_year,
            count(*) as form_count,
            sum(amount_yuan) as forms_yuan,
            sum(half_step_yuan) as forms_half_step
        from {{ forms }}
        group by department_key, fiscal_year
    ),

    against_forms as (
        select
            summaries.*,
            held_forms.form_count,
            held_forms.forms_yuan,
            summaries.stated_yuan - held_forms.forms_yuan as _difference,
            summaries.stated_half_step + held_forms.forms_half_step as _tolerance
        from summaries
        inner join held_forms
            on held_forms.department_key = summaries.department_key
            and held_forms.fiscal_year = summaries.document_fiscal_year
        where summaries.count_statements = 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when _difference >= _tolerance then '" ~ rule_id ~ "' else '" ~ rounding_rule_id ~ "' end",
                lhs='stated_yuan',
                rhs='project_yuan',
                difference='_difference',
                tolerance='_tolerance',
                message="'the 绩效目标 summary covers ' || stated_text || ', more than the 项目支出 the document prints ('
                    || " ~ amount_text('project_yuan') ~ " || ')'
                    || case when _difference < _tolerance then ', within the rounding of the two' else '' end",
                quoted_source="sentence || chr(10) || _quoted_table") }}
        from against_projects
        union all
        select
            {{ statement_failure_columns("'" ~ count_rule_id ~ "'",
                lhs='form_count',
                rhs='stated_count',
                difference='form_count - stated_count',
                tolerance='0',
                message="'the 绩效目标 summary states ' || cast(cast(stated_count as integer) as varchar)
                    || ' projects, but the warehouse holds ' || cast(form_count as varchar)
                    || ' 项目支出绩效目标表 of the department for ' || cast(document_fiscal_year as varchar)") }}
        from against_forms
        where form_count > stated_count
        union all
        select
            {{ statement_failure_columns(
                rule_id="case when abs(_difference) >= _tolerance then '" ~ forms_total_rule_id ~ "' else '"
                    ~ rounding_rule_id ~ "' end",
                lhs='stated_yuan',
                rhs='forms_yuan',
                difference='_difference',
                tolerance='_tolerance',
                message="'the 绩效目标 summary states ' || stated_text || ' for ' || cast(form_count as varchar)
                    || ' projects; their 项目支出绩效目标表 add up to ' || " ~ amount_text('forms_yuan')
                    ~ " || case when abs(_difference) < _tolerance then ', within the rounding of the figures'
                        else '' end") }}
        from against_forms
        where form_count = stated_count and amount_statements = 1 and _difference <> 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test performance_targets_summary(model, project_totals, forms) %}
    {{ performance_targets_summary_check(model, project_totals, forms) }}
{% endtest %}
