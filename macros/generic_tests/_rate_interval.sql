{#- The rounding arithmetic of a printed rate (percent) = 100 x actual / basis, shared by reported_rate_check
    (EXE-RATE-001/002) and rate_basis_check (EXE-BASIS-001). -#}

{#- A printed amount and its half-step as two exact-decimal columns `_<name>` and `_h<name>` (a figure printed with
    `decimals` decimals in a unit worth `unit_multiplier` yuan is honest within half a unit of its last digit). -#}
{% macro amount_with_half_step(amount, decimals, unit_multiplier, name) -%}
    cast({{ amount }} as decimal(38, 6)) as _{{ name }},
    cast({{ half_step(decimals, unit_multiplier) }} as decimal(38, 6)) as _h{{ name }}
{%- endmacro %}

{#- The printed rate `_r` with its half-step `_hr` (percent: unit 1) and the actual amount `_a` with `_ha`. -#}
{% macro rate_and_actual(rate, rate_decimals, actual, actual_decimals, unit_multiplier) -%}
    cast({{ rate }} as decimal(38, 6)) as _r,
    cast({{ half_step(rate_decimals, 1) }} as decimal(38, 12)) as _hr,
    {{ amount_with_half_step(actual, actual_decimals, unit_multiplier, 'a') }}
{%- endmacro %}

{#- Whether a printed rate r (honest within h_r) can be 100 x a' / b' for some a' in [a - h_a, a + h_a] and b' in
    [b - h_b, b + h_b]: the basis is above zero even at its lowest (b - h_b > 0) and the intervals overlap,
    100(a - h_a) <= (r + h_r)(b + h_b) and (r - h_r)(b - h_b) <= 100(a + h_a). Compared by cross-multiplication,
    in exact decimals. -#}
{% macro rate_fits(r, hr, a, ha, b, hb) -%}
    ({{ b }} - {{ hb }} > 0 and 100 * ({{ a }} - {{ ha }}) <= ({{ r }} + {{ hr }}) * ({{ b }} + {{ hb }})
        and ({{ r }} - {{ hr }}) * ({{ b }} - {{ hb }}) <= 100 * ({{ a }} + {{ ha }}))
{%- endmacro %}
