{#- Fixture rows for the prose checks (tests/dbt/generic_test_fixtures/test_*statement*): the statement columns the
    checks read, from a CTE `relation` that gives only some of them (`given`, a list of names) plus `case_id`. What is
    not given is null, except: document_sha256 and file_name = case_id, line_start = line_end = sentence_index,
    raw_text = sentence, value = value_text read as a number (thousands separators dropped), printed_decimals = the
    digits after its point, document_fiscal_year = 2024, document_kind = department_budget_sh. -#}
{% macro statement_fixture_columns() -%}
    {{ return([
        ('document_sha256', 'varchar', 'case_id'),
        ('file_name', 'varchar', 'case_id'),
        ('page', 'integer', 'null'),
        ('sentence_index', 'integer', 'null'),
        ('line_start', 'integer', 'sentence_index'),
        ('line_end', 'integer', 'sentence_index'),
        ('sentence', 'varchar', 'null'),
        ('section', 'varchar', 'null'),
        ('raw_text', 'varchar', 'sentence'),
        ('role', 'varchar', 'null'),
        ('subject', 'varchar', 'null'),
        ('subject_kind', 'varchar', 'null'),
        ('subject_path', 'varchar', 'null'),
        ('parent_subject', 'varchar', 'null'),
        ('list_index', 'integer', 'null'),
        ('period_year', 'integer', 'null'),
        ('basis', 'varchar', 'null'),
        ('compared_year', 'integer', 'null'),
        ('compared_basis', 'varchar', 'null'),
        ('direction', 'smallint', 'null'),
        ('value_text', 'varchar', 'null'),
        ('value', 'decimal(38, 10)', "replace(value_text, ',', '')"),
        ('printed_decimals', 'integer', "case when value_text like '%.%' then length(split_part(value_text, '.', 2)) else 0 end"),
        ('printed_unit', 'varchar', 'null'),
        ('reason_text', 'varchar', 'null'),
        ('reason_direction', 'smallint', 'null'),
        ('scope', 'varchar', 'null'),
        ('document_fiscal_year', 'integer', '2024'),
        ('document_kind', 'varchar', "'department_budget_sh'"),
        ('department_key', 'varchar', 'null'),
    ]) }}
{%- endmacro %}

{% macro statement_fixture_rows(relation, given) -%}
    select
        case_id,
        {%- for name, type, default in statement_fixture_columns() %}
        {%- set needs = {'value_text': ['value', 'printed_decimals'], 'sentence': ['raw_text'],
                         'sentence_index': ['line_start', 'line_end']} %}
        {%- set ns = namespace(expression=default) %}
        {%- for source, dependents in needs.items() if name in dependents and source not in given %}
            {%- set ns.expression = '1' if source == 'sentence_index' else 'null' %}
        {%- endfor %}
        cast({{ name if name in given else ns.expression }} as {{ type }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
{%- endmacro %}
