"""A generated bilingual book: many page pairs of varied shapes, with planted differences.

Each page is a list of chunks, written in both languages from the same plan
(prose, comments and translated labels differ, structure does not). A planted
difference changes one chunk of the English page and says what the checker
must report: the English file, the line, and the kind of message.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

ZH_WORDS = "模型 训练 数据 奖励 策略 梯度 损失 样本 参数 推理 评估 对齐".split()
EN_WORDS = "model training data reward policy gradient loss sample weights inference".split()
FRAMEWORKS = ["PyTorch", "JAX", "NumPy", "C++"]


@dataclass
class Chunk:
    """One block in both languages; `key` names it for the plants."""

    kind: str
    zh: str
    en: str


@dataclass
class Plant:
    page: str  # docs/chapters/p-007.en.md
    line: int
    says: str  # a phrase of the expected message


@dataclass
class Page:
    name: str
    chunks: list[Chunk] = field(default_factory=list)


def generate(docs: Path, pages: int = 120, seed: int = 9, every: int = 3) -> list[Plant]:
    """Writes the book; returns what the checker must report (one plant on every `every` page)."""
    rng = random.Random(seed)
    (docs / "chapters").mkdir(parents=True, exist_ok=True)
    (docs / "index.zh.md").write_text("# 首页\n", "utf-8")
    (docs / "index.en.md").write_text("# Home\n", "utf-8")
    plants = []
    for n in range(pages):
        page = _page(rng, n)
        en = list(page.chunks)
        expected = None
        if n % every == 0:
            en, expected = _plant(rng, page.chunks, n)
        name = f"chapters/p-{n:03}"
        _write(docs / f"{name}.zh.md", [c.zh for c in page.chunks])
        lines = _write(docs / f"{name}.en.md", [c.en for c in en])
        if expected:
            index, says, offset = expected
            plants.append(Plant(f"docs/{name}.en.md", lines[index] + offset, says))
    return plants


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _write(path: Path, chunks: list[str]) -> list[int]:
    """Writes chunks separated by blank lines; returns each chunk's first line."""
    lines, line = [], 1
    for chunk in chunks:
        lines.append(line)
        line += chunk.count("\n") + 2
    lines.append(line)  # where a chunk after the last one would start
    path.write_text("\n\n".join(chunks) + "\n", "utf-8")
    return lines


def _prose(rng: random.Random) -> Chunk:
    zh = "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(4, 12))) + "。"
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(5, 14))]
    en = " ".join(words).capitalize() + "."
    if rng.random() < 0.3:  # a soft line break, in one language only
        en = en.replace(" ", "\n", 1)
    return Chunk("paragraph", zh, en)


def _page(rng: random.Random, n: int) -> Page:
    page = Page(f"p-{n:03}")
    page.chunks.append(Chunk("heading", f"# 第 {n} 章", f"# Chapter {n}"))
    page.chunks.append(_prose(rng))
    for s in range(rng.randint(2, 5)):
        level = "##" if s == 0 or rng.random() < 0.7 else "###"
        page.chunks.append(
            Chunk("heading", f"{level} 第 {s} 节 {{#s{s}}}", f"{level} Section {s} {{#s{s}}}")
        )
        for _ in range(rng.randint(1, 4)):
            chunk = rng.choice(_MAKERS)(rng)
            if chunk.kind == page.chunks[-1].kind == "list":
                page.chunks.append(_prose(rng))  # two lists in a row render as one
            page.chunks.append(chunk)
    page.chunks.append(_prose(rng))  # a planted block is never the last one
    return page


def _list(rng):
    count = rng.randint(2, 5)
    marker = rng.choice(["-", "1."])
    zh = "\n".join(f"{marker} {rng.choice(ZH_WORDS)}{i}" for i in range(count))
    en = "\n".join(f"{marker} {rng.choice(EN_WORDS)} {i}" for i in range(count))
    return Chunk("list", zh, en)


def _table(rng):
    rows, cols = rng.randint(1, 4), rng.randint(1, 4)

    def table(words):
        head = "| " + " | ".join(rng.choice(words) for _ in range(cols)) + " |"
        rule = "| " + " | ".join("---" for _ in range(cols)) + " |"
        body = [
            "| " + " | ".join(str(r * cols + c) for c in range(cols)) + " |" for r in range(rows)
        ]
        return "\n".join([head, rule, *body])

    return Chunk("table", table(ZH_WORDS), table(EN_WORDS))


def _code(rng):
    n = rng.randint(1, 9)
    if rng.random() < 0.5:
        body = "```python\nx = {n}  # {c}\ny = x * 2\nprint(y)\n```"
        return Chunk("code", body.format(n=n, c="赋值"), body.format(n=n, c="assign"))
    body = "```cpp\nint *p = new int[{n}];  // {c}\np[0] = 1;\ndelete[] p;\n```"
    return Chunk("code", body.format(n=n, c="分配"), body.format(n=n, c="allocate"))


def _box(rng):
    kind = rng.choice(["note", "example", "warning", "abstract"])
    marker = rng.choice(["!!!", "???", "???+"])
    prose = _prose(rng)
    return Chunk(
        "box",
        f'{marker} {kind} "标题"\n\n    {prose.zh}',
        f'{marker} {kind} "Title"\n\n    {prose.en.replace(chr(10), " ")}',
    )


def _tabs(rng):
    labels = rng.sample(FRAMEWORKS, rng.randint(2, 3))

    def tabs(comment):
        parts = []
        for i, label in enumerate(labels):
            parts.append(f'=== "{label}"\n\n    ```python\n    v = {i}  # {comment}\n    ```')
        return "\n\n".join(parts)

    return Chunk("tabs", tabs("值"), tabs("value"))


def _image(rng):
    name = f"fig-{rng.randint(1, 50)}.svg"
    return Chunk("image", f"![图](../img/{name})", f"![Figure](../img/{name})")


def _html_image(rng):
    name = f"photo-{rng.randint(1, 50)}.png"
    return Chunk(
        "image", f'<img src="../img/{name}" alt="照片">', f'<img src="../img/{name}" alt="A photo">'
    )


def _math(rng):
    formula = f"$$\nL = \\sum_i x_i^{rng.randint(2, 4)}\n$$"
    return Chunk("math", formula, formula)


def _quote(rng):
    prose = _prose(rng)
    return Chunk("blockquote", "> " + prose.zh, "> " + prose.en.replace("\n", " "))


def _link(rng):
    site = rng.choice(["https://pytorch.org/docs/", "https://arxiv.org/abs/1707.06347"])
    prose = _prose(rng)
    return Chunk(
        "link",
        f"{prose.zh}见[文档]({site})和[首页](../index.md)。",
        f"{prose.en.replace(chr(10), ' ')} See [the docs]({site}) and [home](../index.md).",
    )


def _rule(rng):
    return Chunk("rule", rng.choice(["***", "---", "___"]), rng.choice(["***", "- - -"]))


def _definitions(rng):
    count = rng.randint(1, 3)
    zh = "\n\n".join(f"{rng.choice(ZH_WORDS)}{i}\n:   {_prose(rng).zh}" for i in range(count))
    en = "\n\n".join(
        f"{rng.choice(EN_WORDS)} {i}\n:   {_prose(rng).en.replace(chr(10), ' ')}"
        for i in range(count)
    )
    return Chunk("definitions", zh, en)


def _footnote(rng):
    label = f"n{rng.randint(1, 10**6)}"
    prose = _prose(rng)
    return Chunk(
        "footnote",
        f"{prose.zh[:-1]}[^{label}]。\n\n[^{label}]: 脚注：{_prose(rng).zh}",
        f"{prose.en.replace(chr(10), ' ')[:-1]}[^{label}].\n\n[^{label}]: A note.",
    )


def _xref(rng):
    prose = _prose(rng)
    return Chunk(
        "xref",
        f"{prose.zh}回到[第一节](#s0)。",
        f"{prose.en.replace(chr(10), ' ')} Back to [](#s0).",
    )


_MAKERS = [
    _prose,
    _prose,
    _list,
    _table,
    _code,
    _box,
    _tabs,
    _image,
    _html_image,
    _math,
    _quote,
    _link,
    _rule,
    _definitions,
    _footnote,
    _xref,
]


def _plant(rng: random.Random, chunks: list[Chunk], n: int):
    """A changed English page and (chunk index, message phrase, line offset in the chunk)."""
    kinds = {c.kind for c in chunks}
    plants = [p for p in _PLANTS if p[0] in kinds]
    kind, change = plants[n // 3 % len(plants)]
    index = max(i for i, c in enumerate(chunks) if c.kind == kind)
    en = list(chunks)
    return change(en, index)


def _drop(en, index, says):
    del en[index]
    return en, (index, says, 0)


def _edit(old, new, says, offset=0):
    def change(en, index):
        chunk = en[index]
        en[index] = Chunk(chunk.kind, chunk.zh, chunk.en.replace(old, new, 1))
        return en, (index, says, offset)

    return change


_PLANTS = [
    ("code", lambda en, i: _drop_last_statement(en, i)),
    ("table", lambda en, i: _drop_column(en, i)),
    ("list", lambda en, i: _drop_item(en, i)),
    ("box", lambda en, i: _collapse(en, i)),
    ("blockquote", lambda en, i: _drop(en, i, "missing the blockquote")),
    ("image", lambda en, i: _drop(en, i, "missing the image")),
    ("math", lambda en, i: _drop(en, i, "missing the math block")),
    ("tabs", lambda en, i: _swap_tabs(en, i)),
    ("link", _edit("(https://", "(http://", "a link to 'http://")),
    ("heading", lambda en, i: _rename_id(en, i)),
    ("rule", lambda en, i: _drop(en, i, "missing the horizontal rule")),
    ("definitions", lambda en, i: _drop_definition(en, i)),
    ("xref", _edit(" Back to [](#s0).", "", "missing the link to '#s0'")),
]  # fmt: skip


def _drop_last_statement(en, i):
    chunk = en[i]
    lines = chunk.en.split("\n")
    en[i] = Chunk(chunk.kind, chunk.zh, "\n".join(lines[:-2] + lines[-1:]))
    return en, (i, "the code differs", len(lines) - 2)


def _drop_column(en, i):
    chunk = en[i]
    rows = [
        row.rsplit(" | ", 1)[0] + " |" if row.count("|") > 2 else row
        for row in chunk.en.split("\n")
    ]
    if rows == chunk.en.split("\n"):  # one column: drop the table
        return _drop(en, i, "missing the table")
    en[i] = Chunk(chunk.kind, chunk.zh, "\n".join(rows))
    return en, (i, "a table of", 0)


def _drop_item(en, i):
    chunk = en[i]
    en[i] = Chunk(chunk.kind, chunk.zh, chunk.en.rsplit("\n", 1)[0])
    return en, (i, "list of", 0)


def _drop_definition(en, i):
    chunk = en[i]
    items = chunk.en.split("\n\n")
    if len(items) == 1:
        return _drop(en, i, "missing the definition list")
    en[i] = Chunk(chunk.kind, chunk.zh, "\n\n".join(items[:-1]))
    return en, (i, "definition list of", 0)


def _collapse(en, i):
    chunk = en[i]
    marker = chunk.en.split(" ", 1)[0]
    other = "???" if marker != "???" else "!!!"
    en[i] = Chunk(chunk.kind, chunk.zh, other + chunk.en[len(marker) :])
    return en, (i, "box is", 0)


def _swap_tabs(en, i):
    chunk = en[i]
    a, b = chunk.en.split("\n\n===", 1)[0], "===" + chunk.en.split("\n\n===", 1)[1]
    first_label = a.split('"')[1]
    second_label = b.split('"')[1]
    swapped = chunk.en.replace(f'"{first_label}"', "\0").replace(
        f'"{second_label}"', f'"{first_label}"'
    )
    en[i] = Chunk(chunk.kind, chunk.zh, swapped.replace("\0", f'"{second_label}"'))
    return en, (i, "tabs (", 0)


def _rename_id(en, i):
    chunk = en[i]
    en[i] = Chunk(chunk.kind, chunk.zh, chunk.en.replace("{#s", "{#renamed-s"))
    return en, (i, "has the id {#renamed-", 0)


def with_tabs_and_footnotes(mkdocs_yml: str) -> str:
    """The book's mkdocs.yml with the extensions the generated pages use, if it lacks them."""
    wanted = {
        "footnotes": "  - footnotes\n",
        "pymdownx.tabbed": "  - pymdownx.tabbed:\n      alternate_style: true\n",
    }
    listed = mkdocs_yml.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
    missing = "".join(text for name, text in wanted.items() if f"- {name}" not in listed)
    return mkdocs_yml.replace("\nmarkdown_extensions:\n", "\nmarkdown_extensions:\n" + missing)
