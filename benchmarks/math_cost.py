"""What math costs: Temml (the book's converter) beside latex2mathml (its former one).

    .venv/bin/python benchmarks/math_cost.py [--formulas 100] [--rounds 15] [--chapters 30]

Three measurements, each with its variants run alternately, round after round, in one
run, so that a slow moment on a shared machine hits them alike:

1. The converters alone, per formula: latex2mathml one formula at a time (with the
   checks the book made on its output), Temml one formula per call into V8, and Temml
   with a page's formulas in one call (what the book does).
2. A chapter-sized page with `--formulas` formulas rendered with the book's Markdown
   extensions, with each converter, and the same page with the formulas replaced by
   plain text of the same length (and without the book's extension).
3. `mkdocs build` of a bilingual book of `--chapters` chapters, each with the page's
   formulas, with each converter, in fresh processes (skipped with --chapters 0).

Medians are printed, with ratios. No timed assertions: figures for people to read.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import time
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import Files

import math_latex2mathml
from book_build import OUT, make_book
from book_build import build as build_book
from textbook.math import extension as math_ext
from textbook.math import tex
from textbook.numbering.extension import BookExtension

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


# Formulas of the kind an LLM-training book carries, inline and display, cycled.
INLINE = [
    r"\pi_\theta(a \mid s)",
    r"\nabla_\theta J(\theta)",
    r"\mathbb{E}_{x \sim D}[\log p_\theta(x)]",
    r"3a + 2 \times 2 = 13",
    r"\alpha = 10^{-5}",
]
DISPLAY = [
    r"\mathcal{L}(\theta) = -\sum_{t=1}^{T} \log p_\theta(x_t \mid x_{<t})",
    r"\nabla_\theta J(\theta) = \mathbb{E}_{\tau \sim \pi_\theta}\left[\sum_{t=0}^{T} "
    r"\nabla_\theta \log \pi_\theta(a_t \mid s_t) \, A_t\right]",
    r"\text{softmax}(z)_i = \frac{e^{z_i}}{\sum_{j} e^{z_j}}",
    r"\begin{cases} o = 2 \\ 3a + 2o = 13 \end{cases}",
    r"r_t(\theta) = \frac{\pi_\theta(a_t \mid s_t)}{\pi_{\theta_\text{old}}(a_t \mid s_t)}",
    r"\begin{aligned} \hat{A}_t &= \delta_t + \gamma\lambda \delta_{t+1} + \cdots \\ "
    r"\delta_t &= r_t + \gamma V(s_{t+1}) - V(s_t) \end{aligned}",
]
PROSE = (
    "Reinforcement learning gives the model a prompt and a final answer but no worked "
    "solution, and rewards the paths that reach the answer reliably. "
)
CONVERTERS = {"latex2mathml": math_latex2mathml.render_formulas, "Temml": tex.render_formulas}

# Built with the former converter: a hook that swaps it in, and its module beside it.
OLD_HOOK = """
import math_latex2mathml
from textbook.math import extension as math_ext

math_ext.render_formulas = math_latex2mathml.render_formulas
"""


def formulas(count: int) -> list[tuple[str, bool]]:
    return [
        (INLINE[n // 2 % len(INLINE)], False)
        if n % 2 == 0
        else (DISPLAY[n // 2 % len(DISPLAY)], True)
        for n in range(count)
    ]


def page(count: int, with_math: bool) -> str:
    """A page of paragraphs, each with an inline formula, and display formulas between."""
    parts = ["# Benchmark\n"]
    for n, (tex_, display) in enumerate(formulas(count)):
        if not display:
            math = f"${tex_}$" if with_math else "x" * (len(tex_) + 2)
            parts.append(f"{PROSE}The quantity {math} matters here. {PROSE}\n")
        else:
            label = f"\\label{{eq-{n}}}\n" if n % 4 == 1 else ""
            body = f"$$\n{tex_}\n{label}$$" if with_math else "x" * (len(tex_) + 4)
            parts.append(body + "\n")
    return "\n".join(parts)


def renderer(book: bool = True):
    """A render function with the book's extensions, as MkDocs builds each page.

    Without `book`, the hooks' extension (math, numbering, references) is left out.
    """
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    ext = next(e for e in config.markdown_extensions if isinstance(e, BookExtension))
    extensions = [e for e in config.markdown_extensions if book or e is not ext]

    def render(text: str) -> str:
        ext.start_page(
            name="bench.md", src_uri="bench.md", source=text, files=Files([]), locale="en"
        )
        md = markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)
        html = md.convert(text)
        assert not ext.problems, ext.problems
        return html

    return render


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def alternate(variants: dict, rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each variant, run in turn, the order reversed every other round."""
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    for round_ in range(rounds):
        order = list(variants) if round_ % 2 == 0 else list(reversed(variants))
        for name in order:
            start = time.process_time()
            variants[name]()
            cpu[name].append(time.process_time() - start)
    return cpu


def converters_alone(count: int, rounds: int) -> None:
    items = formulas(count)

    def one_by_one(convert):
        return lambda: [convert([item], css_class="book-math") for item in items]

    variants = {
        "latex2mathml": one_by_one(CONVERTERS["latex2mathml"]),
        "Temml, a call per formula": one_by_one(CONVERTERS["Temml"]),
        "Temml, a call per page": lambda: CONVERTERS["Temml"](items, css_class="book-math"),
    }
    for run in variants.values():
        run()  # warm up: V8 starts and loads Temml once per process
    cpu = alternate(variants, rounds)
    base = median_ms(cpu["latex2mathml"])
    print(f"1. The converters alone, {count} formulas, {rounds} rounds, median CPU:")
    for name, samples in cpu.items():
        ms = median_ms(samples)
        print(f"  {name:27} {ms / count:6.3f} ms a formula   x{ms / base:.2f} latex2mathml")


def pages(count: int, rounds: int) -> None:
    plain_page, math_page = page(count, False), page(count, True)
    book, bare = renderer(), renderer(book=False)

    def with_converter(name: str):
        def run() -> str:
            math_ext.render_formulas = CONVERTERS[name]
            try:
                return book(math_page)
            finally:
                math_ext.render_formulas = CONVERTERS["Temml"]

        return run

    variants = {
        "no extension": lambda: bare(plain_page),
        "without math": lambda: book(plain_page),
        "latex2mathml": with_converter("latex2mathml"),
        "Temml": with_converter("Temml"),
    }
    html = {name: run() for name, run in variants.items()}  # warm up, and the weight
    cpu = alternate(variants, rounds)
    print(f"2. A page with {count} formulas, {rounds} rounds, median CPU:")
    for name in variants:
        weight = len(gzip.compress(html[name].encode()))
        print(
            f"  {name:13} {median_ms(cpu[name]):7.1f} ms  "
            f"{len(html[name]):8,} B HTML  {weight:7,} B gzip"
        )
    plain = statistics.median(cpu["without math"])
    for name in CONVERTERS:
        extra = statistics.median(cpu[name]) - plain
        raw = len(html[name]) - len(html["without math"])
        print(
            f"  {name}: {extra / count * 1000:.3f} ms CPU and {raw / count:.0f} B of MathML "
            "a formula on the page"
        )
    ratio = statistics.median(cpu["Temml"]) / statistics.median(cpu["latex2mathml"])
    print(f"  the page with Temml / with latex2mathml: x{ratio:.2f}")


def chapter(lang: str, n: int, count: int) -> str:
    title = "公式" if lang == "zh" else "Formulas"
    return page(count, True).replace("# Benchmark", f"# {n}. {title}", 1)


def books(chapters: int, count: int, rounds: int) -> None:
    made = {}
    for name in CONVERTERS:
        book = make_book(f"math-{name}", chapters, with_quiz=False, hooks=())
        for path in (book / "docs" / "chapters").glob("chapter-*.md"):
            lang = path.name.split(".")[-2]
            path.write_text(chapter(lang, int(path.name[8:11]), count), "utf-8")
        config = (book / "mkdocs.yml").read_text("utf-8")
        # Both books skip the parity check: the synthetic chapters are not translations.
        if name == "latex2mathml":
            shutil.copy(HERE / "math_latex2mathml.py", book / "hooks" / "math_latex2mathml.py")
            (book / "hooks" / "old_math.py").write_text(OLD_HOOK, "utf-8")
            config = config.replace(
                "  - hooks/textbook/numbering/hook.py\n",
                "  - hooks/old_math.py\n  - hooks/textbook/numbering/hook.py\n",
            )
        (book / "mkdocs.yml").write_text(config, "utf-8")
        made[name] = book
    seconds: dict[str, list[float]] = {name: [] for name in made}
    for round_ in range(rounds):
        order = list(made) if round_ % 2 == 0 else list(reversed(made))
        for name in order:
            seconds[name].append(build_book(made[name])["cpu"])
    total = chapters * count * 2
    print(
        f"3. mkdocs build, {chapters} chapters x 2 languages, {total:,} formulas, "
        f"{rounds} rounds, median CPU of the build process:"
    )
    for name, samples in seconds.items():
        print(f"  {name:13} {statistics.median(samples):6.2f} s")
    old, new = (statistics.median(seconds[name]) for name in CONVERTERS)
    print(
        f"  Temml / latex2mathml: x{new / old:.2f} ({(new - old) / total * 1000:+.3f} ms a formula)"
    )
    _check_built(made["Temml"])
    for book in made.values():
        shutil.rmtree(book, ignore_errors=True)


def _check_built(book: Path) -> None:
    """The Temml book has the formulas as MathML, rows as tables: the build did the work."""
    html = (book / "site" / "chapters" / "chapter-001" / "index.html").read_text("utf-8")
    soup = BeautifulSoup(html, "lxml")
    assert len(soup.select("article math.book-math")) >= len(INLINE), "no MathML in the book"
    assert soup.select("article math mtable > mtr"), "no table rows in the built book"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--formulas", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--chapters", type=int, default=30)
    parser.add_argument("--build-rounds", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    converters_alone(args.formulas, args.rounds)
    pages(args.formulas, args.rounds)
    if args.chapters:
        books(args.chapters, args.formulas, args.build_rounds)


if __name__ == "__main__":
    main()
