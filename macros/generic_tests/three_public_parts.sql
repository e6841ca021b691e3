{#- Rules NAR-PARTS-301 (error) and NAR-PARTS-302 (notice): the “三公” total and its three parts -- 因公出国（境）费,
    公务接待费, 公务用车购置及运行（维护）费 -- stated anywhere in a document, each in its own paragraph or sentence
    (一、因公出国（境）费 … 比预算数减少31万元。二、公务接待费 … 减少850万元。…), add up: the 三公 total is those three by
    definition. A 其中 list of the total is checked as a list (NAR-PARTS-*, NAR-CHANGE-101); this check reads what no
    list holds together.
    The amounts and the changes are judged apart, each for one period year and, for a change, one comparison (year and
    basis compared with). Judged only when every term is known: the total and each part state exactly one value of
    that kind (a value printed twice differently leaves the term unknown), at most one basis and one scope are named
    among them (none printed is compatible with either), and the three parts do not all stand in one list of the
    total. With d = Σ parts − total (changes signed: 减少 negative) and the tolerance the sum of the half steps of the
    four printed figures: exact, nothing; |d| < tolerance, NAR-PARTS-302 (notice); beyond, NAR-PARTS-301.
    One row per total; lhs = Σ parts, rhs = the total (元), difference = d, tolerance as said.
    `statements`: statement rows (stg_raw__statements columns). -#}
{% macro three_public_parts_check(statements, rule_id='NAR-PARTS-301', notice_rule_id='NAR-PARTS-302') %}
    with

    named as (
        select
            *,
            {{ statement_subject_norm('subject') }} as _subject_norm,
            {{ statement_subject_norm('parent_subject') }} as _parent_norm
        from {{ statements }}
        where role in ('amount', 'change') and value is not null and period_year is not null
    ),

    members as (
        select
            *,
            case
                when _subject_norm like '%三公%' then 'total'
                when regexp_matches(_subject_norm, '^因公出国') then 'abroad'
                when regexp_matches(_subject_norm, '^公务接待') then 'reception'
                when regexp_matches(_subject_norm, '^公务用车(?:购置(?:及|和|与)运行|运行(?:维护)?(?:费)?(?:及|和|与)购置)')
                    then 'vehicles'
            end as _member,
            {{ statement_yuan('value', 'printed_unit') }} as _yuan,
            {{ statement_half_step_yuan('printed_decimals', 'printed_unit') }} as _h
        from named
    ),

    terms as (
        select
            *,
            case when role = 'change' then _yuan * direction else _yuan end as _signed,
            case when role = 'change'
                then coalesce(cast(compared_year as varchar), '') || '|' || coalesce(compared_basis, '') else '' end
                as _comparison
        from members
        where _member is not null and _yuan is not null and (role = 'amount' or direction in (-1, 0, 1))
    ),

    -- each member of one kind of figure: one value (more leave it unknown), its text, where it is printed
    member_terms as (
        select
            document_sha256,
            role,
            period_year,
            _comparison,
            _member,
            any_value(file_name) as file_name,
            count(distinct _signed) as _values,
            max(_signed) as _signed,
            max(_h) as _h,
            arg_min(case when role <> 'change' then '' when direction < 0 then '−' else '+' end || value_text
                || printed_unit, sentence_index) as _text,
            arg_min(subject, sentence_index) as subject,
            list_distinct(list(basis) filter (where basis is not null)) as _bases,
            list_distinct(list(scope) filter (where scope is not null)) as _scopes,
            -- the list of the total this member stands in (null: in none)
            max(list_index) filter (where parent_subject is not null and _parent_norm like '%三公%') as _list,
            count(*) filter (where parent_subject is null or _parent_norm not like '%三公%') as _outside_lists,
            min(sentence_index) as sentence_index,
            min(line_start) as line_start,
            max(line_end) as line_end,
            min(page) as page,
            list({'line': line_start, 'text': sentence}) as _quoted
        from terms
        group by document_sha256, role, period_year, _comparison, _member
    ),

    totals as (
        select
            document_sha256,
            role,
            period_year,
            _comparison,
            any_value(file_name) as file_name,
            bool_and(_values = 1) as _known,
            count(*) as _members,
            sum(_signed) filter (where _member <> 'total') as parts_yuan,
            max(_signed) filter (where _member = 'total') as total_yuan,
            sum(_h) as _tolerance,
            max(subject) filter (where _member = 'total') as total_subject,
            max(_text) filter (where _member = 'total') as total_text,
            list(_text order by case _member when 'abroad' then 1 when 'reception' then 2 else 3 end)
                filter (where _member <> 'total') as _part_texts,
            len(list_distinct(flatten(list(_bases)))) as _basis_count,
            len(list_distinct(flatten(list(_scopes)))) as _scope_count,
            -- the three parts in one list of the total, and printed nowhere else: the list checks judge them
            count(distinct _list) filter (where _member <> 'total') = 1
                and count(*) filter (where _member <> 'total' and _list is not null) = 3
                and sum(_outside_lists) filter (where _member <> 'total') = 0 as _one_list,
            min(line_start) as line_start,
            max(line_end) as line_end,
            min(page) as page,
            array_to_string(list_transform(list_sort(list_distinct(flatten(list(_quoted)))),
                lambda quoted: quoted.text), chr(10)) as _quoted
        from member_terms
        group by document_sha256, role, period_year, _comparison
    ),

    judged as (
        select
            *,
            parts_yuan - total_yuan as _d,
            -- (changes carry their sign: −31万元 −850万元 −107万元; amounts are added: 99万元 + 1014万元 + 2712万元)
            case when role = 'change' then array_to_string(_part_texts, ' ') else array_to_string(_part_texts, ' + ')
                end as parts_text
        from totals
        where _members = 4 and _known and not _one_list and _basis_count <= 1 and _scope_count <= 1
    ),

    failing as (
        select
            {{ statement_failure_columns(
                rule_id="case when abs(_d) < _tolerance then '" ~ notice_rule_id ~ "' else '" ~ rule_id ~ "' end",
                message="'“' || total_subject || '”: its three parts stated in the text ('
                    || case when role = 'change' then 'their changes' else 'their amounts' end || ') add up to '
                    || parts_text || ' = ' || cast(cast(parts_yuan as decimal(38, 2)) as varchar) || ' 元, against the '
                    || total_text || ' (' || cast(cast(total_yuan as decimal(38, 2)) as varchar)
                    || ' 元) stated for the total'
                    || case when abs(_d) < _tolerance then ': within the rounding of the printed figures, not exact'
                        else '' end",
                quoted_source='_quoted',
                lhs='parts_yuan',
                rhs='total_yuan',
                difference='_d',
                tolerance='_tolerance') }}
        from judged
        where _d <> 0
    )

    select {{ statement_evidence_columns() }} from failing
{% endmacro %}

{% test three_public_parts(model) %}
    {{ three_public_parts_check(model) }}
{% endtest %}
