{#- Rules EVA-WEIGHT-001 / EVA-WEIGHT-002 on the scoring scheme of an evaluation report (fct_evaluation_scores):
    * 001: the top-level weights of a project (预算执行率 20%, 产出指标 50%, 效益指标 30%) add up to 100;
    * 002: the items under a weight add up to it: sub-weights to their parent (数量 25 + 质量 15 + 时效 10 分 =
      产出指标 50%, read on the report's 100-point scale) and the points of a weight's conditions to the weight
      (提升知晓率 10 + 提高归属感 10 = 社会效益 20); an alternative (否则得 0 分) is not added. A scored group that
      the report attaches to no weight (服务对象满意度: 提升满意度得 10 分) cannot be placed under one parent, so
      when a project has one, its top-level parents are checked together: all their sub-items plus the
      unattached groups = the sum of those parents.
    Tolerance: the sum of the half-steps of the printed figures involved. -#}
{% macro evaluation_weights_check(model, total_rule_id='EVA-WEIGHT-001', parent_rule_id='EVA-WEIGHT-002') %}
    with

    items as (
        select
            *,
            cast({{ half_step('printed_decimals', 1) }} as decimal(38, 6)) as _half_step
        from {{ model }}
    ),

    weights as (
        select * from items where item_kind = 'weight'
    ),

    sub_items as (
        select * from items
        where (item_kind = 'weight' and parent_label is not null)
            or (item_kind = 'scoring_points' and not starts_with(item_label, '否则'))
    ),

    unattached as (
        select
            sub_items.document_sha256,
            sub_items.project_name,
            sum(sub_items.value) as points,
            sum(sub_items._half_step) as tolerance,
            min(sub_items.line_start) as line_start,
            max(sub_items.line_end) as line_end
        from sub_items
        left join weights
            on weights.document_sha256 = sub_items.document_sha256
            and weights.project_name is not distinct from sub_items.project_name
            and weights.item_label = sub_items.parent_label
        where weights.item_label is null
        group by sub_items.document_sha256, sub_items.project_name
    ),

    per_parent as (
        select
            weights.document_sha256,
            weights.file_name,
            weights.project_name,
            weights.item_label,
            weights.parent_label is null as is_top,
            weights.value as parent_value,
            weights._half_step as parent_half_step,
            sum(sub_items.value) as child_sum,
            sum(sub_items._half_step) as child_tolerance,
            least(any_value(weights.line_start), min(sub_items.line_start)) as line_start,
            greatest(any_value(weights.line_end), max(sub_items.line_end)) as line_end
        from weights
        inner join sub_items
            on sub_items.document_sha256 = weights.document_sha256
            and sub_items.project_name is not distinct from weights.project_name
            and sub_items.parent_label = weights.item_label
        group by weights.score_item_id, weights.document_sha256, weights.file_name, weights.project_name,
            weights.item_label, weights.parent_label, weights.value, weights._half_step
    ),

    parent_checks as (
        select
            per_parent.document_sha256,
            per_parent.file_name,
            per_parent.line_start,
            per_parent.line_end,
            per_parent.child_sum as lhs,
            per_parent.parent_value as rhs,
            per_parent.child_tolerance + per_parent.parent_half_step as tolerance,
            'the items under ' || per_parent.item_label || ' add up to ' || cast(per_parent.child_sum as varchar)
                || ', not its weight ' || cast(per_parent.parent_value as varchar) as message
        from per_parent
        left join unattached
            on unattached.document_sha256 = per_parent.document_sha256
            and unattached.project_name is not distinct from per_parent.project_name
        where not per_parent.is_top or unattached.document_sha256 is null
    ),

    combined_checks as (
        select
            per_parent.document_sha256,
            any_value(per_parent.file_name) as file_name,
            least(min(per_parent.line_start), any_value(unattached.line_start)) as line_start,
            greatest(max(per_parent.line_end), any_value(unattached.line_end)) as line_end,
            sum(per_parent.child_sum) + any_value(unattached.points) as lhs,
            sum(per_parent.parent_value) as rhs,
            sum(per_parent.child_tolerance + per_parent.parent_half_step) + any_value(unattached.tolerance)
                as tolerance,
            'the items under ' || string_agg(per_parent.item_label, ' and ' order by per_parent.item_label)
                || ' with the groups attached to no weight add up to '
                || cast(sum(per_parent.child_sum) + any_value(unattached.points) as varchar) || ', not '
                || cast(sum(per_parent.parent_value) as varchar) as message
        from per_parent
        inner join unattached
            on unattached.document_sha256 = per_parent.document_sha256
            and unattached.project_name is not distinct from per_parent.project_name
        where per_parent.is_top
        group by per_parent.document_sha256, per_parent.project_name
    ),

    total_checks as (
        select
            document_sha256,
            any_value(file_name) as file_name,
            min(line_start) as line_start,
            max(line_end) as line_end,
            sum(value) as lhs,
            cast(100 as decimal(38, 6)) as rhs,
            sum(_half_step) as tolerance,
            'the top-level weights of ' || coalesce(project_name, 'the project') || ' add up to '
                || cast(sum(value) as varchar) || ', not 100' as message
        from weights
        where parent_label is null
        group by document_sha256, project_name
    ),

    all_checks as (
        select '{{ total_rule_id }}' as rule_id, * from total_checks
        union all by name
        select '{{ parent_rule_id }}' as rule_id, * from parent_checks
        union all by name
        select '{{ parent_rule_id }}' as rule_id, * from combined_checks
    ),

    failing as (
        select
            rule_id,
            document_sha256,
            file_name,
            cast(null as integer) as page,
            line_start,
            line_end,
            {{ source_locator(page='cast(null as integer)') }} as source_locator,
            cast(lhs as decimal(38, 6)) as lhs,
            cast(rhs as decimal(38, 6)) as rhs,
            cast(lhs - rhs as decimal(38, 6)) as difference,
            cast(tolerance as decimal(38, 6)) as tolerance,
            message
        from all_checks
        where abs(lhs - rhs) > tolerance
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test evaluation_weights_add_up(model) %}
    {{ evaluation_weights_check(model) }}
{% endtest %}
