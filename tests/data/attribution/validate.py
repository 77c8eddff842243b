"""Validate annotations.jsonl against the shared corpus and print the count table.

Usage: python tests/data/attribution/validate.py [SHARED_DIR] [FILE ...]
(default: ../shared next to the repo; annotations.jsonl and unseen.jsonl beside this script)
"""
import collections
import hashlib
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SHARED = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / "shared"
FILES = [pathlib.Path(p) for p in sys.argv[2:]] or [HERE / "annotations.jsonl", HERE / "unseen.jsonl"]
KINDS = {"publisher", "outlet", "named", "institution", "anonymous", "document", "unsourced"}
TYPES = {"direct": True, "partial": True, "indirect": False, "mixed": False}


_CACHE: dict = {}


def load_text(source, record_id, cache=_CACHE):
    path = SHARED / source
    if source.endswith(".txt"):
        assert record_id is None
        return path.read_text(encoding="utf-8")
    if path not in cache:
        with path.open(encoding="utf-8") as f:
            cache[path] = {r["id"]: r for r in map(json.loads, f)}
    return cache[path][record_id]["text"]


def main():
    status = 0
    for path in FILES:
        if path.exists():
            print(f"== {path.name}")
            status |= check(path)
    return status


def check(path):
    errors = []
    stats = collections.Counter()
    per_source, per_pub = collections.Counter(), collections.Counter()
    chain_len, final_kind, qtype = collections.Counter(), collections.Counter(), collections.Counter()
    seen = set()
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, line in enumerate(lines, 1):
        a = json.loads(line)
        key = (a["source"], a["record_id"])
        if key in seen:
            errors.append(f"line {n}: duplicate record {key}")
        seen.add(key)
        text = load_text(a["source"], a["record_id"])
        pub = a["publisher"]
        if pub["kind"] != "publisher":
            errors.append(f"line {n}: publisher kind")
        per_source[a["source"]] += 1
        per_pub[pub["name"]] += 1
        for i, q in enumerate(a["quotes"]):
            where = f"line {n} quote {i}"
            s, e = q["start"], q["end"]
            if not 0 <= s < e <= len(text):
                errors.append(f"{where}: bad span")
                continue
            if hashlib.sha1(text[s:e].encode("utf-8")).hexdigest()[:8] != q["sha"]:
                errors.append(f"{where}: sha mismatch")
            if q["type"] not in TYPES or TYPES[q["type"]] != q["direct"]:
                errors.append(f"{where}: type/direct mismatch")
            if q["cue"] is not None and text[q["cue_start"]:q["cue_end"]] != q["cue"]:
                errors.append(f"{where}: cue offsets")
            sp = q["speaker"]
            if sp["kind"] not in KINDS:
                errors.append(f"{where}: speaker kind")
            if sp["start"] is not None and not 0 <= sp["start"] < sp["end"] <= len(text):
                errors.append(f"{where}: speaker span")
            ch = q["chain"]
            if not ch or ch[0] != pub:
                errors.append(f"{where}: chain must start with the publisher")
            if any(c["kind"] not in KINDS for c in ch) or any(c["kind"] == "publisher" for c in ch[1:]):
                errors.append(f"{where}: chain kinds")
            if sp["kind"] == "unsourced" and (len(ch) != 1 or sp["start"] is not None):
                errors.append(f"{where}: an unsourced attribution has no speaker span and a chain of the publisher")
            if sp["kind"] not in ("publisher", "unsourced") and {"name": sp["name"], "kind": sp["kind"]} not in ch:
                errors.append(f"{where}: speaker not in chain")
            stats["quotes"] += 1
            qtype[q["type"]] += 1
            stats["direct" if q["direct"] else "unsourced" if sp["kind"] == "unsourced" else "indirect"] += 1
            chain_len[len(ch)] += 1
            final_kind[ch[-1]["kind"]] += 1
            if q["cue"] is None:
                stats["no cue"] += 1
            if q.get("zone"):
                stats["zone " + q["zone"]] += 1
    print(f"articles {len(lines)}  quotes {stats['quotes']}  direct {stats['direct']}  indirect {stats['indirect']}"
          f"  unsourced {stats['unsourced']}")
    print("types", dict(qtype), " no-cue", stats["no cue"], " headline/dek", stats["zone headline"], stats["zone dek"])
    print("per source", dict(per_source))
    print("per publisher", dict(per_pub))
    print("chain length", dict(sorted(chain_len.items())))
    print("final kind", dict(final_kind))
    for err in errors:
        print("ERROR", err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
