{#- The reason words (seed reason_direction_words) a reason clause states, negation left out (未追加, 无新增, 不压缩 are
    not the word): one row per statement row and word, with the side the word explains (+1 above / more, -1 below /
    less). `reasons`: a relation with a column `reason_text`; `words`: the seed's rows (word, explains, applies_to);
    `applies_to`: the kinds of comparison the words are read for ('any', or 'any' and 'budget'). A word is matched as
    the literal text it is (regexp_escape), not as a pattern. Shared by
    zero_change_reasons (NAR-TEXT-008) and budget_reason_direction (NAR-TEXT-010). -#}
{% macro reason_words_matched(reasons, words, applies_to=['any']) -%}
    select
        reasons.*,
        words.word as reason_word,
        case words.explains when 'above' then 1 when 'below' then -1 end as word_direction
    from {{ reasons }} as reasons
    inner join {{ words }} as words
        on words.applies_to in ({% for a in applies_to %}'{{ a }}'{{ ',' if not loop.last }}{% endfor %})
        -- the pattern is compiled per pair of rows: only for the texts that hold the word (a case, not an `and`,
        -- which the optimizer may reorder)
        and case when contains(reasons.reason_text, words.word)
            then regexp_matches(reasons.reason_text, '(?:^|[^未无不没])' || regexp_escape(words.word))
            else false end
{%- endmacro %}
