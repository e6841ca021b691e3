"""Flowed text: the lines of a document joined into one string, with every character mapped back to
its line, so a regex can read sentences that the PDF extraction wrapped over several lines and still
say exactly which lines a figure came from.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MAX_QUOTED_LINE = 2000  # characters of one printed line quoted whole as a record's raw text
QUOTE_CONTEXT = 200  # characters either side of a span quoted from a line longer than that
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])[ \t\u3000]+(?=[^\x00-\x7f])")


@dataclass
class FlowedText:
    text: str
    _starts: list[int]  # offset in `text` where each kept line starts
    _line_numbers: list[int]  # 1-based line number of each kept line
    lines: list[str]  # all lines of the document (index 0 = line 1)

    @classmethod
    def from_lines(cls, lines: list[str], break_after=None) -> "FlowedText":
        """Join lines; ``break_after(line)`` true puts a newline after that line (e.g. headings)."""
        parts: list[str] = []
        starts: list[int] = []
        numbers: list[int] = []
        offset = 0
        for number, line in enumerate(lines, start=1):
            stripped = line.strip()
            if not stripped:
                continue
            # Chinese wraps without a space; keep one space where both sides are Latin/digits.
            if parts and parts[-1][-1:].isascii() and parts[-1][-1:].isalnum() and stripped[:1].isascii() \
                    and stripped[:1].isalnum():
                parts.append(" ")
                offset += 1
            # Extraction puts spaces inside Chinese words ("效益指 标占比"): drop a space between two
            # non-ASCII characters. Spaces next to digits or Latin letters are kept.
            stripped = _CJK_GAP.sub("", stripped)
            starts.append(offset)
            numbers.append(number)
            parts.append(stripped)
            offset += len(stripped)
            if break_after is not None and break_after(stripped):
                parts.append("\n")
                offset += 1
        return cls(text="".join(parts), _starts=starts, _line_numbers=numbers, lines=lines)

    def line_at(self, offset: int) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._line_numbers[max(index, 0)]

    def span_lines(self, start: int, end: int) -> tuple[int, int]:
        """Lines covered by text[start:end] (end exclusive)."""
        return self.line_at(start), self.line_at(max(start, end - 1))

    def raw_text(self, line_start: int, line_end: int, around: tuple[int, int] | None = None) -> str:
        """The source lines as printed (stripped), joined with a newline; blank lines dropped. A line longer than
        MAX_QUOTED_LINE characters (a document without line breaks) is not quoted whole with every figure on it
        (that would make the cost quadratic): given ``around`` (the span's offsets in ``text``), the quote is
        the flowed text around the span, else the start of the line; marked with … either way."""
        if any(len(self.lines[n - 1]) > MAX_QUOTED_LINE for n in range(line_start, line_end + 1)):
            if around is not None:
                left = max(0, around[0] - QUOTE_CONTEXT)
                right = min(len(self.text), around[1] + QUOTE_CONTEXT)
                return f"…{self.text[left:right].strip()}…"
            return "\n".join(f"{line.strip()}…" for line in (
                self.lines[n - 1][:MAX_QUOTED_LINE] for n in range(line_start, line_end + 1)) if line.strip())
        chosen = [self.lines[n - 1].strip() for n in range(line_start, line_end + 1)]
        return "\n".join(line for line in chosen if line)
