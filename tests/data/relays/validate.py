"""Check pairs.jsonl (relay fixtures) against the conventions of README.md beside it.

Usage: python tests/data/relays/validate.py [FILE]   (default: pairs.jsonl beside this script)
Prints one line per problem, naming the record, and exits 1 when there is any; prints a count table otherwise.
Standard library only.
"""
from __future__ import annotations

import collections
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
RELAY_KINDS = {"named", "unnamed", "syndicated", "none"}
ADDED_KINDS = {"background", "editorial-insertion", "framing", "own-sourcing", "dateline"}
CHANGED_KINDS = {"hedge", "wording"}
ARTICLE_KEYS = {"id", "outlet", "published", "headline", "text"}
EXPECTED_KEYS = {"kind", "outlet", "added", "changed", "dropped"}
PARAGRAPHS = (4, 9)
WORDS = (120, 450)
MAX_FRAMING_WORDS = 4
RETOLD_RUN = 8  # a named/unnamed relay shares at least two runs of this many words with its original
INDEPENDENT_RUN = 6  # a "none" pair shares no run of this many words
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def runs(text: str, n: int) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def check_article(where: str, art, errors: list[str]) -> bool:
    if not isinstance(art, dict) or set(art) != ARTICLE_KEYS:
        got = sorted(art) if isinstance(art, dict) else art
        errors.append(f"{where}: keys must be {sorted(ARTICLE_KEYS)}, got {got!r}")
        return False
    if not all(isinstance(art[k], str) and art[k].strip() for k in ARTICLE_KEYS):
        errors.append(f"{where}: every field must be a non-empty string")
        return False
    try:
        datetime.date.fromisoformat(art["published"])
    except ValueError:
        errors.append(f"{where}: published {art['published']!r} is not YYYY-MM-DD")
    paras = art["text"].split("\n")
    if any(not p.strip() or p != p.strip() for p in paras):
        errors.append(f"{where}: empty paragraph or stray whitespace around a paragraph")
    if not PARAGRAPHS[0] <= len(paras) <= PARAGRAPHS[1]:
        errors.append(f"{where}: {len(paras)} paragraphs, want {PARAGRAPHS[0]}-{PARAGRAPHS[1]}")
    n_words = len(words(art["text"]))
    if not WORDS[0] <= n_words <= WORDS[1]:
        errors.append(f"{where}: {n_words} words, want {WORDS[0]}-{WORDS[1]}")
    first = paras[0].split()[0] if paras[0].split() else ""
    if not (first.rstrip(",").isupper() and len(first.rstrip(",")) >= 3):
        errors.append(f"{where}: the first paragraph must open with a dateline (an upper-case place), got {first!r}")
    return True


def once(where: str, what: str, needle, text: str, errors: list[str]) -> bool:
    if not isinstance(needle, str) or not needle:
        errors.append(f"{where}: {what} must be a non-empty string")
        return False
    count = text.count(needle)
    if count != 1:
        errors.append(f"{where}: {what} {needle[:60]!r} occurs {count} times, want exactly once")
    return count == 1


def check_added(rid: str, added, original: str, relay: str, errors: list[str]) -> None:
    for i, item in enumerate(added):
        where = f"{rid} added[{i}]"
        if not isinstance(item, dict) or set(item) != {"text", "kind"}:
            errors.append(f"{where}: must be {{text, kind}}")
            continue
        text, kind = item["text"], item["kind"]
        if kind not in ADDED_KINDS:
            errors.append(f"{where}: kind {kind!r} not in {sorted(ADDED_KINDS)}")
        if not once(where, "text", text, relay, errors):
            continue
        if text in original:
            errors.append(f"{where}: {text[:60]!r} is also in the original, so it is not added")
        if kind == "framing" and len(text.split()) > MAX_FRAMING_WORDS:
            errors.append(f"{where}: a framing insertion is a word or short phrase (<= {MAX_FRAMING_WORDS} words)")
        if kind == "dateline" and not relay.startswith(text):
            errors.append(f"{where}: a dateline must open the relay text")
        if kind in ("background", "own-sourcing") and not (text[0].isupper() and _SENTENCE_END.search(text)):
            errors.append(f"{where}: a {kind} entry must be whole sentences")
        if kind == "editorial-insertion":
            gloss = text.startswith("(") and text.endswith(")")
            if not gloss and not (text[0].isupper() and _SENTENCE_END.search(text)):
                errors.append(f"{where}: an editorial insertion is a whole parenthesised gloss or whole sentences")


def check_changed(rid: str, changed, original: str, relay: str, errors: list[str]) -> None:
    for i, item in enumerate(changed):
        where = f"{rid} changed[{i}]"
        if not isinstance(item, dict) or set(item) != {"original", "relay", "kind"}:
            errors.append(f"{where}: must be {{original, relay, kind}}")
            continue
        if item["kind"] not in CHANGED_KINDS:
            errors.append(f"{where}: kind {item['kind']!r} not in {sorted(CHANGED_KINDS)}")
        ok = once(where, "original", item["original"], original, errors)
        ok = once(where, "relay", item["relay"], relay, errors) and ok
        if ok and item["original"] in relay:
            errors.append(f"{where}: the original wording {item['original'][:60]!r} is still in the relay")
        if ok and item["relay"] in original:
            errors.append(f"{where}: the relay wording {item['relay'][:60]!r} is already in the original")


def check_dropped(rid: str, dropped, original: str, relay: str, errors: list[str]) -> None:
    for i, sentence in enumerate(dropped):
        where = f"{rid} dropped[{i}]"
        if not once(where, "sentence", sentence, original, errors):
            continue
        if sentence in relay:
            errors.append(f"{where}: {sentence[:60]!r} is still in the relay")
        if not (sentence[0].isupper() or sentence[0] in "\"“") or not _SENTENCE_END.search(sentence):
            errors.append(f"{where}: a dropped entry must be a whole sentence")


def check_kind(rid: str, exp, orig: dict, rel: dict, errors: list[str]) -> None:
    kind, outlet, original, relay = exp["kind"], exp["outlet"], orig["text"], rel["text"]
    added_kinds = collections.Counter(a.get("kind") for a in exp["added"] if isinstance(a, dict))
    if kind in ("named", "syndicated"):
        if not isinstance(outlet, str) or outlet not in relay:
            errors.append(f"{rid}: a {kind} relay names its source: outlet {outlet!r} must occur in relay.text")
    elif outlet is not None:
        errors.append(f"{rid}: outlet must be null for a {kind} pair")
    elif orig["outlet"] in relay:
        errors.append(f"{rid}: a {kind} relay must not name {orig['outlet']!r}")
    if kind in ("named", "unnamed"):
        if not added_kinds["framing"]:
            errors.append(f"{rid}: a {kind} relay needs at least one framing insertion")
        if not any(c.get("kind") == "hedge" for c in exp["changed"] if isinstance(c, dict)):
            errors.append(f"{rid}: a {kind} relay needs at least one changed hedge")
        if not 1 <= len(exp["dropped"]) <= 2:
            errors.append(f"{rid}: a {kind} relay drops one or two sentences, not {len(exp['dropped'])}")
        shared = len(runs(original, RETOLD_RUN) & runs(relay, RETOLD_RUN))
        if shared < 2:
            errors.append(f"{rid}: a {kind} relay must retell the original ({shared} shared {RETOLD_RUN}-word runs)")
    elif kind == "syndicated":
        if exp["changed"] or exp["dropped"] or set(added_kinds) - {"editorial-insertion"}:
            errors.append(f"{rid}: a syndicated copy only adds site lines (editorial-insertion)")
        body = [p for p in relay.split("\n") if p not in {a.get("text") for a in exp["added"] if isinstance(a, dict)}]
        if "\n".join(body) != original:
            errors.append(f"{rid}: a syndicated copy's text minus its added lines must equal the original text")
    elif kind == "none":
        if exp["added"] or exp["changed"] or exp["dropped"]:
            errors.append(f"{rid}: a none pair lists nothing added, changed or dropped")
        shared = sorted(" ".join(r) for r in runs(original, INDEPENDENT_RUN) & runs(relay, INDEPENDENT_RUN))
        if shared:
            errors.append(f"{rid}: independent reports share {INDEPENDENT_RUN}-word runs: {shared[:3]}")


def check_record(n: int, line: str, seen: set[str], errors: list[str], tally: collections.Counter) -> None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        errors.append(f"line {n}: not JSON ({exc})")
        return
    rid = record.get("id") if isinstance(record, dict) else None
    rid = rid if isinstance(rid, str) else f"line {n}"
    if not isinstance(record, dict) or set(record) != {"id", "original", "relay", "expected"}:
        errors.append(f"{rid}: keys must be id, original, relay, expected")
        return
    if rid in seen:
        errors.append(f"{rid}: duplicate id")
    seen.add(rid)
    orig, rel, exp = record["original"], record["relay"], record["expected"]
    if not (check_article(f"{rid} original", orig, errors) & check_article(f"{rid} relay", rel, errors)):
        return
    if not isinstance(exp, dict) or set(exp) != EXPECTED_KEYS:
        errors.append(f"{rid}: expected keys must be {sorted(EXPECTED_KEYS)}")
        return
    if exp["kind"] not in RELAY_KINDS:
        errors.append(f"{rid}: kind {exp['kind']!r} not in {sorted(RELAY_KINDS)}")
        return
    if not all(isinstance(exp[k], list) for k in ("added", "changed", "dropped")):
        errors.append(f"{rid}: added, changed and dropped must be lists")
        return
    try:
        lag = (datetime.date.fromisoformat(rel["published"]) - datetime.date.fromisoformat(orig["published"])).days
        if not 0 <= lag <= 2:
            errors.append(f"{rid}: the relay is published {lag} days after the original, want 0-2")
    except ValueError:
        pass  # reported by check_article
    check_added(rid, exp["added"], orig["text"], rel["text"], errors)
    check_changed(rid, exp["changed"], orig["text"], rel["text"], errors)
    check_dropped(rid, exp["dropped"], orig["text"], rel["text"], errors)
    check_kind(rid, exp, orig, rel, errors)
    tally[exp["kind"]] += 1
    tally.update(f"added:{a.get('kind')}" for a in exp["added"] if isinstance(a, dict))
    tally.update(f"changed:{c.get('kind')}" for c in exp["changed"] if isinstance(c, dict))
    tally["dropped"] += len(exp["dropped"])


def main(argv: list[str]) -> int:
    path = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "pairs.jsonl"
    errors: list[str] = []
    tally: collections.Counter = collections.Counter()
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            check_record(n, line, seen, errors, tally)
    for err in errors:
        print(f"ERROR {path.name}: {err}")
    if errors:
        return 1
    print(f"{path.name}: {len(seen)} records OK")
    print("  " + "  ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
