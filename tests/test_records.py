"""``records.direct_init``: the faster constructor keeps every behaviour of a frozen dataclass."""

from __future__ import annotations

import dataclasses
import pickle
from decimal import Decimal

import pytest

from loaders.layout.rows import Cell
from loaders.numbers import PrintedNumber, parse_number
from loaders.records import Figure, Finding, direct_init


def test_defaults_positional_and_keyword_arguments():
    figure = Figure("initial_budget", "1,258.60", Decimal("1258.60"), 2, "万元", 3, 4, "合计 1,258.60")
    assert (figure.measure, figure.value_text, figure.value, figure.printed_decimals) == \
        ("initial_budget", "1,258.60", Decimal("1258.60"), 2)
    assert (figure.line_start, figure.line_end, figure.raw_text) == (3, 4, "合计 1,258.60")
    assert figure.sign == 1 and figure.page is None and figure.context_text is None
    assert list(vars(figure)) == [f.name for f in dataclasses.fields(Figure)]
    cell = Cell("12.50", 10, 15)
    assert (cell.text, cell.x0, cell.x1, cell.glyph_x1, cell.right) == ("12.50", 10, 15, None, 15)
    with pytest.raises(TypeError):
        Finding("LOAD-X", "warning")  # message is required


def test_frozen_equal_hashable_picklable():
    a = Finding("LOAD-UNPLACED-FIGURE", "warning", "not placed", line_start=7)
    b = Finding("LOAD-UNPLACED-FIGURE", "warning", "not placed", line_start=7)
    assert a == b and hash(a) == hash(b) and a != dataclasses.replace(b, line_start=8)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.line_start = 8
    assert pickle.loads(pickle.dumps(a)) == a
    assert repr(a) == ("Finding(rule_id='LOAD-UNPLACED-FIGURE', severity='warning', message='not placed', "
                       "line_start=7, line_end=None, raw_text=None, page=None)")
    assert parse_number("(1,258.60)") == PrintedNumber("(1,258.60)", Decimal("-1258.60"), 2)


def test_only_plain_frozen_dataclasses():
    @dataclasses.dataclass
    class Mutable:
        x: int

    @dataclasses.dataclass(frozen=True)
    class WithFactory:
        xs: list = dataclasses.field(default_factory=list)

    for cls in (Mutable, WithFactory):
        with pytest.raises(TypeError):
            direct_init(cls)
