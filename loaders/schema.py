"""Explicit DDL for the raw schema. Inserts name their columns; nothing relies on dtype inference.

Amounts are DECIMAL(38, 10) in the printed unit; conversion to yuan happens in dbt.

The tables of a document's records (``DOCUMENT_TABLES``) declare no PRIMARY KEY. Their key, the document's sha256
and the record's index, is unique by construction (the loader numbers a document's records and replaces them all
in one transaction) and tested in every build (the staging models' ``unique_key_of_document`` tests, severity error:
a duplicate fails the build, nothing is published). A PRIMARY KEY would add nothing to that and costs every rebuild:
DuckDB keeps it as an ART index and writes the whole index again at each checkpoint of a changed table, about 0.25 s
each for raw.figures and raw.statements in a 10,000-document warehouse, for a one-document change.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 1

RAW_DDL = [
    "create schema if not exists raw",
    """
    create table if not exists raw.documents (
        document_sha256 varchar primary key,
        file_name varchar not null,
        file_path varchar not null,
        size_bytes bigint not null,
        encoding varchar,
        kind varchar,
        kind_source varchar,          -- manifest | cover | title | table_header | text | default (unclassified)
        fiscal_year integer,
        fiscal_year_source varchar,   -- manifest | cover | title | table_header | parser
        department varchar,
        department_source varchar,    -- manifest | cover | title | table_header | parser
        printed_unit varchar,
        source varchar,
        title varchar,
        page_count integer,
        line_count integer,
        registered_at timestamp not null,
        level varchar,                -- 中央 | 省 | 市 | 区县 | 乡镇(街道)
        level_source varchar,         -- manifest | cover | title | table_header
        unit_source varchar,          -- manifest | table_header | text
        detection_evidence varchar,   -- the printed line each detected fact was read from
        parser_name varchar           -- the parser that read it (generic: the general reader)
    )
    """,
    # warehouses created before the detection columns existed
    "alter table raw.documents add column if not exists level varchar",
    "alter table raw.documents add column if not exists level_source varchar",
    "alter table raw.documents add column if not exists unit_source varchar",
    "alter table raw.documents add column if not exists detection_evidence varchar",
    "alter table raw.documents add column if not exists parser_name varchar",
    """
    create table if not exists raw.loads (
        load_id varchar primary key,
        document_sha256 varchar,      -- null when the file could not be read at all
        file_name varchar not null,
        parser_name varchar,
        parser_version varchar,
        started_at timestamp not null,
        finished_at timestamp,
        status varchar not null,      -- running | completed | failed | unsupported
        figures_loaded integer,
        indicators_loaded integer,
        findings_loaded integer,
        error_message varchar
    )
    """,
    """
    create table if not exists raw.figures (
        document_sha256 varchar not null,
        load_id varchar not null,
        file_name varchar not null,
        figure_index integer not null,
        page integer,
        line_start integer not null,
        line_end integer not null,
        section varchar,
        table_name varchar,
        row_code varchar,
        row_code_scheme varchar,
        row_kind varchar,
        unit_code varchar,
        row_label varchar,
        column_code varchar,
        column_label varchar,
        subject varchar,
        measure varchar not null,
        label varchar,
        parent_label varchar,
        value_text varchar not null,
        value decimal(38, 10) not null,
        printed_decimals integer not null,
        printed_unit varchar,
        sign smallint not null,
        comparison varchar,
        raw_text varchar not null,
        context_text varchar
    )
    """,
    """
    create table if not exists raw.indicators (
        document_sha256 varchar not null,
        load_id varchar not null,
        file_name varchar not null,
        indicator_index integer not null,
        page integer,
        line_start integer not null,
        line_end integer not null,
        subject varchar,
        sequence_no integer,
        level1_code varchar,
        level1_name varchar,
        level2_code varchar,
        level2_name varchar,
        indicator_name varchar not null,
        value_period_kind varchar,
        value_text varchar not null,
        comparison varchar,
        number_text varchar,
        number decimal(38, 10),
        number_high decimal(38, 10),
        printed_decimals integer,
        unit varchar,
        period varchar,
        is_qualitative boolean not null,
        raw_text varchar not null
    )
    """,
    """
    create table if not exists raw.attributes (
        document_sha256 varchar not null,
        load_id varchar not null,
        file_name varchar not null,
        attribute_index integer not null,
        page integer,
        line_start integer not null,
        line_end integer not null,
        subject varchar,
        attribute varchar not null,   -- project_name, grade, fund_source, implementing_unit ...
        value_text varchar not null,
        raw_text varchar not null
    )
    """,
    """
    create table if not exists raw.statements (
        document_sha256 varchar not null,
        load_id varchar not null,
        file_name varchar not null,
        statement_index integer not null,
        sentence_index integer not null,
        page integer,
        line_start integer not null,
        line_end integer not null,
        section varchar,
        sentence varchar not null,
        subject varchar,
        subject_kind varchar,
        subject_path varchar,
        parent_subject varchar,
        list_index integer,
        role varchar not null,        -- amount | prior_amount | change | growth_pct | share_pct | completion_pct | count | placeholder | empty_reason | empty_table_note | text marks (text_marks.py)
        period_year integer,
        basis varchar,
        compared_year integer,
        compared_basis varchar,
        direction smallint,
        value_text varchar,
        value decimal(38, 10),
        printed_decimals integer,
        printed_unit varchar,
        reason_text varchar,
        reason_direction smallint,
        raw_text varchar not null,
        scope varchar                 -- the area or level the sentence is about (全省100个县区, 市本级), as printed
    )
    """,
    # warehouses created before the statements' scope existed
    "alter table raw.statements add column if not exists scope varchar",
    """
    create table if not exists raw.load_findings (
        document_sha256 varchar,
        load_id varchar not null,
        file_name varchar not null,
        finding_index integer not null,
        rule_id varchar not null,
        severity varchar not null,
        page integer,
        line_start integer,
        line_end integer,
        raw_text varchar,
        message varchar not null,
        primary key (load_id, finding_index)
    )
    """,
]

# Tables whose rows belong to one document and are replaced together when it is reloaded.
DOCUMENT_TABLES = ("raw.figures", "raw.indicators", "raw.attributes", "raw.statements")


def ensure_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    for statement in RAW_DDL:
        con.execute(statement)
    _drop_document_keys(con)


def _drop_document_keys(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse made before the document tables lost their PRIMARY KEY (see above): each such table is copied once
    into a table of the current DDL, by column name, in one transaction, and takes its name."""
    keyed = {f"{schema}.{table}" for schema, table in con.execute(
        "select schema_name, table_name from duckdb_constraints() where constraint_type = 'PRIMARY KEY' "
        "and schema_name = 'raw'").fetchall()}
    for table in DOCUMENT_TABLES:
        if table not in keyed:
            continue
        name = table.split(".")[1]
        ddl = next(statement for statement in RAW_DDL if f"create table if not exists {table} (" in statement)
        con.execute("begin")
        try:
            con.execute(ddl.replace(f"create table if not exists {table} (", f"create table {table}__unkeyed ("))
            con.execute(f"insert into {table}__unkeyed by name select * from {table}")
            con.execute(f"drop table {table}")
            con.execute(f"alter table {table}__unkeyed rename to {name}")
            con.execute("commit")
        except BaseException:
            con.execute("rollback")
            raise
