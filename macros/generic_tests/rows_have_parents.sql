{#- Rule TBL-ORPHAN-001: a coded row (款 20103, 项 2010301 …) with no row of a shorter code above it, in a table that
    does print shorter codes of the same scheme: its 类/款 row is missing, so the rows it should add up to cannot
    be checked. Such rows are reported here rather than lost in a join. `cells` as int_table_cells, `links` as
    int_table_row_links (code links). -#}
{% macro rows_have_parents_check(cells, links, known, rows=none) %}
    {{ require_arguments('rows_have_parents_check', {'cells': cells, 'links': links, 'known': known}) }}
    with

    _rows as (
        {%- if rows is none %}
        select
            {{ row_place_columns() }},
            any_value(row_code) as row_code,
            any_value(row_code_scheme) as row_code_scheme,
            any_value(row_label) as row_label,
            any_value(side) as side
        from {{ cells }}
        where row_code is not null
        group by row_key
        {%- else %}
        -- the coded rows given (coded_rows of the same cells), aggregated once for this check and the childless one
        select
            row_key, document_sha256, file_name, table_name, page, line_start, line_end,
            row_code, row_code_scheme, row_label, side
        from {{ rows }}
        {%- endif %}
    ),

    shortest as (
        select document_sha256, table_name, coalesce(row_code_scheme, '') as scheme, min(length(row_code)) as shortest
        from _rows
        group by all
    ),

    orphans as (
        select _rows.*
        from _rows
        inner join shortest
            on shortest.document_sha256 = _rows.document_sha256
            and shortest.table_name = _rows.table_name
            and shortest.scheme = coalesce(_rows.row_code_scheme, '')
        where length(_rows.row_code) > shortest.shortest
            and _rows.side is null
            and _rows.row_key not in (select child_row_key from {{ links }} where link_kind = 'code')
    ),

    described as (
        select
            'TBL-ORPHAN-001' as rule_id,
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            cast(null as decimal(38, 6)) as lhs,
            cast(null as decimal(38, 6)) as rhs,
            cast(null as decimal(38, 6)) as difference,
            cast(null as decimal(38, 6)) as tolerance,
            table_name || ': row ' || row_code || coalesce(' ' || row_label, '')
                || ' has no row of a shorter code above it (its 类/款 row is missing or its code misprinted); its sum cannot be checked'
                as message
        from orphans
    ),

    located as (
        select *, {{ source_locator() }} as source_locator from described
    )

    {{ without_known_discrepancies('located', known) }}
{% endmacro %}

{% test rows_have_parents(model, links, known) %}
    {{ rows_have_parents_check(model, links, known) }}
{% endtest %}
