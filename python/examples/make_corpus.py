"""Make a test corpus of many texts from the repository's fixtures.

    python python/examples/make_corpus.py OUT_DIR [--files 2000] [--seed 18] [--broken 12]

Each file is a fixture (fixtures/seeds, fixtures/extra), a slice of one (a run
of whole lines), or two slices joined, stored as UTF-8, GB18030 or UTF-16 with
a byte order mark, so the encoding detection is exercised. ``--broken`` files
are binary data named ``*.txt`` (NULs, control bytes, an ELF header), which
reprint refuses with a NotTextError: a scale-out run must list them as failed.
The files go into sub-directories of 100 (``part_000/...``); the layout and
the bytes depend only on the arguments.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = [ROOT / "fixtures" / "seeds", ROOT / "fixtures" / "extra"]


def sources() -> list[tuple[str, list[str]]]:
    """The fixtures' names and lines (line ends kept)."""
    out = []
    for d in FIXTURES:
        for f in sorted(d.glob("*.txt")):
            # Texts in other encodings (a Big5 fixture) are the encoding
            # tests' own: slices of them would cut characters in half.
            try:
                text = f.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            out.append((f.stem, text.splitlines(keepends=True)))
    if not out:
        raise SystemExit(f"no fixtures found under {ROOT / 'fixtures'}")
    return out


def broken(i: int, rng: random.Random) -> bytes:
    """Binary data that is not text in any encoding."""
    kind = i % 4
    if kind == 0:
        return b"\x00" * rng.randint(64, 4096)
    if kind == 1:
        return b"\x7fELF\x02\x01\x01\x00" + bytes(rng.randint(512, 4096))
    if kind == 2:
        return bytes(range(32)) * rng.randint(4, 100)
    return "正文的开头，然后是二进制数据。\n".encode() + b"\x00\x01\x02\x03" * rng.randint(100, 1000)


def encode(text: str, rng: random.Random) -> tuple[bytes, str]:
    r = rng.random()
    if r < 0.70:
        return text.encode("utf-8"), "UTF-8"
    if r < 0.90:
        # ASCII is the same bytes in both: detected (and named) as UTF-8.
        return text.encode("gb18030"), "UTF-8" if text.isascii() else "GB18030"
    return b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16LE"


def make(out: Path, files: int = 2000, seed: int = 18, broken_files: int = 12, max_lines: int = 400) -> dict[str, str]:
    """Writes the corpus; returns {relative path: expected encoding or "broken"}."""
    rng = random.Random(seed)
    srcs = sources()
    broken_at = set(rng.sample(range(files), min(broken_files, files)))
    expected: dict[str, str] = {}
    for i in range(files):
        rel = Path(f"part_{i // 100:03d}") / f"doc_{i:05d}.txt"
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if i in broken_at:
            path.write_bytes(broken(i, rng))
            expected[rel.as_posix()] = "broken"
            continue
        name, lines = srcs[rng.randrange(len(srcs))]
        mode = rng.random()
        if mode < 0.15 or len(lines) <= 20:
            text = "".join(lines)
        else:
            def piece() -> str:
                n = rng.randint(10, min(max_lines, len(lines)))
                start = rng.randrange(0, len(lines) - n + 1)
                return "".join(lines[start : start + n])

            text = piece() if mode < 0.85 else piece() + "\n" + piece()
        data, encoding = encode(text, rng)
        path.write_bytes(data)
        expected[rel.as_posix()] = encoding
    return expected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--broken", type=int, default=12)
    ap.add_argument("--max-lines", type=int, default=400, help="longest slice, in lines")
    a = ap.parse_args()
    expected = make(a.out, a.files, a.seed, a.broken, a.max_lines)
    size = sum(p.stat().st_size for p in a.out.rglob("*.txt"))
    bad = sum(1 for v in expected.values() if v == "broken")
    print(f"{len(expected)} files ({bad} broken), {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
