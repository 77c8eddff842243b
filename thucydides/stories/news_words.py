"""Build ``data/stories/news_words.tsv``: words that many news articles use, with the share of articles that
use them, counted on unlabelled news corpora. Run: ``python -m thucydides.stories.news_words CORPUS.jsonl ...``

General English frequencies (``wordfreq``) call "mln", "dlrs", "shr" or "communique" rare, yet wire copy uses
them in every other story; left at full weight they make every earnings report one story. The profile weighs a
word by the lesser of its rarity in general English and its rarity in news (see profile.py).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from thucydides.stories.profile import words

MIN_SHARE = 0.005  # words in fewer articles than this share are left out (their general rarity stands)


def count(paths: list[Path]) -> tuple[int, Counter[str]]:
    documents, frequency = 0, Counter()
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
                if text.strip():
                    documents += 1
                    frequency.update(set(words(text)))
    return documents, frequency


def main(argv: list[str]) -> None:
    documents, frequency = count([Path(p) for p in argv])
    out = Path(__file__).resolve().parents[1] / "data" / "stories" / "news_words.tsv"
    out.parent.mkdir(exist_ok=True)
    rows = sorted(((w, n / documents) for w, n in frequency.items() if n / documents >= MIN_SHARE),
                  key=lambda item: (-item[1], item[0]))
    with out.open("w", encoding="utf-8") as handle:
        handle.write("# Words many news articles use: the share of articles using each (document frequency),\n"
                     f"# counted by `python -m thucydides.stories.news_words` on {documents} articles of the shared\n"
                     "# unlabelled"
                     " corpora (Reuters-21578, the 2022 headlines, the 2021-2022 press releases). Counts only.\n"
                     "# A word's weight in a story profile is at most its news rarity, -log10(share) (profile.py).\n"
                     "# word\tshare\n")
        for word, share in rows:
            handle.write(f"{word}\t{share:.4f}\n")
    print(f"{len(rows)} words from {documents} articles -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
