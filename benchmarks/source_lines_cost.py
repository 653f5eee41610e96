"""What reading block lines from the parser costs (hooks/textbook/sources/source_map.py).

    .venv/bin/python benchmarks/source_lines_cost.py [--rounds 30] [--copies 4]

Converts a long page (the real chapter's body, both languages, repeated) with the
book's own Markdown extensions and the parity recorder, once with the source map
and once without it (needles alone), alternately in one run, and prints the CPU
time of each per page and their ratio, then the same for locating the blocks.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from markdown import Markdown
from mkdocs.config import load_config

from textbook.sources.lines import locate
from textbook.sources.outline import Recorder

ROOT = Path(__file__).resolve().parent.parent


def _markdown(config, recorder: Recorder) -> Markdown:
    extensions = [e for e in config.markdown_extensions if not isinstance(e, Recorder)]
    return Markdown(extensions=[*extensions, recorder], extension_configs=config.mdx_configs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args()
    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = []
    for lang in ("zh", "en"):
        text = (ROOT / "docs" / "chapters" / f"sft-to-rl.{lang}.md").read_text("utf-8")
        body = text.split("\n---\n", 1)[1]
        pages.append("\n\n".join([body] * args.copies))
    variants = {"with source map": Recorder(), "needles alone": Recorder(with_lines=False)}
    converters = {name: _markdown(config, rec) for name, rec in variants.items()}
    spent = dict.fromkeys(variants, 0.0)
    located = dict.fromkeys(variants, 0.0)
    for _ in range(args.rounds):
        for name, md in converters.items():
            for page in pages:
                start = time.process_time()
                md.reset().convert(page)
                outline = variants[name].take()
                middle = time.process_time()
                locate(outline, page, 1)
                spent[name] += middle - start
                located[name] += time.process_time() - middle
    count = args.rounds * len(pages)
    lines = sum(page.count("\n") for page in pages) // len(pages)
    print(f"{count} conversions of a page of about {lines} lines, per page (CPU):")
    for name in variants:
        print(
            f"  {name:16} convert {1000 * spent[name] / count:6.2f} ms"
            f"  locate {1000 * located[name] / count:5.2f} ms"
        )
    base, new = spent["needles alone"], spent["with source map"]
    print(f"  conversion with the source map: x{new / base:.3f}")


if __name__ == "__main__":
    main()
