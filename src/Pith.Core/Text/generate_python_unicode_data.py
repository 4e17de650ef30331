#!/usr/bin/env python3
"""Generate Python's casing/whitespace tables for C#, plus a title-canonicalisation golden set.

Pith hashes titles and abstracts as (PITH-FORMAT.md section 6)

    canon(s) = " ".join(s.lower().split())      # then SHA-256 of canon(s).encode("utf-8")

with Python's full-case-mapping str.lower (including the final-sigma rule) and Python's
str.split() white space.  This script dumps exactly what this Python does into:

  1. src/Pith.Core/Text/PythonUnicodeData.g.cs
       LowerFrom/LowerTo      every code point whose chr(c).lower() != chr(c), and its lowering;
       CaseIgnorableRanges    code points the final-sigma rule skips (Case_Ignorable);
       CasedRanges            code points that are cased and NOT case-ignorable;
       WhiteSpace             code points with chr(c).isspace() (what str.split() splits on).
     Python exposes neither Cased nor Case_Ignorable, so both are derived by probing the
     final-sigma rule of str.lower (CPython's handle_capital_sigma), then re-checked
     exhaustively and on random strings against the real str.lower.

  2. tests/Pith.Core.Tests/Text/python-title-canon.jsonl
       JSON Lines, ASCII only: {"input": s, "canon": canon(s), "sha256": hex}; hand-picked cases
       first, then random strings (fixed seed).

Standard library only, deterministic (fixed seed; no dependence on PYTHONHASHSEED).  The
tables depend on the Python version's Unicode database (recorded in the generated header).
Rerun from the repository root (or anywhere; paths are computed from this file) with:

    python3 src/Pith.Core/Text/generate_python_unicode_data.py
"""

import hashlib
import json
import os
import platform
import random
import unicodedata

SEED = 20260522
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CS_PATH = os.path.join(HERE, "PythonUnicodeData.g.cs")
JSONL_PATH = os.path.join(REPO, "tests", "Pith.Core.Tests", "Text", "python-title-canon.jsonl")
N_TITLE_LINES = 3000

CAPITAL_SIGMA = "\u03a3"
SMALL_SIGMA = "\u03c3"
FINAL_SIGMA = "\u03c2"

ALL_CPS = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def canon(s):
    return " ".join(s.lower().split())


# ---------------------------------------------------------------------------
# 1. derive the tables


def derive_tables():
    lower_from, lower_to = [], []
    ignorable, cased_not_ignorable, white = set(), set(), []
    for c in ALL_CPS:
        ch = chr(c)
        low = ch.lower()
        if low != ch:
            lower_from.append(c)
            lower_to.append(low)
        # "A" + c + SIGMA: final iff c is case-ignorable (skipped, then "A" is cased) or c is cased.
        # The sigma is the last input character and lowers to exactly one character.
        ignorable_or_cased = ("A" + ch + CAPITAL_SIGMA).lower().endswith(FINAL_SIGMA)
        # "A" + SIGMA + c: not final iff c is cased and not case-ignorable.
        # "A" and SIGMA each lower to one character, so the sigma is at index 1.
        r = ("A" + CAPITAL_SIGMA + ch).lower()
        assert r[1] in (SMALL_SIGMA, FINAL_SIGMA)
        sigma_when_after = r[1] == SMALL_SIGMA
        if sigma_when_after:
            assert ignorable_or_cased
            cased_not_ignorable.add(c)
        elif ignorable_or_cased:
            ignorable.add(c)
        if ch.isspace():
            white.append(c)
        # str.split() must agree with str.isspace()
        assert (len(("a" + ch + "b").split()) == 2) == ch.isspace(), hex(c)
    return lower_from, lower_to, ignorable, cased_not_ignorable, white


def to_ranges(cps):
    ranges = []
    for c in sorted(cps):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return ranges


# ---------------------------------------------------------------------------
# re-implementation from the tables (what the C# code must do), used for verification


class TableModel:
    def __init__(self, lower_from, lower_to, ignorable, cased, white):
        self.map = dict(zip(lower_from, lower_to))
        self.ignorable = ignorable
        self.cased = cased
        self.white = set(white)

    def _final_sigma(self, s, i):
        j = i - 1
        while j >= 0 and ord(s[j]) in self.ignorable:
            j -= 1
        if j < 0 or ord(s[j]) not in self.cased:
            return False
        j = i + 1
        while j < len(s) and ord(s[j]) in self.ignorable:
            j += 1
        return j == len(s) or ord(s[j]) not in self.cased

    def lower(self, s):
        out = []
        for i, ch in enumerate(s):
            if ch == CAPITAL_SIGMA:
                out.append(FINAL_SIGMA if self._final_sigma(s, i) else SMALL_SIGMA)
            else:
                out.append(self.map.get(ord(ch), ch))
        return "".join(out)

    def split(self, s):
        words, cur = [], []
        for ch in s:
            if ord(ch) in self.white:
                if cur:
                    words.append("".join(cur))
                    cur = []
            else:
                cur.append(ch)
        if cur:
            words.append("".join(cur))
        return words

    def canon(self, s):
        return " ".join(self.split(self.lower(s)))


def verify_model(model, rng, lower_from, ignorable, cased):
    # exhaustive: every code point in every sigma position that matters
    for c in ALL_CPS:
        ch = chr(c)
        for s in (ch, "A" + ch + CAPITAL_SIGMA, "A" + CAPITAL_SIGMA + ch, ch + CAPITAL_SIGMA,
                  CAPITAL_SIGMA + ch, ch + CAPITAL_SIGMA + ch, "A" + ch + CAPITAL_SIGMA + ch + "b"):
            assert model.lower(s) == s.lower(), (hex(c), s)
    # random strings containing capital sigma, drawn from the interesting classes
    ign = sorted(ignorable)
    cas = sorted(cased)
    both_probe = sorted(set(range(0x80)) | {0x345, 0x2B0, 0x1D2C, 0x2071, 0x24B6, 0x24D0, 0x2160, 0x2170})
    other = [c for c in range(0x20, 0x3000, 7) if not 0xD800 <= c <= 0xDFFF]
    for _ in range(20000):
        n = rng.randint(1, 10)
        parts = []
        for _ in range(n):
            r = rng.random()
            if r < 0.3:
                parts.append(CAPITAL_SIGMA)
            elif r < 0.5:
                parts.append(chr(rng.choice(ign)))
            elif r < 0.7:
                parts.append(chr(rng.choice(cas)))
            elif r < 0.8:
                parts.append(chr(rng.choice(lower_from)))
            elif r < 0.9:
                parts.append(chr(rng.choice(both_probe)))
            else:
                parts.append(chr(rng.choice(other)))
        s = "".join(parts)
        assert model.lower(s) == s.lower(), ascii(s)
        assert model.canon(s) == canon(s), ascii(s)


# ---------------------------------------------------------------------------
# C# emission


def cs_hex(c):
    return "0x%X" % c


def cs_string(s):
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif 0x20 <= c < 0x7F:
            out.append(ch)
        elif c <= 0xFFFF:
            out.append("\\u%04X" % c)
        else:
            out.append("\\U%08X" % c)
    out.append('"')
    return "".join(out)


def cs_list(items, per_line, indent="        "):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append(indent + ", ".join(items[i:i + per_line]) + ",")
    return "\n".join(lines)


def emit_cs(lower_from, lower_to, ign_ranges, cased_ranges, white):
    pyver = platform.python_version()
    flat = lambda rs: [cs_hex(x) for r in rs for x in r]
    parts = [
        "// <auto-generated>",
        "//   Generated by src/Pith.Core/Text/generate_python_unicode_data.py",
        "//   from Python %s, unicodedata.unidata_version %s." % (pyver, unicodedata.unidata_version),
        "//   Do not edit by hand: rerun the script instead.",
        "// </auto-generated>",
        "namespace Pith.Core.Text;",
        "",
        "internal static class PythonUnicodeData",
        "{",
        '    public const string UnicodeVersion = "%s"; // unicodedata.unidata_version' % unicodedata.unidata_version,
        "",
        "    // Code points c (ascending, surrogates excluded) where chr(c).lower() != chr(c). %d entries." % len(lower_from),
        "    public static ReadOnlySpan<int> LowerFrom =>",
        "    [",
        cs_list([cs_hex(c) for c in lower_from], 16),
        "    ];",
        "",
        "    // LowerTo[i] is chr(LowerFrom[i]).lower().",
        "    public static readonly string[] LowerTo =",
        "    [",
        cs_list([cs_string(s) for s in lower_to], 8),
        "    ];",
        "",
        "    // Inclusive ranges [start0, end0, start1, end1, ...] of code points that Python treats as",
        "    // case-ignorable (skipped by the final-sigma rule). %d ranges." % len(ign_ranges),
        "    public static ReadOnlySpan<int> CaseIgnorableRanges =>",
        "    [",
        cs_list(flat(ign_ranges), 16),
        "    ];",
        "",
        "    // Inclusive ranges of code points that are cased and NOT case-ignorable. %d ranges." % len(cased_ranges),
        "    public static ReadOnlySpan<int> CasedRanges =>",
        "    [",
        cs_list(flat(cased_ranges), 16),
        "    ];",
        "",
        "    // Code points c (ascending) where chr(c).isspace() is true (what str.split() splits on).",
        "    public static ReadOnlySpan<int> WhiteSpace =>",
        "    [",
        cs_list([cs_hex(c) for c in white], 16),
        "    ];",
        "}",
        "",
    ]
    text = "\n".join(parts)
    assert all(ord(ch) < 0x80 for ch in text)
    assert not any(line != line.rstrip() for line in text.split("\n"))
    with open(CS_PATH, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    return len(text)


# ---------------------------------------------------------------------------
# 2. title golden set

HAND_TITLES = [
    "", " ", "   ", "\t\n", "a", "A", "ABC", "Hello World", "  Hello   World  ", "\tTabs\tand\nnewlines\r\n",
    "İstanbul", "İ", "i\u0307", "I", "ı", "ΣΑΣ ΟΔΟΣ", "Σ", "aΣ", "aΣb", "aΣ.", "a.Σ", "a\u0301Σ",
    "Σa", "ΣΣ", "ΣΣΣ", "AΣΣ", "ΟΔΟΣ.", "ΟΔΟΣ,", "ΟΔΟΣ!", "ΟΔΟΣ)", "ΟΔΟΣ's", "ΟΔΟΣ'", "ΟΔΟΣ\u2019",
    "ΟΔΟΣ\u0301", "ΟΔΟΣ\u0301a", "ΟΔΟΣ\u0301 a", "ΟΔΟΣ\u00ad", "ΟΔΟΣ\u00adA", "ΟΔΟΣ\u200d", "ΟΔΟΣ:",
    "ΟΔΟΣ-ΟΔΟΣ", "ΟΔΟΣ.ΟΔΟΣ", "ΟΔΟΣ'Σ", "A'Σ", "A\u0345Σ", "AΣ\u0345", "AΣ\u0345B", "\u0345Σ",
    "1Σ", "Σ1", "a1Σ", "$Σ$", "$\\Sigma$-model", "Σ-model", "AΣ\u02b0", "AΣ\u02b0B", "A\u02b0Σ",
    "ΣΊΣΥΦΟΣ", "ΌΣΟ ΑΣ", "ΜΆΣΑΣ", "\u1f08Σ", "ΑΣ\u0313", "Σ\u0301",
    "\x1c\x1d\x1e\x1fword\x1c\x1d\x1e\x1f", "a\x1cb\x1dc\x1ed\x1fe", "a\x85b", "a\xa0b", "a\u1680b",
    "a\u2000b\u2001c\u2002d\u2003e\u2004f\u2005g\u2006h\u2007i\u2008j\u2009k\u200al",
    "a\u2028b", "a\u2029b", "a\u3000b", "a\u202fb", "a\u205fb", "a\u200bb", "a\u180eb", "a\ufeffb",
    "a\u2060b", "a\x0bb\x0cc", "\u3000\u3000全角\u3000スペース\u3000",
    "Schr\\\"odinger", "The Schr\\\"odinger Equation", "$z \\sim 3$", "Galaxies at $z \\sim 3$",
    "\\emph{Quantum} Gravity", "$\\mathcal{O}(N)$ Models", "Erd\\H{o}s", "$\\Lambda$CDM",
    "ǅ", "ǄEMAL", "ǆ", "ǈ", "ǋ", "ǲ", "\u2126", "\u2126mega", "\u212a", "\u212aelvin", "\u212b",
    "ẞ", "STRAẞE", "ß", "ﬁ", "ﬃ", "ŉ", "ǰ",
    "\u13a0\u13a1\u13a2", "\u13f0\u13f5", "\uab70\uab71", "ᏣᎳᎩ", "\U00010400\U00010401\U00010427",
    "\U00010428", "\U000104b0", "\U00010c80", "\U000118a0", "\U0001e900", "\U00010570",
    "\U00016e40", "\U0001d400\U0001d41a", "Ⅻ", "ⅫⅠⅤ", "\u2160\u216f", "Ⓐ", "ⒶⓏ", "Ⓐ Ⓑ",
    "\u1c90\u1c91", "Ⴀ", "ႠⴀႡ", "ＡＢＣ", "ÀÉÎÕÜ", "ĲŒÆ", "Ǉ", "ǉ", "Ѐ", "ЖУК", "ԱՐՄԵՆ",
    "\U0001F600 emoji", "👍🏽", "🇫🇷", "\u0130\u0307", "ΑΪ́", "ΐ", "\u0390", "ὈΔΥΣΣΕΎΣ",
    "ᾼ", "ᾈ", "ῼ", "\u1e9e\u1e9e", "Ａ\u0301", "e\u0301", "E\u0301", "\u00c5", "A\u030a",
    "Quantum  Field\tTheory\n", "   leading", "trailing   ", "multiple   inner   spaces",
    "a\r\nb", "\n\n\n", "\x85", "\xa0", "\u2028\u2029",
]


def title_pools(lower_from, ignorable, cased, white):
    rng_pool_white = [chr(c) for c in white]
    words = ["the", "The", "QUANTUM", "Gravity", "of", "in", "A", "an", "NGC", "X-ray", "3D", "H$_2$O",
             "Schr\\\"odinger", "$z", "\\sim", "3$", "$\\Sigma$", "ΟΔΟΣ", "ΣΟΦΙΑ", "ΑΣ", "Σ", "İstanbul",
             "STRAẞE", "ǅemal", "\u2126", "\u212a", "Ⅻ", "Ⓐ", "ᏣᎳᎩ", "\U00010400\U00010401", "Über",
             "ÉCOLE", "Δ-ΣΑΣ", "it's", "IT'S", "ΑΣ'", "ΑΣ\u2019Σ", "Ĳssel", "\u1c90\u1c91"]
    specials = list(".,;:!?'\"()[]{}-_/\\$^&*%#@~`|+=<>") + [
        "\u0301", "\u0308", "\u0345", "\u00ad", "\u200b", "\u200d", "\u2019", "\u02b0", "\u00b7",
        "\u0387", "\u180e", "\ufeff", "\u2060", "\u0130", "\u0131", "\u03c3", "\u03c2", "\u03a3",
    ]
    return rng_pool_white, words, specials


def random_title(rng, lower_from, ign, cas, white_pool, words, specials):
    tokens = []
    for _ in range(rng.randint(1, 12)):
        r = rng.random()
        if r < 0.30:
            tokens.append(rng.choice(words))
        elif r < 0.50:
            n = rng.choice([1, 1, 1, 2, 3])
            tokens.append("".join(rng.choice(white_pool if rng.random() < 0.5 else " \t\n") for _ in range(n)))
        elif r < 0.60:
            tokens.append(rng.choice(specials))
        elif r < 0.72:  # a sigma cluster
            pre = "".join(chr(rng.choice(cas)) for _ in range(rng.randint(0, 2)))
            mid = "".join(chr(rng.choice(ign)) for _ in range(rng.randint(0, 2)))
            post = "".join(chr(rng.choice(ign)) for _ in range(rng.randint(0, 2)))
            tail = rng.choice(["", "", chr(rng.choice(cas)), rng.choice(specials), " ", "\u03a3"])
            tokens.append(pre + mid + "\u03a3" + post + tail)
        elif r < 0.82:
            tokens.append("".join(chr(rng.choice(lower_from)) for _ in range(rng.randint(1, 4))))
        elif r < 0.90:
            tokens.append("".join(chr(rng.choice(cas)) for _ in range(rng.randint(1, 4))))
        elif r < 0.95:
            tokens.append(chr(rng.choice(ign)))
        else:
            tokens.append("".join(chr(rng.randint(0x20, 0x7E)) for _ in range(rng.randint(1, 8))))
        if rng.random() < 0.5:
            tokens.append(" ")
    return "".join(tokens)


def write_titles(rng, model, lower_from, ignorable, cased, white):
    white_pool, words, specials = title_pools(lower_from, ignorable, cased, white)
    ign = sorted(ignorable)
    cas = sorted(cased)
    inputs, seen = [], set()
    for s in HAND_TITLES:
        if s not in seen:
            seen.add(s)
            inputs.append(s)
    while len(inputs) < N_TITLE_LINES:
        s = random_title(rng, lower_from, ign, cas, white_pool, words, specials)
        if s not in seen:
            seen.add(s)
            inputs.append(s)
    lines = []
    for s in inputs:
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in s)
        c = canon(s)
        assert model.canon(s) == c, ascii(s)
        digest = hashlib.sha256(c.encode("utf-8")).hexdigest()
        lines.append(json.dumps({"input": s, "canon": c, "sha256": digest}, ensure_ascii=True))
    data = ("\n".join(lines) + "\n").encode("ascii")
    os.makedirs(os.path.dirname(JSONL_PATH), exist_ok=True)
    with open(JSONL_PATH, "wb") as f:
        f.write(data)
    return len(lines), len(data)


# ---------------------------------------------------------------------------


def main():
    rng = random.Random(SEED)
    lower_from, lower_to, ignorable, cased, white = derive_tables()
    model = TableModel(lower_from, lower_to, ignorable, cased, white)
    verify_model(model, rng, lower_from, ignorable, cased)
    ign_ranges = to_ranges(ignorable)
    cased_ranges = to_ranges(cased)
    cs_size = emit_cs(lower_from, lower_to, ign_ranges, cased_ranges, white)
    n_titles, jsonl_size = write_titles(rng, model, lower_from, ignorable, cased, white)

    multi = [(c, s) for c, s in zip(lower_from, lower_to) if len(s) != 1]
    utf16_len_change = [c for c, s in zip(lower_from, lower_to)
                        if len(chr(c).encode("utf-16-le")) != len(s.encode("utf-16-le"))]
    utf8_len_change = [c for c, s in zip(lower_from, lower_to)
                       if len(chr(c).encode("utf-8")) != len(s.encode("utf-8"))]
    print("Python %s, unicodedata %s" % (platform.python_version(), unicodedata.unidata_version))
    print("LowerFrom=%d CaseIgnorable=%d cps/%d ranges Cased(not ignorable)=%d cps/%d ranges WhiteSpace=%d"
          % (len(lower_from), len(ignorable), len(ign_ranges), len(cased), len(cased_ranges), len(white)))
    print("multi-code-point lowerings:", ", ".join("U+%04X->%s" % (c, " ".join("U+%04X" % ord(x) for x in s))
                                                  for c, s in multi))
    print("UTF-16 length changes:", ", ".join("U+%04X" % c for c in utf16_len_change) or "none")
    print("UTF-8 length changes: %d, e.g. %s" % (len(utf8_len_change),
                                                 ", ".join("U+%04X" % c for c in utf8_len_change[:12])))
    print("WhiteSpace:", " ".join("%X" % c for c in white))
    print("wrote %s (%d bytes)" % (CS_PATH, cs_size))
    print("wrote %s (%d lines, %d bytes)" % (JSONL_PATH, n_titles, jsonl_size))


if __name__ == "__main__":
    main()
