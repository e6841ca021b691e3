{#- The values of one role within a group of statement rows (a sentence's text marks grouped by document and
    sentence), as the group's columns: the pivot the prose checks on the marks share (budget_comparison_amounts,
    completion_contradictions, budget_reason_direction). Each is an aggregate expression list for a `group by`:
      role_amount(role, name): <name>_yuan (the value in yuan, money only) and <name>_h (its half step in yuan);
      role_rate(role, name): <name> (the value as printed, e.g. a rate in %), <name>_text and <name>_decimals;
      role_count(role, name): <name>, the number of rows of the role.
    `max` picks the one value a sentence has; a check that needs exactly one counts the rows with role_count. -#}
{% macro role_amount(role, name) -%}
    max({{ statement_yuan('value', 'printed_unit') }}) filter (where role = '{{ role }}') as {{ name }}_yuan,
    max({{ statement_half_step_yuan('printed_decimals', 'printed_unit') }}) filter (where role = '{{ role }}')
        as {{ name }}_h
{%- endmacro %}

{% macro role_rate(role, name) -%}
    max(value) filter (where role = '{{ role }}') as {{ name }},
    max(value_text) filter (where role = '{{ role }}') as {{ name }}_text,
    max(printed_decimals) filter (where role = '{{ role }}') as {{ name }}_decimals
{%- endmacro %}

{% macro role_count(role, name) -%}
    count(*) filter (where role = '{{ role }}') as {{ name }}
{%- endmacro %}

{#- The columns of a group of one sentence's marks (grouped by document_sha256, file_name, sentence_index): the
    sentence as printed and where it stands (first page and line, last line). -#}
{% macro mark_group_columns() -%}
    document_sha256, file_name, sentence_index,
    arg_min(sentence, (length(sentence), sentence)) as sentence,
    min(page) as page,
    min(line_start) as line_start,
    max(line_end) as line_end
{%- endmacro %}
