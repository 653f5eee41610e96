"""Temml (TeX to MathML Core, in JavaScript) run in-process by V8, through mini-racer.

Temml is KaTeX's parser and macro expander with only a MathML back end, kept by a
KaTeX maintainer; it reads the dialect authors know from KaTeX and MathJax. Its
minified release is vendored in `temml/` (a test keeps it byte-identical to the
npm package), and mini-racer is a PyPI wheel with V8 inside, so a build needs no
Node. The engine is started once per process and a page's formulas go in one
call: a call into V8 costs about 0.2 ms, converting a formula about 0.04 ms.
"""

from __future__ import annotations

import atexit
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from py_mini_racer import MiniRacer

TEMML_JS = Path(__file__).parent / "temml" / "temml.min.js"

# Temml draws what it cannot read in this colour when throwOnError is off. It is on,
# and output that carries this colour is still rejected (tex.py), in case a command
# ever takes that path by itself.
ERROR_COLOR = "#b20e2d"

_SCRIPT = """
function bookConvert(items, macros) {
  return items.map(function (item) {
    try {
      return {mathml: temml.renderToString(item[0], {
        displayMode: item[1], annotate: true, throwOnError: true, trust: false,
        errorColor: %(color)s,
        // A copy: \\gdef in one formula must not change the next one.
        macros: Object.assign({}, macros),
      })};
    } catch (e) {
      if (e instanceof temml.ParseError) {
        return {error: e.message, position: e.position === undefined ? null : e.position};
      }
      return {error: "Temml failed on it (" + e.name + ": " + e.message + ")", internal: true};
    }
  });
}
"""

# Temml's message is " <words> at position N: \n<the formula, the spot underlined>".
_WHERE = re.compile(r" at position \d+:.*| at end of input:.*", re.DOTALL)


@dataclass(frozen=True)
class Result:
    """One formula's MathML, or Temml's words and where in the TeX (0-based) it stopped."""

    mathml: str = ""
    error: str = ""
    position: int | None = None
    at_end: bool = False


def convert(formulas: list[tuple[str, bool]], macros: dict[str, str]) -> list[Result]:
    """Each (tex, display) formula converted, in one call into the engine."""
    if not formulas:
        return []
    raw = _engine().call("bookConvert", [list(f) for f in formulas], macros)
    return [_result(item) for item in raw]


def temml_version() -> str:
    return _engine().eval("temml.version")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@functools.cache
def _engine() -> MiniRacer:
    """One V8 context per process, Temml loaded once (about 0.1 s)."""
    engine = MiniRacer()
    # Closed before the interpreter winds down: left to the garbage collector then,
    # V8's thread can keep the process from exiting.
    atexit.register(engine.close)
    engine.eval(TEMML_JS.read_text("utf-8"))
    engine.eval(_SCRIPT % {"color": f'"{ERROR_COLOR}"'})
    return engine


def _result(item: dict) -> Result:
    if "mathml" in item:
        return Result(mathml=item["mathml"])
    message = item["error"]
    if item.get("internal"):
        return Result(error=message)
    words = _WHERE.sub("", message).strip()
    at_end = " at end of input:" in message
    return Result(error=f"Temml: {words}", position=item.get("position"), at_end=at_end)
