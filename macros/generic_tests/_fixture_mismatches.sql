{#- The closing step of every fixture test in tests/dbt/generic_test_fixtures/: compares the rows a check returned
    (`actual`, a CTE) with the cases that must fail (`expected`, a CTE), matched on `key` (a column name or a list of
    them, present in both), and returns one row per disagreement, so the test passes only when it returns none:
      - 'expected to fail, passed': an expected case with no returned row;
      - 'expected to pass, failed': a returned row that no case expects;
      - 'returned more than once' (only with one_row_each=true): a key returned by more than one row;
      - one row per entry of `checks`, a list of [problem, condition]: each returned row (alias `a`, with its
        expected case as `e` where there is one) for which the condition holds, e.g.
        ['wrong evidence', "a.rule_id <> 'EXE-RATE-003' or a.lhs <> e.lhs"].
    The rows returned name the key (its first column when it is a list) and the problem. -#}
{% macro fixture_mismatches(key='case_id', checks=[], one_row_each=false, expected='expected', actual='actual') -%}
    {%- set keys = [key] if key is string else key -%}
    {%- set using = keys | join(', ') -%}
    select e.{{ keys[0] }} as {{ keys[0] }}, 'expected to fail, passed' as problem
    from {{ expected }} as e left join {{ actual }} as a using ({{ using }})
    where a.{{ keys[0] }} is null
    union all
    select a.{{ keys[0] }}, 'expected to pass, failed'
    from {{ actual }} as a left join {{ expected }} as e using ({{ using }})
    where e.{{ keys[0] }} is null
    {%- if one_row_each %}
    union all
    select a.{{ keys[0] }}, 'returned more than once'
    from {{ actual }} as a
    group by {% for column in keys %}a.{{ column }}{{ ', ' if not loop.last }}{% endfor %}
    having count(*) > 1
    {%- endif %}
    {%- for problem, condition in checks %}
    union all
    select a.{{ keys[0] }}, '{{ problem }}'
    from {{ actual }} as a left join {{ expected }} as e using ({{ using }})
    where {{ condition }}
    {%- endfor %}
{%- endmacro %}
