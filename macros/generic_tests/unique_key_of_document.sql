{#- A row key that begins with its own document's sha256 (`<document_sha256>:<index>`, and the ids taken from one, as
    appropriation_id or statement_id) is unique if no two rows share it and every row's key begins with its row's
    document. Failing rows: every duplicated key (problem 'duplicate', with how many rows share it) and every row
    whose key does not begin with `document_column || ':'` (problem 'not of its document'); null keys are not
    checked, as dbt's own `unique` leaves them. Both parts are needed for what makes this test cheap: in an incremental
    build it reads only the documents in scope (macros/document_scope.sql, per_document_tests), and a key of a document
    in scope, beginning with that document, can never equal a key of a document out of scope. -#}
{% macro unique_key_of_document_check(model, column_name, document_column='document_sha256') %}
    with

    keyed as (
        select
            {{ column_name }} as key_value,
            {{ document_column }} as document_sha256
        from {{ model }}
        where {{ column_name }} is not null
    ),

    duplicated as (
        select
            key_value,
            min(document_sha256) as document_sha256,
            count(*) as n_records,
            'duplicate' as problem
        from keyed
        group by key_value
        having count(*) > 1
    ),

    not_of_its_document as (
        select
            key_value,
            document_sha256,
            1 as n_records,
            'not of its document' as problem
        from keyed
        where document_sha256 is null or not starts_with(key_value, document_sha256 || ':')
    )

    select * from duplicated
    union all
    select * from not_of_its_document
{% endmacro %}

{% test unique_key_of_document(model, column_name, document_column='document_sha256') %}
    {{ unique_key_of_document_check(model, column_name, document_column) }}
{% endtest %}
