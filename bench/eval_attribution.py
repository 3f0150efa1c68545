"""Attribution and agency-credit accuracy on PolNeAR (shared data, never shipped).

    python -m bench.eval_attribution --data ../shared/data [--split dev|train|both] [--no-floors]

Attribution: each ``.ann`` file (one annotator's reading of one article) against
``attribution.extract`` on the article text, twice:

* **communication attributions** (the issue's target): gold relations whose cue holds a
  communication verb, and predictions whose cue holds one too. The verbs are
  ``tracer.attribution.COMMUNICATION_VERBS`` (say, tell, according to, report, announce, write,
  state, add, ask, explain, claim, note, tweet, testify, confirm, deny, insist, argue, declare,
  acknowledge, admit, concede, warn, reply, respond, answer, recall, comment, remark, mention,
  reveal, disclose, stress, emphasize, assert, contend, allege, point out, post, predict, quote,
  cite), matched on the cue's words by ``communication_lemma``. Stance, cognition,
  evaluation and evidence cues ("wants", "believes", "criticized", "called", "shows") and bare
  colons are left out of this subset.
* **all attributions**: every annotated relation, whatever its cue.

Both scored as in ../shared/data/polnear/SOURCE.md:
detection (a predicted cue overlapping a gold cue), span P/R/F1 per role (cue, source,
content; exact and partial = any overlap, one-to-one), and relation-level P/R/F1 (content
overlaps and, when the gold has a source, source overlaps). Credit lines (kind "credit")
are not PolNeAR attributions and are left out.

Agency credits: the ``wire`` column of metadata.shared.tsv (AP / Reuters / AFP / UPI / None;
NA and empty rows are unlabelled and skipped) against the first wire agency the dateline or
credit lines name. Per-class P/R and macro-F1.

Anonymous and vague sources (what the ``anonymous-source`` and ``vague-attribution`` flags
rest on): the gold source spans, one per distinct source text per article and pronouns left
out, labelled as named / anonymous / vague / other by language-model annotators reading each
span in context (``bench/labels/``, guide in ``bench/labels/GUIDE.md``; offsets only, no
PolNeAR text). Each is paired with the predicted
attribution whose source overlaps it most; P/R/F1 per kind over the paired spans, recall
over all of them; and the ``anonymous-source`` and ``vague-attribution`` flags, each scored
by the labelled sources its evidence points at. Labels exist for 100 train
articles (the rules are tuned there) and for all of dev (held out); a second annotator's
labels for 200 dev spans give the labels' own agreement.

Floors live in bench/floors_attribution.json; below any of them the exit code is 1.
If the shared data is absent this says so and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from tracer import attribution, dateline, outlets

FLOORS = Path(__file__).with_name("floors_attribution.json")
WIRES = {"Associated Press": "AP", "Reuters": "Reuters", "AFP": "AFP", "UPI": "UPI"}
CLASSES = ("AP", "Reuters", "AFP", "UPI", "None")


def read_ann(path: Path) -> list[dict]:
    """Gold attributions: {"cue": [(s, e)...], "source": [...], "content": [...], "no_source": bool}."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split("\t")
        if len(parts) < 2 or parts[0][:1] not in "TE" or not parts[0][1:].isdigit():
            continue  # notes, and continuation lines of span texts holding a newline
        if parts[0][0] == "T":
            label, _, offsets = parts[1].partition(" ")
            try:
                pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (label, [p for p in pieces if len(p) == 2])
        else:
            roles = dict(r.split(":", 1) for r in parts[1].split() if ":" in r)
            events.append(roles)
    gold = []
    for roles in events:
        item = {"cue": [], "source": [], "content": [], "no_source": False}
        for role, tid in roles.items():
            label, pieces = spans.get(tid, ("", []))
            if role.startswith("Attribution"):
                item["no_source"] = role == "Attribution-no-source" or label == "Attribution-no-source"
            elif role == "Cue":
                item["cue"] = pieces
            elif role == "Source":
                item["source"] = pieces
            elif role.startswith("Content"):
                item["content"] += pieces
        if item["cue"] or item["content"]:
            gold.append(item)
    return gold


def _extent(pieces):
    return (min(s for s, _ in pieces), max(e for _, e in pieces)) if pieces else None


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _match(pred: list, gold: list, same) -> int:
    """Greedy one-to-one matches between two span lists."""
    used, hits = set(), 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and same(p, g):
                used.add(i)
                hits += 1
                break
    return hits


class Tally:
    def __init__(self):
        self.tp_p = self.tp_g = self.pred = self.gold = 0

    def add(self, tp_pred: int, tp_gold: int, pred: int, gold: int) -> None:
        self.tp_p += tp_pred
        self.tp_g += tp_gold
        self.pred += pred
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_p / self.pred if self.pred else 0.0
        r = self.tp_g / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _strip(text: str, span) -> tuple[int, int] | None:
    """Compare spans without surrounding blanks or punctuation."""
    if span is None:
        return None
    s, e = span
    while s < e and not text[s].isalnum() and text[s] not in "\u201c\u201d\"'":
        s += 1
    while e > s and text[e - 1] in " \t\n.,;:":
        e -= 1
    return (s, e) if e > s else None


ROLES = ("cue", "source", "content")
MEASURES = ("detection", "relation", "cue-exact", "cue-partial", "source-exact", "source-partial",
            "content-exact", "content-partial")


def as_item(att) -> dict:
    """An Attribution as the scorer sees it: role -> (start, end) or None."""
    return {role: ((getattr(att, role).start, getattr(att, role).end) if getattr(att, role) else None)
            for role in ROLES}


def gold_item(g: dict) -> dict:
    return {role: _extent(g[role]) for role in ROLES}


def score_one(text: str, preds: list[dict], gold: list[dict], tallies: dict) -> None:
    """Add one article's predicted items against one annotator's gold to the tallies."""
    gcue = [_extent(g["cue"]) for g in gold if g["cue"]]
    pcue = [p["cue"] for p in preds if p["cue"]]
    tallies["detection"].add(_match(pcue, gcue, _overlap), _match(gcue, pcue, _overlap), len(pcue), len(gcue))
    for role in ROLES:
        g = [x for x in (_strip(text, _extent(x[role])) for x in gold if x[role]) if x]
        p = [x for x in (_strip(text, x[role]) for x in preds if x[role]) if x]
        tallies[f"{role}-exact"].add(_match(p, g, lambda a, b: a == b), _match(g, p, lambda a, b: a == b), len(p), len(g))
        tallies[f"{role}-partial"].add(_match(p, g, _overlap), _match(g, p, _overlap), len(p), len(g))

    def rel(p, g):
        ok = _overlap(p["content"], _extent(g["content"]))
        if g["source"] and not g["no_source"]:
            ok = ok and _overlap(p["source"], _extent(g["source"]))
        return ok

    tallies["relation"].add(_match(preds, gold, rel), _match(gold, preds, lambda g, p: rel(p, g)),
                            len(preds), len(gold))


def _gold_cue(text: str, g: dict) -> str:
    return " ".join(text[s:e] for s, e in g["cue"])


def communication_only(text: str, preds: list[dict], gold: list[dict]) -> tuple[list[dict], list[dict]]:
    """The subset the issue scores: relations whose cue is a communication verb, on both sides."""
    lemma = attribution.communication_lemma
    return ([p for p in preds if p["cue"] and lemma(text[p["cue"][0]:p["cue"][1]])],
            [g for g in gold if g["cue"] and lemma(_gold_cue(text, g))])


def score_split(root: Path, split: str, registry) -> tuple[dict, dict, int, float]:
    tallies = {k: Tally() for k in MEASURES}
    comm = {k: Tally() for k in MEASURES}
    cache: dict[str, tuple] = {}
    seconds = 0.0
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        txt = root / split / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        if stem not in cache:
            text = txt.read_text(encoding="utf-8")
            start = time.perf_counter()
            preds = [as_item(a) for a in attribution.extract(text, registry) if a.kind != "credit"]
            seconds += time.perf_counter() - start
            cache[stem] = (text, preds)
        text, preds = cache[stem]
        gold = read_ann(ann)
        score_one(text, preds, gold, tallies)
        score_one(text, *communication_only(text, preds, gold), comm)
    return ({k: t.prf() for k, t in comm.items()}, {k: t.prf() for k, t in tallies.items()},
            len(cache), seconds)


def agreement(root: Path) -> tuple[dict, dict] | None:
    """Human against human on annotator-training/ (every ordered pair), as a ceiling:
    (communication-verb subset, all attributions)."""
    folder = root / "annotator-training"
    if not folder.is_dir():
        return None
    tallies = {k: Tally() for k in MEASURES}
    comm = {k: Tally() for k in MEASURES}
    by_text: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_text.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    for stem, anns in by_text.items():
        txt = folder / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        golds = [read_ann(a) for a in anns]
        for i, a in enumerate(golds):
            for j, b in enumerate(golds):
                if i != j:
                    preds = [gold_item(g) for g in a]
                    score_one(text, preds, b, tallies)
                    score_one(text, *communication_only(text, preds, b), comm)
    return {k: t.prf() for k, t in comm.items()}, {k: t.prf() for k, t in tallies.items()}


def wire_of(text: str, registry) -> str:
    line = dateline.parse(text, registry)
    names = list(line.credits) if line else []
    names += [c.name for c in dateline.credit_lines(text, registry)]
    for name in names:
        if name in WIRES:
            return WIRES[name]
    return "None"


def score_wire(root: Path, splits: list[str], registry) -> tuple[dict, float, int]:
    counts = {c: [0, 0, 0] for c in CLASSES}  # tp, predicted, gold
    n = 0
    with open(root / "metadata.shared.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row.get("compartment") not in splits:
                continue
            gold = (row.get("wire") or "").strip()
            gold = {"reuters": "Reuters"}.get(gold.lower(), gold)
            if gold not in CLASSES:
                continue
            txt = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            if not txt.exists():
                continue
            pred = wire_of(txt.read_text(encoding="utf-8"), registry)
            n += 1
            counts[gold][2] += 1
            counts[pred][1] += 1
            if pred == gold:
                counts[gold][0] += 1
    per = {}
    for c, (tp, pr, gd) in counts.items():
        p = tp / pr if pr else 0.0
        r = tp / gd if gd else 0.0
        per[c] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, gd)
    present = [c for c in CLASSES if counts[c][2]]
    macro = sum(per[c][2] for c in present) / len(present) if present else 0.0
    return per, macro, n


LABELS = Path(__file__).with_name("labels")
# train: 100 articles drawn at random (the rules are tuned on these); dev: all 84, held out.
KIND_FILES = {"train": "polnear-train-source-kinds.tsv", "dev": "polnear-dev-source-kinds.tsv"}
SECOND = "polnear-dev-source-kinds-second.tsv"  # a second annotator, 200 random dev spans
KINDS = ("named", "anonymous", "vague", "other")


def read_labels(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Source-kind labels: article stem -> [(start, end, kind)] of gold source spans."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        stem, start, end, kind = line.split("\t")
        if kind not in KINDS:
            raise SystemExit(f"{path}: unknown kind {kind!r} (want one of {', '.join(KINDS)})")
        out.setdefault(stem, []).append((int(start), int(end), kind))
    return out


def label_agreement(first: dict, second: dict) -> tuple[int, float, float]:
    """(spans both labelled, share agreed, Cohen's kappa) of two annotators' kinds."""
    one = {(stem, s, e): k for stem, rows in first.items() for s, e, k in rows}
    pairs = [(one[stem, s, e], k) for stem, rows in second.items() for s, e, k in rows
             if (stem, s, e) in one]
    if not pairs:
        return 0, 0.0, 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    chance = sum((sum(a == k for a, _ in pairs) / n) * (sum(b == k for _, b in pairs) / n)
                 for k in KINDS)
    return n, observed, ((observed - chance) / (1 - chance) if chance < 1 else 1.0)


def _kind_of(att) -> str:
    return "anonymous" if att.anonymous else "vague" if att.vague else "named"


def score_source_kinds(root: Path, split: str, labels: dict, registry) -> dict:
    """How the tool reads the labelled gold sources of one split.

    Each labelled source span is paired with the predicted attribution whose source overlaps
    it most (none: the tool found no attribution there). Per kind (anonymous, vague):
    precision and recall over the paired spans, and recall over all labelled spans (a missed
    attribution is a missed flag). The flags themselves (``chain.build``): an
    ``anonymous-source`` or ``vague-attribution`` flag whose evidence overlaps labelled
    sources is right when one of them has its kind (flags on unlabelled text, such as
    "reportedly", are not scored); recall is the share of the sources labelled so that some
    flag points at.
    """
    from tracer import chain, normalize
    from tracer.models import Article

    counts = {k: [0, 0, 0, 0] for k in ("anonymous", "vague")}  # tp, predicted, gold paired, gold all
    flagged = {k: [0, 0, 0, 0] for k in ("anonymous", "vague")}  # right, scored, covered, gold
    gold_kinds = dict.fromkeys(KINDS, 0)
    paired = articles = 0
    for stem, spans in sorted(labels.items()):
        txt = root / split / "text" / f"{stem}.txt"
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        articles += 1
        line = dateline.parse(text, registry)
        found = attribution.extract(text, registry, line=line)
        sources = [a for a in found if a.kind != "credit" and a.source is not None]
        for start, end, kind in spans:
            gold_kinds[kind] += 1
            best, most = None, 0
            for a in sources:
                shared = min(end, a.source.end) - max(start, a.source.start)
                if shared > most:
                    best, most = a, shared
            predicted = _kind_of(best) if best is not None else None
            paired += best is not None
            for k, c in counts.items():
                c[3] += kind == k
                if best is not None:
                    c[0] += kind == k and predicted == k
                    c[1] += predicted == k
                    c[2] += kind == k
        title = normalize.first_line(text)
        article = Article(input=stem, title=title.text if title else "", text=text,
                          paragraphs=normalize.paragraphs(text))
        flags = chain.build(article, line, found, registry)[2]
        for k, flag_kind in (("anonymous", "anonymous-source"), ("vague", "vague-attribution")):
            raised = [[f.evidence, *f.related] for f in flags if f.kind == flag_kind]
            covered = set()
            for evidence in raised:
                hits = {(s, e, kind) for s, e, kind in spans for x in evidence
                        if x is not None and x.start < e and s < x.end}
                if hits:  # a flag on a labelled source: right when it is one of this kind
                    flagged[k][1] += 1
                    flagged[k][0] += any(kind == k for _, _, kind in hits)
                covered |= {h for h in hits if h[2] == k}
            flagged[k][2] += len(covered)
            flagged[k][3] += sum(kind == k for _, _, kind in spans)

    def prf(tp, pred, gold):
        p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    out = {"gold": gold_kinds, "paired": paired, "articles": articles}
    for k, (tp, pred, gold_paired, gold_all) in counts.items():
        out[k] = prf(tp, pred, gold_paired) + (tp / gold_all if gold_all else 0.0,)
        right, scored, covered, gold = flagged[k]
        p, r = (right / scored if scored else 0.0), (covered / gold if gold else 0.0)
        out[f"{k}-flag"] = (p, r, (2 * p * r / (p + r) if p + r else 0.0), scored)  # two denominators
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Attribution and agency-credit accuracy on PolNeAR.")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "both"])
    ap.add_argument("--no-floors", action="store_true", help="report only; do not gate on floors")
    ap.add_argument("--labels", default=str(LABELS), help="folder of the hand-labelled source kinds")
    args = ap.parse_args(argv)
    root = Path(args.data) / "polnear"
    if not root.is_dir():
        print(f"{root} not found: PolNeAR is shared data outside the repo; nothing to evaluate.")
        return 0
    registry = outlets.load()
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    measured: dict[str, float] = {}
    for split in splits:
        comm, results, articles, seconds = score_split(root, split, registry)
        print(f"PolNeAR {split}: {articles} articles, extract {1000 * seconds / max(articles, 1):.1f} ms/article")
        print("  communication-verb attributions (the issue's target: relation F1 >= 0.80 on dev):")
        print(f"  {'measure':<16} {'P':>6} {'R':>6} {'F1':>6}")
        for name, (p, r, f) in comm.items():
            print(f"  {name:<16} {p:6.3f} {r:6.3f} {f:6.3f}")
            measured[f"{split}.comm.{name}.f1"] = round(f, 4)
        print(f"  source-span recall (partial overlap): {comm['source-partial'][1]:.3f}")
        measured[f"{split}.comm.source.recall"] = round(comm["source-partial"][1], 4)
        print("  all attributions (every annotated cue, stance verbs included):")
        print(f"  {'measure':<16} {'P':>6} {'R':>6} {'F1':>6}")
        for name, (p, r, f) in results.items():
            print(f"  {name:<16} {p:6.3f} {r:6.3f} {f:6.3f}")
            measured[f"{split}.{name}.f1"] = round(f, 4)
        print(f"  source-span recall (partial overlap): {results['source-partial'][1]:.3f}")
        per, macro, n = score_wire(root, [split], registry)
        print(f"  agency credit (wire column, {n} labelled articles): macro-F1 {macro:.3f}")
        for c, (p, r, f, gd) in per.items():
            print(f"    {c:<8} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {gd})")
        measured[f"{split}.wire.macro_f1"] = round(macro, 4)
    labels = Path(args.labels)
    for split in ("train", "dev"):
        path = labels / KIND_FILES[split]
        if not path.exists():
            continue
        kinds = score_source_kinds(root, split, read_labels(path), registry)
        total = sum(kinds["gold"].values())
        role = "the rules were tuned on these" if split == "train" else "held out"
        print(f"Anonymous and vague sources, PolNeAR {split} ({role}): {total} distinct non-pronoun "
              f"gold sources in {kinds['articles']} articles, labelled from a guide "
              f"({', '.join(f'{k} {n}' for k, n in kinds['gold'].items())}; "
              f"{path.name}); the tool paired {kinds['paired']} with an attribution:")
        print(f"  {'kind':<16} {'P':>6} {'R':>6} {'F1':>6}  R over all labelled (misses included)")
        for k in ("anonymous", "vague"):
            p, r, f, r_all = kinds[k]
            print(f"  {k:<16} {p:6.3f} {r:6.3f} {f:6.3f}  {r_all:.3f}")
            measured[f"{split}.kind.{k}.f1"] = round(f, 4)
        for k, flag_kind in (("anonymous", "anonymous-source"), ("vague", "vague-attribution")):
            p, r, f, n = kinds[f"{k}-flag"]
            print(f"  {flag_kind} flags: P {p:.3f} ({n} raised on a labelled source; right when it "
                  f"is labelled {k}) R {r:.3f} (sources labelled {k} that a flag points at) F1 {f:.3f}")
            measured[f"{split}.flag.{k}.f1"] = round(f, 4)
    if (labels / SECOND).exists() and (labels / KIND_FILES["dev"]).exists():
        n, agree, kappa = label_agreement(read_labels(labels / KIND_FILES["dev"]),
                                          read_labels(labels / SECOND))
        print(f"  the labels themselves: a second annotator on {n} random dev spans agrees on "
              f"{agree:.3f} of them (Cohen's kappa {kappa:.3f})")
    human = agreement(root)
    if human:
        print("Human agreement (annotator-training, every annotator pair), for reference:")
        for label, table in zip(("communication-verb attributions", "all attributions"), human):
            print(f"  {label}:")
            for name in ("detection", "relation", "source-partial", "content-partial", "content-exact"):
                p, r, f = table[name]
                print(f"  {name:<16} {p:6.3f} {r:6.3f} {f:6.3f}")
    if args.no_floors or not FLOORS.exists():
        return 0
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    failed = [f"{k}: {measured[k]:.3f} < floor {v:.3f}" for k, v in floors.items() if k in measured and measured[k] < v]
    for line in failed:
        print("BELOW FLOOR " + line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
