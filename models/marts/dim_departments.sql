-- One row per department name as printed (or as given by the manifest), with a normalized name, its government
-- level (市/区/街道), region and the other names the documents call it by.
with

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where department_name is not null
),

aliases as (
    select * from {{ ref('department_aliases') }}
),

named as (
    select
        department_name,
        count(*) as document_count,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year
    from documents
    group by department_name
),

normalized as (
    select
        *,
        -- 中共 for 中国共产党, 区委 for 区委员会 … (macros/departments.sql)
        {{ department_key('department_name') }} as normalized_name
    from named
),

classified as (
    select
        *,
        case
            when regexp_matches(normalized_name, '(街道|镇人民政府|镇政府)') then '街道'
            when regexp_matches(normalized_name, '^(中共)?[\x{4e00}-\x{9fff}]{2,4}市[\x{4e00}-\x{9fff}]{1,4}区') then '区'
            when regexp_matches(normalized_name, '[区县]委|区人民政府|[区县][\x{4e00}-\x{9fff}]*局$') then '区'
            when regexp_matches(normalized_name, '^(中共)?[\x{4e00}-\x{9fff}]{2,4}市') then '市'
            else null
        end as government_level,
        nullif(regexp_extract(normalized_name, '^(?:中共)?([\x{4e00}-\x{9fff}]{2,3}市(?:[\x{4e00}-\x{9fff}]{1,3}区)?)', 1), '')
            as region
    from normalized
),

known_aliases as (
    select
        department_name,
        string_agg(alias, '；' order by alias) as known_aliases
    from aliases
    group by department_name
),

final as (
    select
        md5(classified.department_name) as department_id,
        classified.department_name,
        classified.normalized_name,
        classified.government_level,
        classified.region,
        known_aliases.known_aliases,
        classified.document_count,
        classified.first_fiscal_year,
        classified.last_fiscal_year
    from classified
    left join known_aliases using (department_name)
)

select * from final
