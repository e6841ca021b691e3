{#- The one way a figure's place is written: file:line, file:first-last, with " (p. N)" when the page is known.
    A null line (a finding about a whole file) gives the file name alone. -#}
{% macro source_locator(file_name='file_name', line_start='line_start', line_end='line_end', page='page') -%}
    ({{ file_name }}
        || coalesce(':' || cast({{ line_start }} as varchar), '')
        || case when {{ line_end }} > {{ line_start }} then '-' || cast({{ line_end }} as varchar) else '' end
        || case when {{ page }} is not null then ' (p. ' || cast({{ page }} as varchar) || ')' else '' end)
{%- endmacro %}
