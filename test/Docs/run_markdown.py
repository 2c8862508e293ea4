#!/usr/bin/env python3
"""Runs the ```sh blocks of a Markdown file and checks the ```text block after each.

Each sh block runs with bash from the repository root; when the next fenced block
is ```text, the command's output must equal it line for line (trailing spaces
ignored; "0x..." in the expected text matches any hexadecimal address). Exits
non-zero on the first mismatch, printing both outputs. `python3` in the blocks is
the interpreter running this script (the one with numpy and onnx).
"""
import os
import re
import subprocess
import sys


def blocks(text):
    for match in re.finditer(r"```(\w+)\n(.*?)```", text, re.S):
        yield match.group(1), match.group(2)


def same(expected, actual):
    exp = [l.rstrip() for l in expected.rstrip("\n").split("\n")]
    act = [l.rstrip() for l in actual.rstrip("\n").split("\n")]
    if len(exp) != len(act):
        return False
    for e, a in zip(exp, act):
        pattern = re.escape(e).replace(re.escape("0x..."), "0x[0-9a-fA-F]+")
        if not re.fullmatch(pattern, a):
            return False
    return True


def main(path, root):
    items = list(blocks(open(path).read()))
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    ran = 0
    for i, (lang, body) in enumerate(items):
        if lang != "sh":
            continue
        result = subprocess.run(["bash", "-c", "set -o pipefail\n" + body], cwd=root,
                                capture_output=True, text=True, env=env)
        ran += 1
        expected = items[i + 1][1] if i + 1 < len(items) and items[i + 1][0] == "text" else None
        if expected is not None and not same(expected, result.stdout):
            print(f"block {ran} of {path}:\n{body}\nexpected:\n{expected}\ngot:\n"
                  f"{result.stdout}\nstderr:\n{result.stderr}")
            return 1
        if expected is None and result.returncode != 0:
            print(f"block {ran} of {path} failed:\n{body}\n{result.stderr}")
            return 1
    print(f"{ran} commands ran as written")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
