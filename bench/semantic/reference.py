"""Reference vectors from sentence-transformers, to check parallax-embed against.

Usage: python reference.py MODEL_DIR ARTICLES_JSONL OUT_JSON [N]
Embeds a few sentences of our own and the lead text (title + first three paragraphs,
as the bench builds it) of the first N articles (default 40), and writes
{"texts": [...], "vectors": [...]} for `parallax-bench-semantic --reference OUT_JSON`.
"""

import json
import sys

from sentence_transformers import SentenceTransformer


def lead_text(record):
    text = record.get("title") or ""
    paragraphs = [p for p in record["text"].split("\n\n") if p.strip()][:3]
    for p in paragraphs:
        if text:
            text += "\n"
        text += p.strip()
    return text


def main():
    model_dir, articles, out = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    texts = [
        "The mayor resigned after the budget vote.",
        "Following the vote on the budget, the mayor stepped down.",
        "Floods closed the main road into the valley.",
        "",
    ]
    with open(articles, encoding="utf-8") as f:
        for line in f:
            if line.strip() and len(texts) < n + 4:
                texts.append(lead_text(json.loads(line)))
    model = SentenceTransformer(model_dir, device="cpu")
    vectors = model.encode(texts, batch_size=32, normalize_embeddings=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"texts": texts, "vectors": [v.tolist() for v in vectors]}, f)


if __name__ == "__main__":
    main()
