"""Numbers as both platforms read them: plain decimals, never exponent form.

Python writes 0.00001 as '1e-05'. Canvas computes an exact answer's margin from the
texts (BigDecimal), Moodle keeps the text of a numerical answer: both get the plain
decimal the author wrote. Ranges are added in decimal, so 3.14 + 0.01 is 3.15, not
3.1500000000000004.
"""

from __future__ import annotations

from decimal import Decimal


def exact(value: float) -> Decimal:
    """The number as the author wrote it (repr is the shortest text that reads back)."""
    return Decimal(repr(float(value)))


def decimal_text(value: float | Decimal) -> str:
    """3.0 -> '3', 1e-05 -> '0.00001', -0.0 -> '0'."""
    text = format(value if isinstance(value, Decimal) else exact(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def bounds(value: float, tolerance: float) -> tuple[str, str]:
    """The lowest and highest accepted answers, as texts."""
    return (
        decimal_text(exact(value) - exact(tolerance)),
        decimal_text(exact(value) + exact(tolerance)),
    )
