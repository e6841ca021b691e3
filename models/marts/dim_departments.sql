with

documents as (
    select * from {{ ref('stg_raw__documents') }}
    where department_name is not null
),

named as (
    select
        department_name,
        -- 中共 is the usual short form of 中国共产党 in department names.
        replace(department_name, '中国共产党', '中共') as normalized_name,
        count(*) as document_count,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year
    from documents
    group by department_name
),

classified as (
    select
        md5(department_name) as department_id,
        department_name,
        normalized_name,
        case
            when regexp_matches(normalized_name, '(街道|镇人民政府|镇政府)') then '街道'
            when regexp_matches(normalized_name, '^(中共)?[\x{4e00}-\x{9fff}]{2,4}市[\x{4e00}-\x{9fff}]{1,4}区') then '区'
            when regexp_matches(normalized_name, '[区县]委|区人民政府|[区县][\x{4e00}-\x{9fff}]*局$') then '区'
            when regexp_matches(normalized_name, '^(中共)?[\x{4e00}-\x{9fff}]{2,4}市') then '市'
            else null
        end as government_level,
        nullif(regexp_extract(normalized_name, '^(?:中共)?([\x{4e00}-\x{9fff}]{2,3}市(?:[\x{4e00}-\x{9fff}]{1,3}区)?)', 1), '')
            as region,
        document_count,
        first_fiscal_year,
        last_fiscal_year
    from named
)

select * from classified
