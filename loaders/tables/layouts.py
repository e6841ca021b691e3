"""Column layouts of the standard budget tables, as data.

The text extracted from a PDF keeps the cells of a table row in order but scatters the header cells, so
the order of the columns cannot be read back from the header. A layout says, for one kind of table, which
printed columns exist and in which order; the reader only accepts a layout when every word of it is
printed in the table's header (or an alias of it, see ``loaders/vocabulary.py``) and when its column
count equals the printed column numbers. Adding a table kind, or a variant with other or reordered
columns, is adding a layout here, not code.

A value column is a path of printed header words, outer first: ``{year}年预算/基本支出/小计``. The first
element, when it is a phase such as {prior}年预算, becomes the figure's label. Formulas come from the
structure: in every group that has a 合计/总计/小计 column, that column is the sum of the other columns
of the group (a sub-group counts with its own total) -- except groups marked as a breakdown (其中), whose
parts need not add up. Printed formulas (``10=11+15``, ``9=8÷7``) are added on top.

Years are not part of a layout: ``{year}`` stands for the budget year of the document and ``{prior}`` for
the year before it. The reader fills them in per table (``Layout.at_year``) from the years its header
prints (2019年预算 / 2018年预算 → 2019), else from the document's fiscal year; a table whose year cannot be
told lands nothing (see ``loaders/tables/flattened.py``). So the 2016 budget's 2015年预算/年初预算 and a 2019
budget's 2018年预算/年初预算 are the same column.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Layout:
    name: str
    titles: tuple[str, ...]  # printed titles (normalised) this layout applies to
    key_columns: tuple[str, ...] = ()  # leading columns that identify the row (codes, names, text)
    value_columns: tuple[str, ...] = ()  # paths, in printed order
    text_columns: tuple[str, ...] = ()  # key columns holding free text after the name (项目说明)
    rate_columns: tuple[str, ...] = ()  # value columns printed as percentages
    breakdown_groups: tuple[str, ...] = ()  # groups whose parts are "of which" (其中), not a partition
    kind: str = "grid"  # grid | two_sided
    sides: tuple[tuple[str, str], ...] = ()  # two_sided: (item header, amount header) per side
    extra_header_words: tuple[str, ...] = field(default_factory=tuple)

    @property
    def needs_year(self) -> bool:
        """True when some header word names the budget year or the year before it."""
        return any(YEAR_SLOT in text or PRIOR_SLOT in text for text in self._texts())

    def _texts(self) -> tuple[str, ...]:
        return self.value_columns + tuple(word for side in self.sides for word in side)

    def at_year(self, year: int) -> Layout:
        """This layout with ``{year}`` and ``{prior}`` replaced by ``year`` and ``year - 1``."""

        def fill(text: str) -> str:
            return text.replace(YEAR_SLOT, str(year)).replace(PRIOR_SLOT, str(year - 1))

        return replace(
            self,
            value_columns=tuple(fill(t) for t in self.value_columns),
            rate_columns=tuple(fill(t) for t in self.rate_columns),
            breakdown_groups=tuple(fill(t) for t in self.breakdown_groups),
            sides=tuple((fill(item), fill(amount)) for item, amount in self.sides),
        )


YEAR_SLOT = "{year}"
PRIOR_SLOT = "{prior}"


_FUNC_KEYS = ("类", "款", "项", "单位编码", "单位名称")

LAYOUTS: tuple[Layout, ...] = (
    Layout(
        name="revenue_expenditure_summary",
        titles=("收支预算总表",),
        kind="two_sided",
        sides=(("收入项目", "{year}年预算"), ("支出项目", "{year}年预算")),
    ),
    Layout(
        name="revenue_summary",
        titles=("收入预算总表",),
        key_columns=("单位编码", "单位名称"),
        value_columns=(
            "总计",
            "财政拨款收入（财政补助收入）/合计",
            "财政拨款收入（财政补助收入）/一般公共预算",
            "财政拨款收入（财政补助收入）/政府性基金预算",
            "财政拨款收入（财政补助收入）/国有资本经营预算",
            "财政专户管理资金",
            "事业收入（不含财政专户管理资金）",
            "事业单位经营收入",
            "上级补助收入",
            "附属单位上缴收入",
            "其他收入",
            "用事业基金弥补收支差额",
            "财政应返还额度",
            "上年结转",
        ),
    ),
    Layout(
        name="expenditure_summary",
        titles=("支出预算总表",),
        key_columns=_FUNC_KEYS,
        value_columns=(
            "总计",
            "基本支出/小计",
            "基本支出/工资福利支出",
            "基本支出/商品和服务支出",
            "基本支出/对个人和家庭的补助支出",
            "项目支出/小计",
            "项目支出/经常性项目",
            "项目支出/一次性项目",
        ),
    ),
    Layout(
        name="general_budget_expenditure",
        titles=("一般公共预算支出预算表", "政府性基金预算支出预算表"),
        key_columns=_FUNC_KEYS,
        value_columns=(
            "{prior}年预算/年初预算",
            "{prior}年预算/调整后预算",
            "{prior}年预算/预算执行",
            "{prior}年预算/执行率（%）",
            "{year}年预算/总计",
            "{year}年预算/基本支出/小计",
            "{year}年预算/基本支出/工资福利支出",
            "{year}年预算/基本支出/商品和服务支出",
            "{year}年预算/基本支出/对个人和家庭的补助支出",
            "{year}年预算/项目支出/小计",
            "{year}年预算/项目支出/经常性项目",
            "{year}年预算/项目支出/一次性项目",
        ),
        rate_columns=("{prior}年预算/执行率（%）",),
    ),
    Layout(
        name="basic_goods_and_services",
        titles=("一般公共预算基本支出(商品和服务支出)预算表",),
        key_columns=("单位编码", "单位名称"),
        value_columns=(
            "预算金额",
            "其中：主要经济分类“款”级科目预算/办公费",
            "其中：主要经济分类“款”级科目预算/印刷费",
            "其中：主要经济分类“款”级科目预算/水费",
            "其中：主要经济分类“款”级科目预算/电费",
            "其中：主要经济分类“款”级科目预算/物业管理费",
            "其中：主要经济分类“款”级科目预算/因公出国（境）费用",
            "其中：主要经济分类“款”级科目预算/会议费",
            "其中：主要经济分类“款”级科目预算/培训费",
            "其中：主要经济分类“款”级科目预算/公务接待费",
            "其中：主要经济分类“款”级科目预算/劳务费",
            "其中：主要经济分类“款”级科目预算/工会经费",
            "其中：主要经济分类“款”级科目预算/公务用车运行维护费",
        ),
        breakdown_groups=("其中：主要经济分类“款”级科目预算",),
    ),
    Layout(
        name="project_expenditure_detail",
        titles=("一般公共预算项目支出预算明细表（部门项目）", "一般公共预算项目支出预算明细表（公共项目）"),
        key_columns=("类", "款", "项", "单位编码", "项目名称（项目类别）", "项目说明"),
        text_columns=("项目说明",),
        value_columns=("{year}年预算",),
    ),
    Layout(
        name="three_public_and_meetings",
        titles=("一般公共预算安排“三公”经费和会议费支出预算表",),
        key_columns=("单位编码", "部门名称"),
        value_columns=(
            "{prior}年调整后预算/“三公”经费/合计",
            "{prior}年调整后预算/“三公”经费/因公出国（境）经费",
            "{prior}年调整后预算/“三公”经费/公务用车购置费",
            "{prior}年调整后预算/“三公”经费/公务用车运行费",
            "{prior}年调整后预算/“三公”经费/公务接待费",
            "{prior}年调整后预算/会议费",
            "{year}年预算/“三公”经费/合计",
            "{year}年预算/“三公”经费/因公出国（境）经费",
            "{year}年预算/“三公”经费/公务用车购置费",
            "{year}年预算/“三公”经费/公务用车运行费",
            "{year}年预算/“三公”经费/公务接待费",
            "{year}年预算/会议费",
        ),
    ),
)
