{#- Rule DIM-CODE-001: a 功能分类 / 经济分类 code printed in a document must be in the code list (seeds
    function_classes / economic_classes). A missing code is a finding, never a crash: the figure stays in the
    marts with its code, and the failing row names the document, line and code. One row per printed line and code
    (a line printing five amounts gives one finding). No tolerance: a code is in the list or not. -#}
{% macro classification_code_known_check(model, code, code_list, code_list_column='code', scheme_label='code',
                                         rule_id='DIM-CODE-001') %}
    {{ require_arguments('classification_code_known_check', {'code': code, 'code_list': code_list}) }}
    with

    printed as (
        select distinct
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            source_locator,
            cast({{ code }} as varchar) as _code
        from {{ model }}
        where {{ code }} is not null
    ),

    listed as (
        select distinct cast({{ code_list_column }} as varchar) as _code from {{ code_list }}
    ),

    failing as (
        select
            '{{ rule_id }}' as rule_id,
            printed.document_sha256,
            printed.file_name,
            printed.page,
            printed.line_start,
            printed.line_end,
            printed.source_locator,
            cast(null as decimal(38, 6)) as lhs,
            cast(null as decimal(38, 6)) as rhs,
            cast(null as decimal(38, 6)) as difference,
            cast(null as decimal(38, 6)) as tolerance,
            '{{ scheme_label }} ' || printed._code || ' is printed but not in the code list' as message
        from printed
        left join listed using (_code)
        where listed._code is null
    )

    select {{ evidence_columns() }} from failing
{% endmacro %}

{% test classification_code_known(model, column_name, code_list, code_list_column='code', scheme_label='code') %}
    {{ classification_code_known_check(model, column_name, code_list, code_list_column, scheme_label) }}
{% endtest %}
