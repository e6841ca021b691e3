-- One row per 支出功能分类 code (类 3 digits, 款 5, 项 7): the national name where the seed has one, else the name
-- printed in the documents, its level and parent, and every other name printed for the code.
-- The same model as dim_economic_classes over another seed: both are built by the macro class_dimension.
{{ class_dimension(seed='function_classes', code_column='function_code', seen_scheme='function') }}
