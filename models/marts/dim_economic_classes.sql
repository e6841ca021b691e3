-- One row per 支出经济分类 code (类 3 digits, 款 5; 3xx 部门预算支出经济分类, 5xx 政府预算支出经济分类): the national
-- name, its level, parent and scheme, and every other name printed for the code in the documents.
-- The same model as dim_function_classes over another seed: both are built by the macro class_dimension.
{{ class_dimension(seed='economic_classes', code_column='economic_code', extra_columns=['scheme'], seen_scheme='economic') }}
