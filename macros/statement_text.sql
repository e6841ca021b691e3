{#- Text keys shared by the prose rules on raw.statements (NAR-TEXT, NAR-YEAR, NAR-COPY, NAR-TARGETS, NAR-PRIOR). -#}

{#- The key two printed names are compared on: no white space, no quotation marks (“三公”经费 -> 三公经费), one kind
    of brackets, no classification markers （类）（款）（项）, no trailing punctuation. -#}
{% macro text_name_key(text_column) -%}
    nullif(
        regexp_replace(regexp_replace(regexp_replace(
            replace(replace(coalesce({{ text_column }}, ''), '(', '（'), ')', '）'),
            '[\s“”"‘’''「」『』]', '', 'g'),
            '（[类款项]）', '', 'g'),
            '[。；;，,：:、！!]+$', ''),
        '')
{%- endmacro %}

{#- The names a subject goes by, as a list of keys: the last element of its path (项, or the subject itself) and the
    last two elements joined (款 + 项: 宣传事务一般行政管理事务), taken from subject_path (elements joined with '/')
    or else from the subject with its markers （类）（款）（项） as separators. A name that is also a name of the other
    subject compared does not tell them apart; the checks test that themselves. -#}
{% macro subject_names(elements) -%}
    list_filter(list_distinct([
        {{ text_name_key(elements ~ '[-1]') }},
        {{ text_name_key('case when len(' ~ elements ~ ') >= 2 then ' ~ elements ~ '[-2] || ' ~ elements ~ '[-1] end') }}
    ]), lambda name: name is not null)
{%- endmacro %}

{#- The path elements of a subject (for subject_names): subject_path split on '/', else the subject split on its
    classification markers, empty elements dropped. -#}
{% macro subject_path_elements(subject, subject_path) -%}
    list_filter(
        case
            when {{ subject_path }} is not null then string_split({{ subject_path }}, '/')
            else string_split(regexp_replace(
                replace(replace(coalesce({{ subject }}, ''), '(', '（'), ')', '）'),
                '（[类款项]）', '/', 'g'), '/')
        end,
        lambda element: {{ text_name_key('element') }} is not null)
{%- endmacro %}

{#- A sentence with every number masked (digits with their separators -> #): two sentences with the same masked
    text say the same thing with (possibly) other numbers. White space is dropped. -#}
{% macro masked_sentence(sentence) -%}
    regexp_replace(regexp_replace(coalesce({{ sentence }}, ''), '\s', '', 'g'), '[0-9０-９][0-9０-９,.，．]*[0-9０-９]|[0-9０-９]', '#', 'g')
{%- endmacro %}

{#- The reason of a change without its lead-in (主要原因是：) and final punctuation, as a key. -#}
{% macro reason_key(reason_text) -%}
    nullif(regexp_replace({{ text_name_key(reason_text) }}, '^(?:其)?(?:主要)?原因(?:是|为)?[：:]?', ''), '')
{%- endmacro %}

{#- An amount stated in the prose in yuan, and half a step of its last printed digit in yuan (null when the unit
    is not 元/万元/亿元). -#}
{% macro statement_yuan(value, printed_unit) -%}
    case when {{ base_unit(printed_unit) }} = '元'
        then cast({{ value }} * {{ unit_multiplier(printed_unit) }} as decimal(38, 6)) end
{%- endmacro %}

{% macro statement_half_step_yuan(printed_decimals, printed_unit) -%}
    case when {{ base_unit(printed_unit) }} = '元'
        then cast({{ half_step('coalesce(' ~ printed_decimals ~ ', 0)', unit_multiplier(printed_unit)) }}
            as decimal(38, 6)) end
{%- endmacro %}

{#- One quoted sentence: where it stands, then the sentence as printed (wrapped lines joined). -#}
{% macro quoted_sentence(file_name='file_name', line_start='line_start', line_end='line_end', page='page',
                         sentence='sentence') -%}
    ({{ source_locator(file_name, line_start, line_end, page) }} || ': ' || {{ sentence }})
{%- endmacro %}

{#- The columns every prose check returns: the evidence columns and the quoted sentence(s) (quoted_source). -#}
{% macro statement_evidence_columns() -%}
    {{ evidence_columns() }}, quoted_source
{%- endmacro %}

{#- The columns of a failing row of a prose check, from a CTE that has document_sha256, file_name, page,
    line_start and line_end: `rule_id` is a SQL expression (a quoted literal or a case), the others SQL
    expressions too (amounts null unless given); source_locator is file:lines (p. N). -#}
{% macro statement_failure_columns(rule_id, message, quoted_source='sentence', lhs=none, rhs=none, difference=none,
                                   tolerance=none) -%}
    {%- set no_amount = 'cast(null as decimal(38, 6))' -%}
    {{ rule_id }} as rule_id,
            document_sha256,
            file_name,
            page,
            line_start,
            line_end,
            {{ source_locator() }} as source_locator,
            cast({{ lhs or no_amount }} as decimal(38, 6)) as lhs,
            cast({{ rhs or no_amount }} as decimal(38, 6)) as rhs,
            cast({{ difference or no_amount }} as decimal(38, 6)) as difference,
            cast({{ tolerance or no_amount }} as decimal(38, 6)) as tolerance,
            {{ message }} as message,
            {{ quoted_source }} as quoted_source
{%- endmacro %}


{#- Statements with what the prose rules need to know of their document: its fiscal year (document_fiscal_year), kind
    and department key (dim_departments.normalized_name). Arguments are CTE names. Used by
    int_statement_text_document_failures and int_statement_text_failures. -#}
{% macro statements_with_their_document(statements, documents, departments) %}
    select
        statements.*,
        documents.fiscal_year as document_fiscal_year,
        documents.document_kind,
        departments.normalized_name as department_key
    from {{ statements }} as statements
    inner join {{ documents }} as documents using (document_sha256)
    left join {{ departments }} as departments on departments.department_name = documents.department_name
{% endmacro %}
