#!/usr/bin/env python3
"""Generate canonical-golden.txt: golden cases for Pith canonical JSON (PITH-FORMAT.md section 2).

Each case is two lines of canonical-golden.txt (UTF-8, lines separated by a single 0x0A byte,
no trailing newline, no 0x0D anywhere):

    line 1: an INPUT JSON text, written by the small randomized serializer below (shuffled key
            order, random spaces/tabs between tokens, characters randomly raw or escaped as
            \\uXXXX with random hex case, short escapes used randomly), so it exercises a parser;
    line 2: the EXPECTED canonical bytes, i.e.
                json.dumps(value, sort_keys=True, separators=(",", ":"),
                           ensure_ascii=False).encode("utf-8")
            or the literal `!refuse` when the value contains a float (any JSON number written
            with '.', 'e' or 'E': refused by design) or a lone surrogate (Python cannot
            UTF-8 encode it, so the resolver cannot hash it either).

Note: expected lines may contain raw U+0085, U+2028 and U+2029; split the file on the 0x0A
byte only, never with a Unicode-aware "splitlines".

Deterministic (fixed seed, standard library only).  Rerun with:

    python3 tests/Pith.Core.Tests/Json/Golden/generate_canonical_golden.py

It rewrites canonical-golden.txt next to this script and prints a summary line.
"""

import json
import os
import random

SEED = 20260522
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "canonical-golden.txt")

N_RANDOM_OK = 11600
N_FLOAT_REFUSE = 110
N_SURROGATE_REFUSE = 110

rng = random.Random(SEED)


class Num:
    """A JSON number with an explicit input text (for -0 and floats)."""

    def __init__(self, text):
        self.text = text
        self.value = json.loads(text)


# ---------------------------------------------------------------------------
# character pools

ASCII_PRINTABLE = [chr(c) for c in range(0x20, 0x7F)]
ASCII_ALNUM = [chr(c) for c in range(0x30, 0x3A)] + [chr(c) for c in range(0x41, 0x5B)] + [
    chr(c) for c in range(0x61, 0x7B)
]
CONTROLS = [chr(c) for c in range(0x00, 0x20)]
C1 = [chr(c) for c in range(0x80, 0xA0)]
SPECIAL = ['"', "\\", "/", "\x7f", "\u2028", "\u2029", "\ufeff", "\u200d", "\u0301", "\u00ad"]
NON_BMP = [
    "\U0001F600", "\U0001F4A9", "\U0001F44D", "\U0001F1EB", "\U00010000", "\U0010FFFF",
    "\U00020000", "\U0002A6D6", "\U0002070E", "\U0001D11E", "\U0001D400", "\U00010437",
    "\U000E0001", "\U0001F9D1",
]
BMP_HIGH = ["\ue000", "\ufb01", "\ufffd", "\uff5e", "\uffff", "\ufffe", "\uf8ff", "\ufe0f",
            "\uff21", "\ud7ff", "\ue0ff", "\ufb00"]
INTL = list("éèêëüöäñçÅØßÆœ" "αβγδΣσςΩλ" "ЖжЯя" "中文字日本語한국" "עבר" "عرب" "ıİǅẞ€£¥§©®°±µ¶·¿")

POOLS = [
    (30, ASCII_PRINTABLE),
    (10, ASCII_ALNUM),
    (8, CONTROLS),
    (4, C1),
    (8, SPECIAL),
    (8, NON_BMP),
    (8, BMP_HIGH),
    (10, INTL),
]
POOL_WEIGHTS = [w for w, _ in POOLS]
POOL_LISTS = [p for _, p in POOLS]

# Keys that sort differently by code point and by UTF-16 code unit, prefixes, empty key.
SPECIAL_KEYS = [
    "", "a", "aa", "ab", "abc", "A", "B", "b", "z", "Z", "_", "0", "1", "10", "2",
    "\ue000", "\ufffd", "\ufb01", "\uff5e", "\uffff", "\ue000a", "\ufffdx",
    "\U0001F600", "\U00010000", "\U0010FFFF", "\U00020000", "\U0001F600a", "\U00010000\ue000",
    "\x00", "\x1f", "\x7f", "\u0080", "\u009f", "\u2028", "\u2029", "/", '"', "\\",
    "é", "e", "e\u0301", "ß", "ss", "Σ", "σ", "ς", "中", "key", "key2", "key\x00", "keyé",
    "\U0001F600\U0001F600", "a\U0001F600", "a\ufffd", "a\ue000", "a\U00010000",
]
HIGH_BMP_START = ["\ue000", "\ue001", "\uf000", "\ufb01", "\ufe0f", "\uff5e", "\ufffd", "\uffff"]
NON_BMP_START = ["\U00010000", "\U0001F600", "\U00020000", "\U0010FFFF", "\U0001D11E", "\U000E0001"]


def rand_char():
    pool = rng.choices(POOL_LISTS, weights=POOL_WEIGHTS)[0]
    return rng.choice(pool)


def rand_string(max_len=12):
    n = rng.choice([0, 1, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    n = min(n, max_len)
    return "".join(rand_char() for _ in range(n))


def rand_key(existing):
    r = rng.random()
    if r < 0.30:
        k = rng.choice(SPECIAL_KEYS)
    elif r < 0.45 and existing:
        base = rng.choice(existing)
        if base and rng.random() < 0.5:
            k = base[: rng.randrange(len(base))]  # a proper prefix
        else:
            k = base + rand_char()  # an extension
    elif r < 0.55:
        k = rng.choice(HIGH_BMP_START + NON_BMP_START) + rand_string(4)
    elif r < 0.75:
        k = "".join(rng.choice(ASCII_ALNUM) for _ in range(rng.randint(1, 6)))
    else:
        k = rand_string(8)
    return k


def rand_int():
    r = rng.random()
    if r < 0.20:
        return rng.choice([0, 1, -1, 2, 9, 10, -10, 42, 100, -100, 255, 256, 1000])
    if r < 0.45:
        return rng.randint(-100000, 100000)
    if r < 0.60:
        return rng.choice([
            2**31 - 1, -(2**31), 2**31, 2**32, 2**53, 2**53 + 1, -(2**53) - 1,
            2**63 - 1, -(2**63), 2**63, 2**64 - 1, 2**64, 2**64 + 1, -(2**64), -(2**64) - 1,
            2**128 - 1, 2**128, 2**128 + 1, -(2**128), 10**18, 10**19, 10**20, 10**38, 10**39,
            10**59, -(10**59), 10**60 - 1, -(10**60 - 1),
            79228162514264337593543950335, 79228162514264337593543950336,
        ])
    if r < 0.80:
        digits = rng.randint(1, 60)
        n = rng.randint(10 ** (digits - 1) if digits > 1 else 0, 10**digits - 1)
        return -n if rng.random() < 0.4 else n
    return rng.randint(-(2**70), 2**70)


def rand_scalar():
    r = rng.random()
    if r < 0.45:
        return rand_string()
    if r < 0.80:
        if rng.random() < 0.03:
            return Num("-0")
        return rand_int()
    if r < 0.88:
        return True
    if r < 0.96:
        return False
    return None


def fill_object_keys(n):
    keys = []
    # Often force a pair that sorts differently by code point and by UTF-16 code unit.
    if n >= 2 and rng.random() < 0.35:
        keys.append(rng.choice(HIGH_BMP_START) + rand_string(3))
        keys.append(rng.choice(NON_BMP_START) + rand_string(3))
    attempts = 0
    while len(keys) < n and attempts < 100:
        attempts += 1
        k = rand_key(keys)
        if k not in keys:
            keys.append(k)
    return keys


def rand_value(depth, max_depth):
    container_p = 0.0 if depth >= max_depth else [0.9, 0.4, 0.3, 0.22, 0.15, 0.1][min(depth, 5)]
    if rng.random() < container_p:
        if rng.random() < 0.6:
            n = rng.randint(0, 6)
            keys = fill_object_keys(n)
            return {k: rand_value(depth + 1, max_depth) for k in keys}
        n = rng.randint(0, 6)
        return [rand_value(depth + 1, max_depth) for _ in range(n)]
    return rand_scalar()


def rand_top():
    r = rng.random()
    max_depth = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
    if r < 0.80:
        n = rng.randint(0, 6)
        keys = fill_object_keys(n)
        return {k: rand_value(1, max_depth) for k in keys}
    if r < 0.90:
        return [rand_value(1, max_depth) for _ in range(rng.randint(0, 6))]
    if r < 0.95:
        return rand_string()
    if r < 0.98:
        return Num("-0") if rng.random() < 0.1 else rand_int()
    return rng.choice([True, False, None])


# ---------------------------------------------------------------------------
# refuse-case mutations


def count_slots(v, pred):
    """Count the nodes (values, and keys when pred accepts them) matching pred."""
    n = 1 if pred(v) else 0
    if isinstance(v, dict):
        for k, x in v.items():
            n += (1 if pred(k) else 0) + count_slots(x, pred)
    elif isinstance(v, list):
        for x in v:
            n += count_slots(x, pred)
    return n


def replace_nth(v, pred, target, make, counter):
    """Rebuild v, replacing the target-th node matching pred with make(node)."""
    if pred(v):
        counter[0] += 1
        if counter[0] - 1 == target:
            return make(v)
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            nk = k
            if pred(k):
                counter[0] += 1
                if counter[0] - 1 == target:
                    nk = make(k)
            assert nk not in out
            out[nk] = replace_nth(x, pred, target, make, counter)
        return out
    if isinstance(v, list):
        return [replace_nth(x, pred, target, make, counter) for x in v]
    return v


FLOAT_TEXTS = [
    "1.0", "1e5", "-0.5", "1E+2", "0.0", "-0.0", "1e-7", "1E-07", "2.5", "3.14159",
    "1e400", "-1e400", "123456789.123456789", "1e16", "1.5e300", "0e0", "0E0", "-0e-0", "10.01",
    "1.7976931348623157e308", "5e-324", "100000000000000000000.0", "1e0", "12E3", "0.1",
]


def rand_float_num():
    if rng.random() < 0.7:
        return Num(rng.choice(FLOAT_TEXTS))
    mant = str(rng.randint(0, 99999))
    if rng.random() < 0.3:
        mant = "-" + mant
    frac = "." + str(rng.randint(0, 999)) if rng.random() < 0.6 else ""
    exp = ""
    if not frac or rng.random() < 0.4:
        exp = rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 30))
    return Num(mant + frac + exp)


def with_float(v):
    is_scalar_num = lambda x: (isinstance(x, (int, Num)) and not isinstance(x, bool)) or x is None
    n = count_slots(v, is_scalar_num)
    if n == 0:
        if isinstance(v, dict):
            k = rand_key(list(v))
            while k in v:
                k = rand_key(list(v))
            v = dict(v)
            v[k] = rand_float_num()
            return v
        if isinstance(v, list):
            v = list(v)
            v.insert(rng.randint(0, len(v)), rand_float_num())
            return v
        return rand_float_num() if rng.random() < 0.5 else [v, rand_float_num()]
    return replace_nth(v, is_scalar_num, rng.randrange(n), lambda _: rand_float_num(), [0])


def insert_lone_surrogate(s):
    """Insert one lone surrogate into s such that JSON decoding cannot pair it up."""
    kind = rng.choice(["high", "high", "low", "low", "high_high", "low_high"])
    hi = lambda: chr(rng.choice([0xD800, 0xDBFF, 0xD83D, rng.randint(0xD800, 0xDBFF)]))
    lo = lambda: chr(rng.choice([0xDC00, 0xDFFF, 0xDE00, rng.randint(0xDC00, 0xDFFF)]))
    if kind == "high":
        ins = hi()
    elif kind == "low":
        ins = lo()
    elif kind == "high_high":
        ins = hi() + hi()
    else:
        ins = lo() + hi()
    while True:
        pos = rng.randint(0, len(s))
        out = s[:pos] + ins + s[pos:]
        if not bad_surrogate_pairing(out):
            return out


def bad_surrogate_pairing(s):
    """True when s has a high surrogate directly followed by a low surrogate (would decode as a pair)."""
    return any(0xD800 <= ord(a) <= 0xDBFF and 0xDC00 <= ord(b) <= 0xDFFF for a, b in zip(s, s[1:]))


def with_lone_surrogate(v):
    is_str = lambda x: isinstance(x, str)
    n = count_slots(v, is_str)
    if n == 0:
        s = insert_lone_surrogate(rand_string(4))
        if isinstance(v, dict):
            v = dict(v)
            v[s] = rand_scalar()
            return v
        if isinstance(v, list):
            return list(v) + [s]
        return [v, s]
    return replace_nth(v, is_str, rng.randrange(n), insert_lone_surrogate, [0])


# ---------------------------------------------------------------------------
# the randomized input serializer

SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n",
                 "\r": "\\r", "\t": "\\t"}


def hex4(u):
    h = "%04x" % u
    mode = rng.random()
    if mode < 0.4:
        return h
    if mode < 0.8:
        return h.upper()
    return "".join(c.upper() if rng.random() < 0.5 else c for c in h)


def u_escape(ch):
    cp = ord(ch)
    if cp > 0xFFFF:
        cp -= 0x10000
        return "\\u" + hex4(0xD800 + (cp >> 10)) + "\\u" + hex4(0xDC00 + (cp & 0x3FF))
    return "\\u" + hex4(cp)


def enc_char(ch):
    cp = ord(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return u_escape(ch)  # lone surrogate: only expressible escaped
    if ch in SHORT_ESCAPES:
        if ch == "/" and rng.random() < 0.5:
            return "/"
        return SHORT_ESCAPES[ch] if rng.random() < 0.6 else u_escape(ch)
    if cp < 0x20 or ch == '"' or ch == "\\":
        return u_escape(ch)
    return ch if rng.random() < 0.6 else u_escape(ch)


def enc_string(s):
    return '"' + "".join(enc_char(c) for c in s) + '"'


def ws():
    r = rng.random()
    if r < 0.6:
        return ""
    return "".join(rng.choice(" \t") for _ in range(rng.randint(1, 3)))


def serialize(v):
    if isinstance(v, Num):
        return v.text
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return enc_string(v)
    if isinstance(v, list):
        if not v:
            return "[" + ws() + "]"
        return "[" + ",".join(ws() + serialize(x) + ws() for x in v) + "]"
    if isinstance(v, dict):
        if not v:
            return "{" + ws() + "}"
        items = list(v.items())
        rng.shuffle(items)
        return "{" + ",".join(ws() + enc_string(k) + ws() + ":" + ws() + serialize(x) + ws()
                              for k, x in items) + "}"
    raise TypeError(type(v))


def plain(v):
    """The Python value json.loads should produce."""
    if isinstance(v, Num):
        return v.value
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def has_float(v):
    if isinstance(v, float):
        return True
    if isinstance(v, dict):
        return any(has_float(x) for x in v.values())
    if isinstance(v, list):
        return any(has_float(x) for x in v)
    return False


def all_strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from all_strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from all_strings(x)


def canonical(v):
    """Expected line, or b'!refuse'."""
    if has_float(v):
        return b"!refuse"
    text = json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return b"!refuse"


def same(a, b):
    """Structural equality that also tells int from float and bool from int."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(sorted(a)) == list(sorted(b)) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return a == b or (a != a and b != b)
    return a == b


# ---------------------------------------------------------------------------
# hand-picked cases (input text exactly as written)

HAND = [
    "{}", "[]", '""', "0", "-0", "[-0]", '{"a":-0}', " \t-0\t ", "true", "false", "null",
    "1", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "18446744073709551615", "18446744073709551616", "-18446744073709551616",
    "340282366920938463463374607431768211455", "340282366920938463463374607431768211456",
    "-340282366920938463463374607431768211457",
    "123456789012345678901234567890123456789012345678901234567890",
    "-123456789012345678901234567890123456789012345678901234567890",
    '{"b":1,"a":2}', '{ "a" : [ 1 , 2 , { "c" : null , "b" : true } ] }',
    '{"\\ue000":1,"\\ud83d\\ude00":2}', '{"\\ud83d\\ude00":2,"\\uE000":1}',
    '{"\uffff":1,"\U00010000":2}', '{"\U0010ffff":1,"\ufffd":2,"\ufb01":3,"\uff5e":4,"z":5}',
    '{"":0,"a":1,"aa":2,"ab":3,"a\\u0000":4}', '{"aa":1,"a":2,"":3}',
    '"\\ud83d\\ude00"', '"\\uD83D\\uDE00"', '"\\uD800\\uDC00"', '"\\udbff\\udfff"', '"\\uD840\\uDC00"',
    '"\\/"', '"/"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u007f\\u0080\\u009f\\u2028\\u2029"',
    '"\u007f\u0080\u009f\u2028\u2029"', '"\\u00e9"', '"\u00e9"', '"e\\u0301"', '"\\ufeff"',
    '{"k":"\\u0000"}', '["\\u001f","\\u001F"," "]',
    # refuse: floats
    "1.0", "1e5", "-0.5", "1E+2", "0.0", "-0.0", "1e400", "[1.5]", '{"a":1e-7}', '{"a":{"b":[0,1E0]}}',
    # refuse: lone surrogates
    '"\\ud800"', '"\\udfff"', '"\\uDBFF"', '"\\udc00"', '"\\ud800x"', '"\\ud800\\u0041"',
    '"\\udc00\\ud800"', '"\\ud800\\ud800"', '"\\ud83d"', '"a\\ude00"', '{"\\ud800":1}',
    '{"a":"\\udfff","b":1}', '["ok","\\ud83d\\ud83d\\ude00"]',
]
for c in range(0x20):
    HAND.append('"\\u%04x"' % c)
    HAND.append('{"\\u%04X":%d}' % (c, c))


def main():
    cases = []  # (input_line, expected_bytes)

    for text in HAND:
        v = json.loads(text)
        cases.append((text, canonical(v)))

    kinds = ["ok"] * N_RANDOM_OK + ["float"] * N_FLOAT_REFUSE + ["surrogate"] * N_SURROGATE_REFUSE
    rng.shuffle(kinds)
    n_float_cases = n_sur_cases = 0
    for kind in kinds:
        v = rand_top()
        if kind == "float":
            v = with_float(v)
        elif kind == "surrogate":
            v = with_lone_surrogate(v)
            if rng.random() < 0.15:
                v = with_lone_surrogate(v)
        text = ws() + serialize(v) + ws()
        pv = plain(v)
        parsed = json.loads(text)
        assert same(parsed, pv), (text, pv, parsed)
        assert parsed == pv
        for s in all_strings(pv):
            assert not bad_surrogate_pairing(s), text
        exp = canonical(pv)
        if kind == "ok":
            assert exp != b"!refuse", text
            assert b"".join(exp.split(b"!refuse")) == exp
        elif kind == "float":
            assert has_float(pv) and exp == b"!refuse"
            n_float_cases += 1
        else:
            assert exp == b"!refuse"
            try:
                json.dumps(pv, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
                raise AssertionError("surrogate case encodes: " + text)
            except UnicodeEncodeError:
                pass
            n_sur_cases += 1
        cases.append((text, exp))

    lines = []
    for text, exp in cases:
        inp = text.encode("utf-8")  # raises if a lone surrogate leaked into raw input text
        for line in (inp, exp):
            assert b"\n" not in line and b"\r" not in line, line
        assert not any(ch in text for ch in "\n\r"), text
        assert all(ord(ch) >= 0x20 or ch == "\t" for ch in text), text
        lines.append(inp)
        lines.append(exp)
    data = b"\n".join(lines)

    # Self-check: read the file back the way a consumer should (split on 0x0A only).
    back = data.split(b"\n")
    assert len(back) == 2 * len(cases)
    for i in range(0, len(back), 2):
        v = json.loads(back[i].decode("utf-8"))
        assert canonical(v) == back[i + 1]

    with open(OUT_PATH, "wb") as f:
        f.write(data)

    n_refuse = sum(1 for _, e in cases if e == b"!refuse")
    print("cases=%d refuse=%d (random float=%d, random lone-surrogate=%d) bytes=%d file=%s"
          % (len(cases), n_refuse, n_float_cases, n_sur_cases, len(data), OUT_PATH))


if __name__ == "__main__":
    main()
