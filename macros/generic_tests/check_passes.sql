{#- The data test of a check computed once into a failures model (int_table_rule_failures, column check_name):
    the failing rows of check `check_name`, with their evidence columns. The check itself is the macro named by
    check_name (e.g. rows_add_up_check), tested on fixtures in tests/dbt/generic_test_fixtures/; this only selects. -#}
{% macro failures_of_check(failures, check_name) %}
    select *
    from {{ failures }}
    where check_name = '{{ check_name }}'
{% endmacro %}

{% test check_passes(model, check_name) %}
    {{ failures_of_check(model, check_name) }}
{% endtest %}
