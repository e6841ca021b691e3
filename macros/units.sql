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

{#- The same half step, cast to decimal(38, 6) as the converted views carry it, computed cheaply: a figure printed
    with 0 to 5 decimals in a unit worth fewer than 10^9 base units (every multiplier unit_multiplier gives) is
    multiplied in 64-bit decimals (decimal(9, 0) x decimal(9, 6) -> decimal(18, 6)) by a literal step, exact at 6
    places, so the value is the one half_step gives, without building a string, parsing it and multiplying in 128
    bits for every figure (about 0.3 CPU s per read of int_figures_converted at 10,000 documents). Any other figure
    takes half_step itself. -#}
{% macro half_step_in_base_unit(decimals_column, multiplier_column) -%}
    case
        when {{ decimals_column }} between 0 and 5 and {{ multiplier_column }} between 0 and 999999999
            then cast(cast({{ multiplier_column }} as decimal(9, 0))
                * case {{ decimals_column }}
                    {%- for decimals in range(6) %}
                    when {{ decimals }} then cast({{ '0.' ~ '0' * decimals ~ '5' }} as decimal(9, 6))
                    {%- endfor %}
                end as decimal(38, 6))
        else cast({{ half_step(decimals_column, multiplier_column) }} as decimal(38, 6))
    end
{%- endmacro %}

{#- An amount in yuan shown in a printed money unit (for messages: 317000000 元 in 亿元 is 3.17亿元), exact, with the
    trailing zeros dropped; in 元 with two decimals when the unit is not a money unit. -#}
{% macro amount_shown(amount, unit_column) -%}
    case
        when {{ unit_column }} in ('亿元', '万元', '千元', '元')
            then regexp_replace(regexp_replace(cast(cast({{ amount }} as decimal(38, 10)) * case {{ unit_column }}
                    when '亿元' then cast(0.00000001 as decimal(18, 8)) when '万元' then cast(0.0001 as decimal(18, 8))
                    when '千元' then cast(0.001 as decimal(18, 8)) else cast(1 as decimal(18, 8)) end as varchar),
                '(\.[0-9]*?)0+$', '\1'), '\.$', '') || {{ unit_column }}
        else {{ amount_text(amount) }}
    end
{%- endmacro %}
