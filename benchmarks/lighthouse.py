"""Lighthouse (mobile, simulated slow 4G) on the real book's chapter pages, served with gzip.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--lighthouse 12.2.3]

Builds the book, serves it with gzip on loopback as page_weight.py does (GitHub
Pages compresses too), and runs Lighthouse from npm (`npx --yes lighthouse@VERSION`,
fetched on first use) with Debian's Chromium on the Chinese and the English
chapter. Prints, per language, the median of the runs: performance and
accessibility scores, first contentful paint, total blocking time and the bytes
transferred. Lighthouse's scores move with the machine's load: run it on an
idle one. No assertions: it prints figures for people to read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from book_build import ROOT
from page_weight import serve

PAGES = {"zh": "chapters/sft-to-rl/", "en": "en/chapters/sft-to-rl/"}
CHROMIUM = "/usr/bin/chromium"


def lighthouse(url: str, version: str) -> dict:
    command = [
        "npx", "--yes", f"lighthouse@{version}", url,
        "--quiet", "--output=json", "--output-path=stdout",
        "--only-categories=performance,accessibility",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"],
        "accessibility": report["categories"]["accessibility"]["score"],
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lighthouse", default="12.2.3", help="the npm package's version")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "llm-book"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        base, _, httpd = serve(site)
        try:
            print(f"Lighthouse {args.lighthouse}, mobile, {args.runs} runs, medians")
            for lang, path in PAGES.items():
                runs = [lighthouse(base + path, args.lighthouse) for _ in range(args.runs)]
                median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                print(
                    f"  {lang}: performance {median['performance']:.2f}, accessibility "
                    f"{median['accessibility']:.2f}, first contentful paint "
                    f"{median['fcp_s']:.1f} s, blocking {median['tbt_ms']:.0f} ms, "
                    f"{median['kib']:.1f} KiB"
                )
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    main()
