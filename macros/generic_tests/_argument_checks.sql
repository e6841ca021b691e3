{#- Shared argument guard for the check macros: fail at compile time, naming the macro and argument. -#}
{% macro require_arguments(macro_name, arguments) -%}
    {%- for name, value in arguments.items() -%}
        {%- if value is none or (value is string and value | trim == '') -%}
            {{ exceptions.raise_compiler_error(macro_name ~ ": argument '" ~ name ~ "' is required") }}
        {%- endif -%}
    {%- endfor -%}
{%- endmacro %}

{#- The evidence columns every check returns, in this order. Called bare: their names, to select them from a CTE
    that has them. Called with a rule id: the columns themselves, for rows that carry the location columns
    (document_sha256, file_name, line_start, line_end and source_locator unless another expression is given): the
    rule id as a literal, the page (none unless given), and lhs, rhs, difference and tolerance (a null
    decimal(38, 6) where not given) and message as the SQL expressions given. -#}
{% macro evidence_columns(rule_id=none, lhs=none, rhs=none, difference=none, tolerance=none, message=none,
                          page='cast(null as integer)', source_locator='source_locator') -%}
    {%- if rule_id is none -%}
    rule_id, document_sha256, file_name, page, line_start, line_end, source_locator,
    lhs, rhs, difference, tolerance, message
    {%- else -%}
    {%- set no_amount = 'cast(null as decimal(38, 6))' -%}
    '{{ rule_id }}' as rule_id,
            document_sha256,
            file_name,
            {{ page }} as page,
            line_start,
            line_end,
            {{ source_locator }} as source_locator,
            {{ lhs or no_amount }} as lhs,
            {{ rhs or no_amount }} as rhs,
            {{ difference or no_amount }} as difference,
            {{ tolerance or no_amount }} as tolerance,
            {{ message }} as message
    {%- endif -%}
{%- endmacro %}

{#- Keeps the failing rows of `failing` (a CTE with the evidence columns) that are not accepted on purpose in
    `known` (seed known_discrepancies: rule_id, file_name, locator, reason). A row is accepted when its rule and
    file match and its source_locator is `file_name:locator`. Exclusion happens here, inside the check: a known
    publisher error never raises a threshold. -#}
{% macro without_known_discrepancies(failing, known) -%}
    select {{ evidence_columns() }}
    from {{ failing }}
    where not exists (
        select 1
        from {{ known }} as known_discrepancy
        where known_discrepancy.rule_id = {{ failing }}.rule_id
            and known_discrepancy.file_name = {{ failing }}.file_name
            and {{ failing }}.source_locator = known_discrepancy.file_name || ':' || known_discrepancy.locator
    )
{%- endmacro %}

{#- Two printed amounts are consistent when the intervals their rounding allows can overlap. A figure printed with
    d decimals stands for a true value in [x - h, x + h) with h = half a unit of its last digit, so the true values
    behind printed figures a and b (or a total and its parts) can agree only if |a - b| < h_a + h_b (strictly: two
    figures printed to the same precision that differ by one unit of their last digit cannot be the same amount).
    A zero difference always passes (also when nothing is printed with any precision). -#}
{% macro outside_rounding(difference, tolerance) -%}
    ({{ difference }} <> 0 and abs({{ difference }}) >= {{ tolerance }})
{%- endmacro %}

{#- A computed percentage for a message, beside a printed one (``printed``, its text): shown to the printed
    decimals, at least two, so a rate printed as 6.2118 is never answered with a 6.21 that reads as the same; a
    value below 0.1 to two significant digits (0.0014, not 0.0); trailing zeros kept (11.00, not 11.0). -#}
{% macro pct_shown(value, printed) -%}
    printf('%.' || cast(greatest(2, length(split_part(coalesce({{ printed }}, ''), '.', 2)),
        case when {{ value }} <> 0 and abs({{ value }}) < 0.1 then 1 - floor(log10(abs({{ value }}))) else 0 end)
        as integer) || 'f', cast({{ value }} as double))
{%- endmacro %}

{#- An amount for a message: yuan with two decimals (exact decimal, no float). -#}
{% macro amount_text(amount) -%}
    (cast(cast(round({{ amount }}, 2) as decimal(38, 2)) as varchar) || ' 元')
{%- endmacro %}
