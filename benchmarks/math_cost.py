"""What math costs a page: the same chapter-sized page with 100 formulas and without.

    .venv/bin/python benchmarks/math_cost.py [--formulas 100] [--rounds 15]

Both pages are rendered with the book's own Markdown extensions (mkdocs.yml plus
the hooks'), alternately, round after round, in one process; the page without
math has each formula replaced by plain text of the same length, and is also
rendered without the book's extension, to show what it costs a page with no math. The report
gives median times, the cost per formula, and the page weight MathML adds. No
timed assertions: this prints figures for people to read.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.structure.files import Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from textbook.extension import BookExtension  # noqa: E402

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
]
PROSE = (
    "Reinforcement learning gives the model a prompt and a final answer but no worked "
    "solution, and rewards the paths that reach the answer reliably. "
)


def page(formulas: int, with_math: bool) -> str:
    """A page of paragraphs, each with an inline formula, and display formulas between."""
    parts = ["# Benchmark\n"]
    for n in range(formulas):
        if n % 2 == 0:
            tex = INLINE[n // 2 % len(INLINE)]
            math = f"${tex}$" if with_math else "x" * (len(tex) + 2)
            parts.append(f"{PROSE}The quantity {math} matters here. {PROSE}\n")
        else:
            tex = DISPLAY[n // 2 % len(DISPLAY)]
            label = f"\\label{{eq-{n}}}\n" if n % 4 == 1 else ""
            body = f"$$\n{tex}\n{label}$$" if with_math else "x" * (len(tex) + 4)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--formulas", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    renderers = {"no extension": renderer(book=False), "": renderer()}
    plain = page(args.formulas, False)
    pages = {"no extension": plain, "without math": plain, "with math": page(args.formulas, True)}

    def render(name: str) -> str:
        return renderers.get(name, renderers[""])(pages[name])

    html = {name: render(name) for name in pages}  # warm up, and the weight
    wall: dict[str, list[float]] = {name: [] for name in pages}
    cpu: dict[str, list[float]] = {name: [] for name in pages}
    for round_ in range(args.rounds):
        order = list(pages) if round_ % 2 == 0 else list(reversed(pages))
        for name in order:
            start, start_cpu = time.perf_counter(), time.process_time()
            render(name)
            wall[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    print(f"{args.formulas} formulas, {args.rounds} rounds, medians:")
    for name in pages:
        weight = len(gzip.compress(html[name].encode()))
        print(
            f"  {name:13} {statistics.median(wall[name]) * 1000:7.1f} ms wall  "
            f"{statistics.median(cpu[name]) * 1000:7.1f} ms CPU  "
            f"{len(html[name]):8,} B HTML  {weight:7,} B gzip"
        )
    ratios = [m / p for m, p in zip(cpu["with math"], cpu["without math"], strict=True)]
    extra = statistics.median(cpu["with math"]) - statistics.median(cpu["without math"])
    extra_raw = len(html["with math"]) - len(html["without math"])
    # The page cycles a few formulas, so gzip finds repeats a real chapter would not have.
    extra_bytes = len(gzip.compress(html["with math"].encode())) - len(
        gzip.compress(html["without math"].encode())
    )
    overhead = [b / a for b, a in zip(cpu["without math"], cpu["no extension"], strict=True)]
    print(f"  the book's extension on a page without math: x{statistics.median(overhead):.2f} CPU")
    print(f"  with math / without (CPU, median of rounds): {statistics.median(ratios):.2f}")
    print(
        f"  per formula: {extra / args.formulas * 1000:.2f} ms CPU, "
        f"{extra_raw / args.formulas:.0f} B of MathML ({extra_bytes / args.formulas:.0f} B gzip)"
    )


if __name__ == "__main__":
    main()
