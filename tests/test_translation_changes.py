"""The translator's loop on real edits in a throwaway git repository: `changes` names each
changed, added and removed source block with its line on both sides, and nothing else."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from translation_book import EN, ZH, cli, edit, git, line_of

# Each edit of the Chinese source, as an author makes it.
EDITS = {
    "typo": [("予训练", "预训练")],
    "rewritten": [("第三段：监督微调是模仿解法。", "第三段：强化学习让模型自己练习。")],
    "inserted": [
        ("训练 LLM 和送孩子上学很像。\n", "训练 LLM 和送孩子上学很像。\n\n新插入的一段。\n")
    ],
    "merged": [("第二段：予训练就是读教材。\n\n第三段：", "第二段：予训练就是读教材，第三段：")],
    "box": [
        (
            "训练 LLM 和送孩子上学很像。\n",
            '训练 LLM 和送孩子上学很像。\n\n!!! note "提示"\n\n    盒子里的一段。\n',
        )
    ],
    "tab": [("x = jnp.ones(3)", "x = jnp.zeros(3)")],
    "formula": [("$L = -\\log p$", "$L = -\\log q$"), ("L = \\sum_i x_i", "L = \\sum_j x_j")],
    "table": [
        (
            "| 阶段 | 做什么 |\n| --- | --- |\n| 预训练 | 读书 |\n| 微调 | 模仿 |",
            "| 阶段   | 做什么   |\n| ------ | -------- |\n"
            "| 预训练 | 读很多书 |\n| 微调   | 模仿     |",
        )
    ],
    "heading": [("## 公式 {#math}", "## 数学公式 {#math}")],
    "removed": [("\n这一段以后会删掉。\n", "")],
}


# What `changes` prints after each edit: {zh:TEXT} and {en:TEXT} stand for the line of the
# file that has TEXT, so each line number is checked against the files themselves.
REPORTS = {
    "typo": [
        "1 changed, 0 added, 0 removed",
        "  changed  {zh:第二段} the paragraph '第二段：预训练就是读教材。…': update {en:Second:}",
        "           第二段：[-予-]训练就是读教材。 → 第二段：{+预+}训练就是读教材。",
    ],
    "rewritten": [
        "1 changed, 0 added, 0 removed",
        "  changed  {zh:第三段} the paragraph '第三段：强化学习让模型自己练习。…': "
        "update {en:Third:}",
        "           第三段：[-监督微调是-]模[-仿解法-]。 → "
        "第三段：{+强化学习让+}模{+型自己练习+}。",
    ],
    "inserted": [
        "0 changed, 1 added, 0 removed",
        "  added    {zh:新插入的一段} the paragraph '新插入的一段。…': translate it after "
        "{en:Training an LLM}",
        "           {+新插入的一段。+}",
    ],
    "merged": [
        "1 changed, 0 added, 1 removed",
        "  changed  {zh:第二段} the paragraph '第二段：予训练就是读教材，第三段：监督微调是模仿…': "
        "update {en:Second:}",
        "           第二段：予训练就是读教材。 → "
        "第二段：予训练就是读教材{+，第三段：监督微调是模仿解法+}。",
        "  removed  the paragraph '第三段：监督微调是模仿解法。…' (was docs/chapters/x.zh.md:11): "
        "delete {en:Third:}",
        "           [-第三段：监督微调是模仿解法。-]",
    ],
    "box": [
        "0 changed, 1 added, 0 removed",
        "  added    {zh:!!! note} the 'note' box: translate it after {en:Training an LLM}",
        '           {+!!! note "提示" 盒子里的一段。+}',
    ],
    "tab": [
        "1 changed, 0 added, 0 removed",
        "  changed  {zh:jnp.zeros@-1} the code block: update {en:jnp.ones@-1}",
        "           ```python x = jnp.[-ones-](3) ``` → ```python x = jnp.{+zeros+}(3) ```",
    ],
    "formula": [
        "2 changed, 0 added, 0 removed",
        "  changed  {zh:损失是} the paragraph '损失是 ，越小越好。…': update {en:The loss}",
        "           损失是 $L = -\\log [-p-]$，越小越好。 → 损失是 $L = -\\log {+q+}$，越小越好。",
        "  changed  {zh:sum_j@-1} the math block: update {en:sum_i@-1}",
        "           $$ L = \\[-sum_i x_i-] $$ → $$ L = \\{+sum_j x_j+} $$",
    ],
    "table": [
        "1 changed, 0 added, 0 removed",
        "  changed  {zh:| 阶段} the table: update {en:| Stage}",
        "           | 阶段 | 做什么 | | --- | --- | | 预训练 | 读书 | | 微调 | 模仿 | → "
        "| 阶段 | 做什么 | | --- | --- | | 预训练 | 读{+很多+}书 | | 微调 | 模仿 |",
    ],
    "heading": [
        "1 changed, 0 added, 0 removed",
        "  changed  {zh:## 数学公式} the second-level heading '数学公式' {#math}: update "
        "{en:## Math}",
        "           ## 公式 {#math} → ## {+数学+}公式 {#math}",
    ],
    "removed": [
        "0 changed, 0 added, 1 removed",
        "  removed  the paragraph '这一段以后会删掉。…' (was docs/chapters/x.zh.md:46): delete "
        "{en:will be removed}",
        "           [-这一段以后会删掉。-]",
    ],
}


def expected(book, lines: list[str]) -> list[str]:
    blob = recorded(book)[:7]
    head = f"{EN}: {lines[0]} since the review of {ZH} ({blob})"
    out = [head]
    for line in lines[1:]:
        for side, path in (("zh", ZH), ("en", EN)):
            while "{" + side + ":" in line:
                start = line.index("{" + side + ":")
                end = line.index("}", start)
                text, _, shift = line[start + 4 : end].partition("@")
                number = line_of(book, path, text) + int(shift or 0)
                line = line[:start] + f"{path}:{number}" + line[end + 1 :]
        out.append(line)
    return out


def recorded(book) -> str:
    text = (book / EN).read_text("utf-8")
    return text.split('translation_of: "', 1)[1].split('"', 1)[0]


def test_a_fresh_book_has_nothing_to_report(repo):
    result = cli(repo, "changes")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "Every translation is fresh.\n",
        "",
    )


def test_reviewed_records_the_source_version_git_gives_back(repo):
    blob = recorded(repo)
    assert blob == git(repo, "hash-object", ZH).strip()
    assert git(repo, "cat-file", "-p", blob) == (repo / ZH).read_text("utf-8")


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_is_named_with_its_line_in_both_languages(repo, name):
    for old, new in EDITS[name]:
        edit(repo, ZH, old, new)
    result = cli(repo, "changes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == expected(repo, REPORTS[name])


def test_github_annotates_the_translation_lines(repo):
    for name in ("typo", "inserted", "removed"):
        for old, new in EDITS[name]:
            edit(repo, ZH, old, new)
    result = cli(repo, "changes", "--github")
    assert result.returncode == 0, result.stderr
    en = {text: line_of(repo, EN, text) for text in ("Training an LLM", "Second:", "removed")}
    zh = {text: line_of(repo, ZH, text) for text in ("新插入", "第二段")}
    assert result.stdout.splitlines() == [
        f"::warning file={EN},line={en['Training an LLM']},title=Source added%3A "
        f"{ZH}%3A{zh['新插入']}::the paragraph '新插入的一段。…' was added; translate it after "
        "this line: 新插入的一段。",
        f"::warning file={EN},line={en['Second:']},title=Source changed%3A {ZH}%3A{zh['第二段']}"
        "::the paragraph '第二段：预训练就是读教材。…' changed since the review; update this "
        "translation: 第二段：[-予-]训练就是读教材。 → 第二段：{+预+}训练就是读教材。",
        f"::warning file={EN},line={en['removed']},title=Source removed%3A {ZH}::the paragraph "
        "'这一段以后会删掉。…' was removed from the source; delete its translation here.",
    ]


def test_the_job_summary_is_a_table_per_page(repo):
    edit(repo, ZH, "予训练", "预训练")
    summary = repo / "summary.md"
    result = cli(repo, "changes", "--github", "--summary", str(summary))
    assert result.returncode == 0, result.stderr
    assert summary.read_text("utf-8").splitlines() == [
        "### Translations to update",
        "",
        "| page | changed | added | removed | |",
        "| --- | ---: | ---: | ---: | --- |",
        f"| `{EN}` | 1 | 0 | 0 | since {ZH} {recorded(repo)[:7]} |",
    ]


def test_status_counts_the_blocks_and_reviewed_clears_them(repo):
    for name in ("typo", "inserted", "removed"):
        for old, new in EDITS[name]:
            edit(repo, ZH, old, new)
    status = cli(repo, "status")
    assert status.returncode == 0, status.stdout + status.stderr
    row = next(line for line in status.stdout.splitlines() if line.startswith("chapters/x.md"))
    assert row.split()[:5] == ["chapters/x.md", "yes", "yes", "ok", "en"]
    assert "STALE since" in row and row.rstrip().endswith("(1 changed, 1 added, 1 removed)  -")
    reviewed = cli(repo, "reviewed", EN)
    assert reviewed.returncode == 0, reviewed.stderr
    assert reviewed.stdout == f"{EN}: reviewed against zh version {recorded(repo)}\n"
    assert cli(repo, "changes").stdout == "Every translation is fresh.\n"
    assert cli(repo, "changes", EN).stdout == (
        f"{EN}: fresh; {ZH} has not changed since the review.\n"
    )
    assert "STALE" not in cli(repo, "status").stdout


def test_a_reviewed_version_missing_from_a_shallow_clone_falls_back_to_the_page(repo, tmp_path):
    edit(repo, ZH, "予训练", "预训练")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    for name in ("hooks", "overrides"):  # not committed in a real repository's way here
        if not (clone / name).exists():
            shutil.copytree(repo / name, clone / name)
    blob = recorded(clone)[:7]
    line = (
        f"{EN}: the reviewed version of {ZH} ({blob}) is not in this repository (never "
        "committed, or a shallow clone: fetch the whole history); only the page-level report "
        "is available."
    )
    result = cli(clone, "changes")
    assert (result.returncode, result.stdout) == (0, line + "\n")
    github = cli(clone, "changes", "--github")
    assert github.stdout == f"::notice file={EN},title=Translation::" + line + "\n"
    status = cli(clone, "status")
    assert status.returncode == 0
    assert line in status.stdout.splitlines()
    assert "en STALE since" in status.stdout


def test_an_older_record_reads_as_reviewed_version_unknown(repo):
    text = (repo / EN).read_text("utf-8")
    (repo / EN).write_text(text.replace(recorded(repo), "d8b5aa5db118"), "utf-8")
    result = cli(repo, "changes")
    assert result.stdout == (
        f"{EN}: reviewed against an unknown version of {ZH} (an older record); read it whole, "
        "then run reviewed to record the version.\n"
    )


def test_a_page_that_cannot_be_read_is_the_only_failure(repo):
    (repo / EN).write_text("---\ntitle: [\n---\n\nText.\n", "utf-8")
    result = cli(repo, "changes")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (
        f"{EN}:3: YAML syntax error in the front matter: did not find expected node content. "
        "Check the indentation and quoting on this line and the one before it.\n"
    )


def test_pull_requests_run_changes_on_the_whole_history():
    import yaml

    from translation_book import ROOT

    workflow = yaml.safe_load((ROOT / ".github/workflows/translation.yml").read_text("utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = workflow["jobs"]["changes"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    run = next(s["run"] for s in steps if "hooks/book.py changes" in s.get("run", ""))
    assert '.venv/bin/python hooks/book.py changes --github --summary "$GITHUB_STEP_SUMMARY"' in run


def test_a_version_committed_after_it_was_missing_is_found_in_the_same_process(tmp_path):
    """Under `mkdocs serve` the process lives on: a blob git lacked is asked for again."""
    from textbook.translation.stale.freshness import read_blob

    git(tmp_path, "init", "-q")
    (tmp_path / "page.md").write_text("一段文字。\n", "utf-8")
    blob = subprocess.run(
        ["git", "hash-object", "page.md"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.strip()
    assert read_blob(blob, tmp_path) is None
    git(tmp_path, "add", "page.md")
    assert read_blob(blob, tmp_path) == "一段文字。\n"
