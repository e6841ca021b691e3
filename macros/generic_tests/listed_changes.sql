{#- Rules NAR-CHANGE-101 (error) and NAR-CHANGE-102 (notice): a whole's stated change against the changes stated
    for its listed parts, in any document ("三公"经费50.00万元，比上年减少5.00万元。其中：因公出国（境）费10.00万元，比上年
    减少1.00万元；…). The parts of one whole are the statements sharing document, list_index and parent_subject (the
    statement reader's lists); the whole is the statement of sentence list_index whose subject is parent_subject.
    Judged only when the list is certainly the whole's partition and every term is known:
      - the whole states one amount and one money change in its sentence; two or more parts, each with one amount and
        one money change (持平 / 无增减 against the year compared is a change of 0 at the amount's precision; a part
        whose change is not read has no change statement: the list is not judged);
      - the parts' amounts add up to the whole's within the rounding of all of them (a list that names only some
        parts, or whose amounts do not add up -- NAR-PARTS -- says nothing about the changes);
      - all the changes compare with the same year and basis.
    With d = Σ parts' signed changes − the whole's signed change (减少 negative) and the tolerance the sum of the half
    steps of every change printed (half a unit of the last printed digit of each term): exact, nothing; |d| <
    tolerance, NAR-CHANGE-102 (notice: the rounding of the printed changes allows it); beyond, NAR-CHANGE-101.
    One row per list; lhs = Σ parts' changes, rhs = the whole's change (元), difference = d, tolerance as said.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro listed_changes_check(statements, rule_id='NAR-CHANGE-101', notice_rule_id='NAR-CHANGE-102') %}
    with

    money as (
        select
            *,
            {{ statement_subject_norm('subject') }} as _subject_norm,
            {{ statement_subject_norm('parent_subject') }} as _parent_norm,
            {{ statement_yuan('value', 'printed_unit') }} as _yuan,
            {{ statement_half_step_yuan('printed_decimals', 'printed_unit') }} as _h
        from {{ statements }}
        where role in ('amount', 'change') and value is not null
    ),

    terms as (
        select
            *,
            case when role = 'change' then _yuan * direction end as _signed
        from money
        where _yuan is not null and (role = 'amount' or direction in (-1, 0, 1))
    ),

    -- each part of a list: one amount and one change (more than one value of either leaves the part unknown)
    part_terms as (
        select
            document_sha256,
            list_index,
            _parent_norm,
            _subject_norm,
            count(distinct _yuan) filter (where role = 'amount') as amounts,
            count(distinct _signed) filter (where role = 'change') as changes,
            max(_yuan) filter (where role = 'amount') as amount_yuan,
            max(_h) filter (where role = 'amount') as amount_h,
            max(_signed) filter (where role = 'change') as change_yuan,
            max(_h) filter (where role = 'change') as change_h,
            max(value_text) filter (where role = 'change') as change_text,
            max(printed_unit) filter (where role = 'change') as change_unit,
            max(direction) filter (where role = 'change') as change_direction,
            count(distinct coalesce(cast(compared_year as varchar), '') || '|' || coalesce(compared_basis, ''))
                filter (where role = 'change') as comparisons,
            max(coalesce(cast(compared_year as varchar), '') || '|' || coalesce(compared_basis, ''))
                filter (where role = 'change') as comparison,
            min(sentence_index) as sentence_index,
            min(line_start) as line_start,
            max(line_end) as line_end,
            min(page) as page,
            arg_min(sentence, sentence_index) as sentence
        from terms
        where list_index is not null and _parent_norm <> '' and _subject_norm <> ''
        group by document_sha256, list_index, _parent_norm, _subject_norm
    ),

    lists as (
        select
            document_sha256,
            list_index,
            _parent_norm,
            count(*) as part_count,
            bool_and(amounts = 1 and changes = 1 and comparisons = 1) as parts_known,
            count(distinct comparison) as part_comparisons,
            max(comparison) as comparison,
            sum(amount_yuan) as parts_amount_yuan,
            sum(amount_h) as parts_amount_h,
            sum(change_yuan) as parts_change_yuan,
            sum(change_h) as parts_change_h,
            string_agg(case when change_direction = 0 then '0（' || change_text || '）'
                when change_yuan = 0 then change_text || change_unit
                when change_direction < 0 then '−' || change_text || change_unit
                else '+' || change_text || change_unit end, ' '
                order by sentence_index, line_start) as parts_text,
            min(line_start) as line_start,
            max(line_end) as line_end,
            min(page) as page,
            array_to_string(list_transform(list_sort(list_distinct(list({'line': line_start, 'text': sentence}))),
                lambda quoted: quoted.text), chr(10)) as sentences
        from part_terms
        group by document_sha256, list_index, _parent_norm
    ),

    -- the whole: its amount and its change in the list's own sentence (one value of each)
    wholes as (
        select
            document_sha256,
            sentence_index as list_index,
            _subject_norm as _parent_norm,
            any_value(file_name) as file_name,
            -- the whole's name as first printed: its statements share the normalised name, not its spelling
            arg_min(subject, (line_start, subject)) as subject,
            count(distinct _yuan) filter (where role = 'amount') as amounts,
            count(distinct _signed) filter (where role = 'change') as changes,
            max(_yuan) filter (where role = 'amount') as amount_yuan,
            max(_h) filter (where role = 'amount') as amount_h,
            max(_signed) filter (where role = 'change') as change_yuan,
            max(_h) filter (where role = 'change') as change_h,
            max(value_text) filter (where role = 'change') as change_text,
            max(printed_unit) filter (where role = 'change') as change_unit,
            max(direction) filter (where role = 'change') as change_direction,
            max(coalesce(cast(compared_year as varchar), '') || '|' || coalesce(compared_basis, ''))
                filter (where role = 'change') as comparison,
            min(line_start) as line_start,
            min(page) as page,
            arg_min(sentence, (length(sentence), sentence)) as sentence
        from terms
        where _subject_norm <> ''
        group by document_sha256, sentence_index, _subject_norm
    ),

    complete as (
        select
            lists.*,
            wholes.file_name,
            wholes.subject,
            wholes.change_yuan as whole_change_yuan,
            wholes.change_h as whole_change_h,
            case when wholes.change_direction < 0 then '−' else '+' end || wholes.change_text || wholes.change_unit
                as whole_text,
            wholes.change_unit as whole_unit,
            least(lists.line_start, wholes.line_start) as first_line,
            coalesce(least(lists.page, wholes.page), lists.page, wholes.page) as first_page,
            case when wholes.line_start < lists.line_start
                then wholes.sentence || chr(10) || lists.sentences else lists.sentences end as quoted
        from lists
        inner join wholes using (document_sha256, list_index, _parent_norm)
        where lists.part_count >= 2 and lists.parts_known and lists.part_comparisons = 1
            and wholes.amounts = 1 and wholes.changes = 1 and wholes.comparison = lists.comparison
            -- the parts make up the whole: their amounts add up to it within the rounding of all of them
            and (lists.parts_amount_yuan = wholes.amount_yuan
                or abs(lists.parts_amount_yuan - wholes.amount_yuan) < lists.parts_amount_h + wholes.amount_h)
    ),

    compared as (
        select
            *,
            parts_change_yuan - whole_change_yuan as _d,
            parts_change_h + whole_change_h as _tol
        from complete
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when abs(_d) < _tol then '" ~ notice_rule_id ~ "' else '" ~ rule_id ~ "' end",
                message="'“' || subject || '”: the changes stated for its parts add up to ' || parts_text || ' = '
                    || " ~ amount_shown('parts_change_yuan', 'whole_unit') ~ " || ', against the '
                    || whole_text || ' stated for the whole'
                    || case when abs(_d) < _tol then ': within the rounding of the printed changes, not exact'
                        else '' end",
                quoted_source='quoted',
                lhs='parts_change_yuan',
                rhs='whole_change_yuan',
                difference='_d',
                tolerance='_tol') }}
        from (select * replace (first_line as line_start, first_page as page) from compared)
        where _d <> 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test listed_changes(model) %}
    {{ listed_changes_check(model) }}
{% endtest %}
