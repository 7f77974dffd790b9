#!/usr/bin/env python3
"""Hold-out hygiene: lists benchmark questions and program lines that appear verbatim in what the tutor is tuned on
(services' resources and tests). Exit status 1 when any is found, so a run can refuse numbers that mean nothing."""
import csv, json, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parents[3]
data = root / "bench" / "tutor" / "data"

def norm(text):
    return re.sub(r"[^a-z0-9*%_]+", " ", text.lower()).strip()

corpus = []
for path in (root / "services").rglob("*"):
    if path.is_file() and "/target/" not in str(path) and path.suffix in {
            ".java", ".properties", ".md", ".json", ".jsonl", ".txt", ".tsv", ".py", ".yaml", ".csv"} \
            and "python-docs" not in path.name:
        try:
            corpus.append((path, norm(path.read_text(encoding="utf-8", errors="replace"))))
        except OSError:
            pass

hits = []
with open(data / "questions.tsv", encoding="utf-8") as f:
    for row in csv.DictReader(f, delimiter="\t"):
        q = norm(row["question"])
        if len(q.split()) < 3:
            continue
        for path, text in corpus:
            if re.search(r"(?<![a-z0-9])" + re.escape(q) + r"(?![a-z0-9])", text):
                hits.append(f"question {row['id']} in {path.relative_to(root)}: {row['question']}")

programs = json.loads((data / "wrong-programs.json").read_text(encoding="utf-8"))["programs"]
for p in programs:
    code = norm(p["code"])
    for path, text in corpus:
        if len(code) > 40 and code in text:
            hits.append(f"program {p['id']} in {path.relative_to(root)}")

print("\n".join(hits) if hits else "hold-out clean: no benchmark question or program appears in services/")
sys.exit(1 if hits else 0)
