{#- Incremental rebuilds keyed by document (issue 15).

    A model whose rows each belong to one document (document_sha256) is materialized 'incremental': on a rebuild it
    deletes the rows of the documents in scope and inserts theirs again, computed from those documents alone.

    The scope is the table ops.changed_documents, written by `yusuan build` (loaders/build.py) just before dbt runs:
    the sha256 of every document added, changed, re-parsed or renamed in this build, of every document removed or
    replaced (its old sha256), and of every file with a LOAD-FILE-* finding before or after the load. Rows without a
    document (document_sha256 null) are always in scope.

    The scope applies only when dbt is run with the variable yusuan_incremental true, which only `yusuan build`
    passes (the same value every run, so dbt keeps its partial parse). Without it (dbt run by hand, on a copy whose
    ops.changed_documents may be stale) the scope is every document: the model is recomputed whole. A full refresh
    (`yusuan build --full-refresh`, a new dbt project fingerprint, a first build) rebuilds from scratch as a table.

    Usage in a model:
        {{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
                  pre_hook="{{ delete_documents_in_scope() }}") }}
        ... from {{ ref('stg_raw__figures') }} where {{ documents_in_scope() }}
-#}

{% macro incremental_scope_active() -%}
    {#- a unit test renders the model without a relation of its own (this is none): every input row counts -#}
    {{- return(this is not none and var('yusuan_incremental', false) and is_incremental()) -}}
{%- endmacro %}

{#- A predicate: is this row's document one whose rows are recomputed in this run (always true outside an
    incremental run)? -#}
{% macro documents_in_scope(column='document_sha256') -%}
    {%- if incremental_scope_active() -%}
        ({{ column }} is null or {{ column }} in (select document_sha256 from ops.changed_documents))
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Documents whose rows a rule across one department's documents can change (int_statement_text_failures: NAR-PRIOR
    compares a document with its department's document of the year before, NAR-TARGETS with the department's
    项目支出绩效目标表 of the year): the documents in scope and every document of a department one of them belongs, or
    belonged, to. ops.changed_departments holds the department names of the documents in scope, before and after the
    load (a removed document's name is known only from before), written by `yusuan build` with ops.changed_documents;
    departments are matched by their key (macros/departments.sql), as dim_departments matches them. raw.documents is
    named directly, as ops.changed_documents is: the scope tables are the build's, outside the models' lineage. -#}
{% macro department_scope_documents() -%}
    select document_sha256 from ops.changed_documents
    union
    select document_sha256 from raw.documents
    where {{ department_key('department') }} in (
        select {{ department_key('department_name') }} from ops.changed_departments)
{%- endmacro %}

{% macro documents_in_department_scope(column='document_sha256') -%}
    {%- if incremental_scope_active() -%}
        ({{ column }} is null or {{ column }} in ({{ department_scope_documents() }}))
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_documents_in_department_scope(column='document_sha256') -%}
    {{- delete_rows_where(documents_in_department_scope(column)) -}}
{%- endmacro %}

{#- The pre-hook of an incremental per-document model: delete the rows of the documents in scope (on an incremental
    run that is not scoped, every row; on a first build or a full refresh, nothing: the table is created anew). -#}
{% macro delete_documents_in_scope(column='document_sha256') -%}
    {{- delete_rows_where(documents_in_scope(column)) -}}
{%- endmacro %}

{% macro delete_rows_where(predicate) -%}
    {%- if this is not none and is_incremental() -%}
        delete from {{ this }} where {{ predicate }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- Data tests scoped the same way. In an incremental build (yusuan_incremental and no --full-refresh), a data test
    of a per-document model whose failing rows each belong to one document reads only the documents in scope: the
    other documents' rows are the ones that passed in the published build, unchanged (tests/test_incremental.py).
    Only the tests named here are scoped; every other test reads the whole model (unique, relationships: a new key can
    collide with, or lose, an unchanged document's), and every test of the cross-document models reads everything.
    unique_key_of_document may be scoped because it also fails a key that does not begin with its own document's
    sha256: a key of a document in scope can then never equal one of a document out of scope. Besides the incremental
    models, the views marked meta document_rows (staging: one raw table each, whose rows the loader replaces one
    document at a time; int_figures_converted, int_statements_converted) are scoped: their rows of a document out of
    scope are those of the published build.
    dbt wraps a generic test's model in get_where_subquery; this project's version adds the scope to the `where`. -#}
{% macro per_document_tests() -%}
    {{- return(['not_null', 'accepted_values', 'check_passes', 'adjustment_balances', 'change_parts_add_up',
                'reported_rate_matches', 'shares_add_up', 'stated_amount_matches', 'stated_ratio_matches',
                'unique_key_of_document']) -}}
{%- endmacro %}

{% macro test_document_scope(relation) -%}
    {%- if not (execute and var('yusuan_incremental', false) and not flags.FULL_REFRESH) -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- set test_name = (model.test_metadata or {}).get('name') if model is not none else none -%}
    {%- if test_name not in per_document_tests() -%}
        {{- return(none) -}}
    {%- endif -%}
    {%- for unique_id in model.depends_on.nodes -%}
        {%- set node = graph.nodes.get(unique_id) -%}
        {%- if node is not none and node.resource_type == 'model' and node.alias == relation.identifier
                and (node.config.materialized == 'incremental' or (node.config.meta or {}).get('document_rows')) -%}
            {%- set key = (node.config.meta or {}).get('document_key', 'document_sha256') -%}
            {%- if (node.config.meta or {}).get('document_scope') == 'department' -%}
                {{- return('(' ~ key ~ ' is null or ' ~ key ~ ' in (' ~ department_scope_documents() ~ '))') -}}
            {%- endif -%}
            {{- return('(' ~ key ~ ' is null or ' ~ key ~ ' in (select document_sha256 from ops.changed_documents))') -}}
        {%- endif -%}
    {%- endfor -%}
    {{- return(none) -}}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- set scope = test_document_scope(relation) -%}
    {%- if where or scope -%}
        {%- set conditions = [] -%}
        {%- if where -%}{%- do conditions.append('(' ~ where ~ ')') -%}{%- endif -%}
        {%- if scope -%}{%- do conditions.append(scope) -%}{%- endif -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ conditions | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}
