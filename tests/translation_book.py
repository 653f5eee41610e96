"""A small bilingual book in a throwaway git repository, for the translator's loop.

`make_book(tmp_path)` writes the project (the real mkdocs.yml, hooks and
templates) and one chapter in both languages, commits it, records the review
(`reviewed`) and commits that: the state of a book whose translation is fresh.
A test then edits the source, commits, and reads what `changes` says.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "tests" / "fixtures" / "book"  # its mkdocs.yml: the real configuration, frozen
ZH, EN = "docs/chapters/x.zh.md", "docs/chapters/x.en.md"

SOURCE_ZH = """\
---
description: 一章。
---

# 第一章

训练 LLM 和送孩子上学很像。

第二段：予训练就是读教材。

第三段：监督微调是模仿解法。

## 公式 {#math}

损失是 $L = -\\log p$，越小越好。

$$
L = \\sum_i x_i
$$

## 代码 {#code}

=== "PyTorch"

    ```python
    x = torch.ones(3)
    ```

=== "JAX"

    ```python
    x = jnp.ones(3)
    ```

## 表格 {#table}

| 阶段 | 做什么 |
| --- | --- |
| 预训练 | 读书 |
| 微调 | 模仿 |

## 结尾 {#end}

最后一段。

这一段以后会删掉。
"""

SOURCE_EN = """\
---
description: A chapter.
---

# Chapter one

Training an LLM is a lot like sending a child to school.

Second: pretraining is reading the textbook.

Third: supervised fine-tuning imitates worked solutions.

## Math {#math}

The loss is $L = -\\log p$; smaller is better.

$$
L = \\sum_i x_i
$$

## Code {#code}

=== "PyTorch"

    ```python
    x = torch.ones(3)
    ```

=== "JAX"

    ```python
    x = jnp.ones(3)
    ```

## Table {#table}

| Stage | What it does |
| --- | --- |
| Pretraining | Reading |
| Fine-tuning | Imitating |

## The end {#end}

The last paragraph.

This paragraph will be removed later.
"""


def git(book: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=book,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def cli(book: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "hooks/book.py", *args], cwd=book, capture_output=True, text=True
    )


def make_book(
    book: Path, source: str = SOURCE_ZH, translation: str = SOURCE_EN, source_language: str = ""
) -> Path:
    """The project with chapter x; `source_language: en` makes English the source."""
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, book / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (BOOK / "mkdocs.yml").read_text("utf-8")
    config = config.replace(
        "nav:\n  - index.md\n  - progress.md\n  - chapters/sft-to-rl.md\n  - glossary.md\n",
        "nav:\n  - index.md\n  - chapters/x.md\n",
    )
    if source_language:
        config = config.replace(
            "extra:\n", f"extra:\n  parity:\n    source_language: {source_language}\n", 1
        )
    (book / "mkdocs.yml").write_text(config, "utf-8")
    docs = book / "docs"
    (docs / "chapters").mkdir(parents=True)
    (docs / "index.zh.md").write_text("# 首页\n\n1. [第一章](chapters/x.md)\n", "utf-8")
    (docs / "index.en.md").write_text("# Home\n\n1. [Chapter one](chapters/x.md)\n", "utf-8")
    sources = {"zh": source, "en": translation}
    if source_language == "en":
        sources = {"zh": translation, "en": source}
    for locale, text in sources.items():
        (docs / "chapters" / f"x.{locale}.md").write_text(text, "utf-8")
    git(book, "init", "-q")
    git(book, "add", "-A")
    git(book, "commit", "-q", "-m", "the book")
    for page in ("docs/index.md", "docs/chapters/x.md"):
        result = cli(book, "reviewed", page)
        assert result.returncode == 0, result.stderr
    git(book, "commit", "-q", "-am", "reviewed")
    return book


def edit(book: Path, path: str, old: str, new: str, commit: bool = True) -> None:
    file = book / path
    text = file.read_text("utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), "utf-8")
    if commit:
        git(book, "commit", "-q", "-am", f"edit {path}")


def line_of(book: Path, path: str, text: str) -> int:
    """The line of a file that has `text` (1-based)."""
    lines = (book / path).read_text("utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if text in line)
