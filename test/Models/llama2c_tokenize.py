#!/usr/bin/env python3
"""Encodes text with a llama2.c tokenizer file (tokenizer.bin / tok512.bin)
the way llama2.c's `encode` does: BOS, a dummy-prefix space, one token per
UTF-8 character (bytes + 3 when a character has no piece), then the
highest-scoring adjacent merge until none applies. Writes int64 [1, N] .npy.

    llama2c_tokenize.py tok512.bin text.txt --count N -o ids.npy
"""
import argparse
import struct
import sys

import numpy as np


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    (max_len,) = struct.unpack_from("<i", data, 0)
    pos, pieces, scores = 4, [], []
    while pos < len(data):
        score, length = struct.unpack_from("<fi", data, pos)
        pos += 8
        pieces.append(data[pos:pos + length].decode("utf-8", "replace"))
        scores.append(score)
        pos += length
    return pieces, scores


def encode(text, pieces, scores):
    index = {p: i for i, p in enumerate(pieces)}
    tokens = [1]  # BOS
    if text:
        tokens.append(index[" "])
    for ch in text:
        if ch in index:
            tokens.append(index[ch])
        else:
            tokens.extend(b + 3 for b in ch.encode("utf-8"))
    body = tokens[1:]
    while True:
        best, best_at, best_id = -1e10, -1, -1
        for i in range(len(body) - 1):
            merged = index.get(pieces[body[i]] + pieces[body[i + 1]])
            if merged is not None and scores[merged] > best:
                best, best_at, best_id = scores[merged], i, merged
        if best_at < 0:
            break
        body[best_at:best_at + 2] = [best_id]
    return [1] + body


def main():
    p = argparse.ArgumentParser()
    p.add_argument("tokenizer")
    p.add_argument("text")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("-o", required=True)
    args = p.parse_args()
    pieces, scores = load(args.tokenizer)
    with open(args.text, encoding="utf-8") as f:
        text = f.read(8 * args.count)
    ids = encode(text, pieces, scores)
    if len(ids) < args.count:
        print(f"llama2c_tokenize: only {len(ids)} tokens in {args.text}", file=sys.stderr)
        return 1
    np.save(args.o, np.array(ids[:args.count], dtype=np.int64).reshape(1, args.count))
    return 0


if __name__ == "__main__":
    sys.exit(main())
