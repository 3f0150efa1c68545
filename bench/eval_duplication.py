"""`make eval`: the within-article duplication flags, on duplicates planted in real texts.

    python -m bench.eval_duplication --data ../shared/data [--seed 11] [--n 600]

No corpus labels a headline printed twice or a paragraph repeated, so this benchmark plants
them, the way a CMS template or a careless republisher does (the project's seed article has
both), in real article texts: PolNeAR train and dev, whose first line is the headline. Each
base text is used once, for one variant:

expected to raise a flag
  headline-exact       the headline line printed twice at the top -> duplicate-headline
  headline-variant     the second copy differs in case, punctuation or spacing -> duplicate-headline
  lede-after-dateline  the lede repeated as "CITY (Outlet) - <lede>", the seed's pattern -> repeated-paragraph
  paragraph-repeated   a body paragraph printed again further down -> repeated-paragraph
  paragraph-edited     ... again with one to three characters changed -> repeated-paragraph

expected to raise neither
  clean                the text as it is
  deck                 a second line under the headline that extends it (a subheadline)
  paragraph-rewritten  a paragraph printed again with a third of its words changed
  short-repeat         a short line ("Advertisement") printed between paragraphs three times

A base text that carries a flag as it is (real duplication in the corpus) is listed and left
out. Prints, per flag kind, precision, recall and F1 over texts; the share of
repeated-paragraph flags that point at the planted copy; and a table by variant. Floors are
pinned in ``bench/floors_duplication.json`` (exit 1 below one). Reads ../shared/data and
says so when it is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tracer import duplication, normalize
from tracer.extract import extract

FLOORS = Path(__file__).with_name("floors_duplication.json")
SEED = 11
POSITIVE = {
    "headline-exact": "duplicate-headline",
    "headline-variant": "duplicate-headline",
    "lede-after-dateline": "repeated-paragraph",
    "paragraph-repeated": "repeated-paragraph",
    "paragraph-edited": "repeated-paragraph",
}
NEGATIVE = ("clean", "deck", "paragraph-rewritten", "short-repeat")
VARIANTS = (*POSITIVE, *NEGATIVE)
KINDS = ("duplicate-headline", "repeated-paragraph")
DATELINES = ("WASHINGTON (AP) - ", "MOSCOW (Sputnik) - ", "LONDON (Reuters) - ", "NEW YORK (CNN) -- ",
             "BEIJING, Jan. 9 (Xinhua) -- ")
DECKS = ("as the race tightens", "and what it means for voters", "amid new questions",
         "in a week of surprises", "after a day of talks")


@dataclass(frozen=True)
class Case:
    name: str
    variant: str
    text: str
    planted: str | None = None  # the repeated paragraph's text, where one was planted


def split(text: str) -> tuple[str, list[str]]:
    """(headline, body paragraphs) of a PolNeAR text."""
    blocks = [b.strip() for b in normalize.clean(text).split("\n\n") if b.strip()]
    return blocks[0], blocks[1:]


def join(headline: str, body: list[str]) -> str:
    return "\n\n".join([headline, *body]) + "\n"


def _headline_variant(headline: str, rng: random.Random) -> str:
    changes = [
        lambda h: h.lower(),
        lambda h: h.upper(),
        lambda h: h.rstrip(".!?") + "." if not h.endswith(".") else h[:-1],
        lambda h: h.replace(" ", "  ", 1),
        lambda h: h.replace(",", "", 1) if "," in h else h.replace(" ", " - ", 1),
        lambda h: " ".join(w.capitalize() for w in h.split()),
    ]
    out = h = headline
    while out == h:
        out = rng.choice(changes)(h)
    return out


def _edit(paragraph: str, rng: random.Random) -> str:
    """One to three character edits: a letter changed, dropped or doubled."""
    chars = list(paragraph)
    for _ in range(rng.randint(1, 3)):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        i = rng.choice(letters)
        op = rng.randrange(3)
        if op == 0:
            chars[i] = "e" if chars[i] != "e" else "a"
        elif op == 1:
            del chars[i]
        else:
            chars.insert(i, chars[i])
    return "".join(chars)


def _rewrite(paragraph: str, vocabulary: list[str], rng: random.Random) -> str:
    """A third of the words replaced by other words of the text."""
    words = paragraph.split()
    for i in rng.sample(range(len(words)), max(1, len(words) // 3)):
        words[i] = rng.choice(vocabulary)
    return " ".join(words)


def plant(name: str, text: str, variant: str, rng: random.Random) -> Case | None:
    """One variant of a base text; None when the text is too short for it."""
    headline, body = split(text)
    long_ = [i for i, p in enumerate(body) if len(p) >= 150]
    if variant == "clean":
        return Case(name, variant, join(headline, body))
    if variant == "headline-exact":
        return Case(name, variant, join(headline, [headline, *body]))
    if variant == "headline-variant":
        return Case(name, variant, join(headline, [_headline_variant(headline, rng), *body]))
    if variant == "deck":
        return Case(name, variant, join(headline, [f"{headline.rstrip('.')} {rng.choice(DECKS)}", *body]))
    if variant == "short-repeat":
        out = list(body)
        for at in sorted(rng.sample(range(1, len(out) + 1), min(3, len(out))), reverse=True):
            out.insert(at, "Advertisement")
        return Case(name, variant, join(headline, out))
    if not body or len(body[0]) < 80:
        return None
    if variant == "lede-after-dateline":
        lede = body[0]
        return Case(name, variant, join(headline, [lede, rng.choice(DATELINES) + lede, *body[1:]]), lede)
    if not long_ or len(body) < 3:
        return None
    k = rng.choice(long_)
    at = rng.randint(k + 2, len(body)) if k + 2 <= len(body) else len(body)
    original = body[k]
    if variant == "paragraph-repeated":
        copy = original
    elif variant == "paragraph-edited":
        copy = _edit(original, rng)
    else:  # paragraph-rewritten
        copy = _rewrite(original, text.split(), rng)
    return Case(name, variant, join(headline, body[:at] + [copy] + body[at:]), original)


def raised(case: Case) -> tuple[set[str], bool | None]:
    """The flag kinds raised on a case, and whether a repeated-paragraph flag points at the
    planted paragraph (None when none was planted or none raised)."""
    article = extract(case.text, input=f"{case.name}.txt", kind="text")
    flags = duplication.flags(article)
    kinds = {f.kind for f in flags}
    at = None
    if case.planted is not None and "repeated-paragraph" in kinds:
        key = normalize.canonical(case.planted)[:60]
        at = any(key in normalize.canonical(s.text) for f in flags if f.kind == "repeated-paragraph"
                 for s in (f.evidence, *f.related) if s is not None)
    return kinds, at


def score(cases: list[Case]) -> dict:
    tallies = {k: Counter() for k in KINDS}
    by_variant: dict[str, Counter] = defaultdict(Counter)
    pointed = Counter()
    for case in cases:
        kinds, at = raised(case)
        expected = POSITIVE.get(case.variant)
        for kind in KINDS:
            hit, want = kind in kinds, kind == expected
            tallies[kind]["tp" if hit and want else "fp" if hit else "fn" if want else "tn"] += 1
        by_variant[case.variant]["n"] += 1
        by_variant[case.variant]["right"] += (kinds == {expected}) if expected else not kinds
        if at is not None:
            pointed["flags"] += 1
            pointed["right"] += at
    out = {}
    for kind, t in tallies.items():
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        out[kind] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, **t}
    out["variants"] = {v: dict(c) for v, c in by_variant.items()}
    out["pointed"] = pointed["right"] / pointed["flags"] if pointed["flags"] else 1.0
    return out


def base_texts(data: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8"))
            for p in sorted((data / "polnear").glob("*/text/*.txt"))]


def build(texts: list[tuple[str, str]], n: int, seed: int) -> tuple[list[Case], list[str]]:
    """Cases for up to ``n`` base texts (variants in turn), and the base texts left out
    because they carry a flag as they are."""
    rng = random.Random(seed)
    order = list(texts)
    rng.shuffle(order)
    cases, natural = [], []
    for name, text in order:
        if len(cases) >= n:
            break
        kinds, _ = raised(Case(name, "clean", join(*split(text))))
        if kinds:
            natural.append(name)
            continue
        variant = VARIANTS[len(cases) % len(VARIANTS)]
        case = plant(name, text, variant, rng)
        if case is not None:
            cases.append(case)
    return cases, natural


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--seed", type=int, default=SEED, help="benchmark seed (floors are pinned for the default)")
    ap.add_argument("--n", type=int, default=900, help="base texts used (one variant each)")
    args = ap.parse_args(argv)
    texts = base_texts(Path(args.data))
    if not texts:
        print(f"eval_duplication: no PolNeAR texts under {args.data} (../shared/data exists only on "
              "the team's machine); nothing scored")
        return 0
    cases, natural = build(texts, args.n, args.seed)
    result = score(cases)
    print(f"== duplication flags on planted duplicates ({len(cases)} PolNeAR texts, seed {args.seed}, "
          f"one variant each)")
    print(f"  base texts carrying a flag as they are, left out: {len(natural)}"
          + (f" ({', '.join(natural[:4])}{', ...' if len(natural) > 4 else ''})" if natural else ""))
    print(f"  {'flag':20} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for kind in KINDS:
        r = result[kind]
        print(f"  {kind:20} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r.get('tp', 0):4d} {r.get('fp', 0):3d}"
              f" {r.get('fn', 0):3d}")
    print(f"  repeated-paragraph flags pointing at the planted copy: {result['pointed']:.3f}")
    print(f"  {'variant':20} {'texts':>5} {'right':>6}  (right: the expected flag and no other; none for negatives)")
    for variant in VARIANTS:
        c = result["variants"].get(variant, {"n": 0, "right": 0})
        print(f"  {variant:20} {c['n']:5d} {c['right'] / c['n'] if c['n'] else 0:6.3f}")
    figures = {f"{k}.{m}": result[k][m] for k in KINDS for m in ("p", "r", "f1")}
    figures["pointed"] = result["pointed"]
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() and args.seed == SEED else {}
    below = [f"{k} {figures[k]:.3f} < floor {v}" for k, v in floors.items() if figures.get(k, 0) < v]
    if below:
        print("BELOW FLOOR " + "; ".join(below))
        return 1
    if floors:
        print(f"all {len(floors)} floors met ({FLOORS.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
