{#- Unit conversion, in one place. A printed unit such as 万元, 万条, 亿元, 万人次 is a multiplier
    (万 = 10^4, 亿 = 10^8) in front of a base unit (元, 条, 人次). Exact decimals throughout. -#}

{% macro unit_multiplier(unit_column) -%}
    case
        when {{ unit_column }} like '亿%' and length({{ unit_column }}) > 1 then cast(100000000 as decimal(38, 0))
        when {{ unit_column }} like '万%' and length({{ unit_column }}) > 1 then cast(10000 as decimal(38, 0))
        else cast(1 as decimal(38, 0))
    end
{%- endmacro %}

{% macro base_unit(unit_column) -%}
    case
        when ({{ unit_column }} like '亿%' or {{ unit_column }} like '万%') and length({{ unit_column }}) > 1
            then substr({{ unit_column }}, 2)
        else {{ unit_column }}
    end
{%- endmacro %}

{#- Half a step of the last printed digit, in the base unit: a figure printed with d decimals in a unit
    worth m base units is honest within 0.5 * m * 10^-d. Built as an exact decimal literal. -#}
{% macro half_step(decimals_column, multiplier_column) -%}
    (cast({{ multiplier_column }} as decimal(38, 10))
        * cast('0.' || repeat('0', cast({{ decimals_column }} as integer)) || '5' as decimal(38, 12)))
{%- endmacro %}
