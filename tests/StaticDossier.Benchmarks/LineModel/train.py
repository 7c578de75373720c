#!/usr/bin/python3
"""Trains the text-dump line model (src/StaticDossier/Cleaning/Resources/text-lines.model).

Input: the rows `dotnet StaticDossier.Benchmarks.dll cleaning features ROWS.tsv EVAL...` writes (one per line of
every text dump, the rules deciding alone). Each line is labelled against its page's gold: in the article when most
of its word trigrams occur in the gold (a line under three words: when the gold has it as a line of its own). Gradient-boosted trees with
logistic loss, written here with numpy alone (Debian's python3-numpy): nothing to install.

  train.py ROWS.tsv --gold SET=GOLD_DIR ... --train SET,SET --out MODEL [--report SET,...]

--report prints, for each set, a bag-of-words F1 per page (a quick stand-in for the scorers) of the rules alone and
of rules + model; the real figures come from the scorers (see ../README.md, "Text-line model").
"""
import argparse, csv, math, os, re, sys
import numpy as np

WORD = re.compile(r"\w+")
csv.field_size_limit(1 << 30)


def words(text):
    return WORD.findall(text.lower())


def load(path):
    with open(path, encoding="utf-8") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(r)
        rows = list(r)
    names = header[3:-1]
    sets = [x[0] for x in rows]
    ids = [x[1] for x in rows]
    X = np.array([[float(v) for v in x[3:-1]] for x in rows], dtype=np.float32)
    texts = [x[-1] for x in rows]
    return names, sets, ids, X, texts


def label(sets, ids, texts, gold_dirs):
    """Label, weight and word count per line; weights make each page's gold worth about one."""
    y = np.zeros(len(texts), dtype=np.float64)
    w = np.zeros(len(texts), dtype=np.float64)
    nwords = np.zeros(len(texts), dtype=np.float64)
    cache = {}
    for i, (s, pid, t) in enumerate(zip(sets, ids, texts)):
        key = (s, pid)
        if key not in cache:
            gpath = os.path.join(gold_dirs[s], pid + ".txt")
            g = words(open(gpath, encoding="utf-8", errors="replace").read()) if os.path.exists(gpath) else []
            tri = set(zip(g, g[1:], g[2:]))
            lines = set(" ".join(words(x)) for x in open(gpath, encoding="utf-8", errors="replace")) if g else set()
            cache[key] = (lines, tri, max(len(g), 50))
        lines, tri, size = cache[key]
        ws = words(t)
        nwords[i] = len(ws)
        if not ws:
            continue
        if len(ws) < 3:
            # A word or two ("Home", "Ingredients") matches anywhere by chance: only a gold line of its own counts.
            y[i] = 1.0 if " ".join(ws) in lines else 0.0
        else:
            grams = list(zip(ws, ws[1:], ws[2:]))
            y[i] = 1.0 if sum(1 for x in grams if x in tri) >= 0.5 * len(grams) else 0.0
        w[i] = len(ws) / size
    return y, w, nwords


class Trees:
    """Histogram gradient boosting, logistic loss. Split on "x <= cut" with cuts taken from the data's values."""

    def __init__(self, n_trees=120, depth=4, rate=0.1, l2=1.0, min_weight=0.05, bins=48, seed=1):
        self.n_trees, self.depth, self.rate, self.l2, self.min_weight, self.bins = n_trees, depth, rate, l2, min_weight, bins

    def fit(self, X, y, w):
        n, m = X.shape
        self.cuts = []
        B = np.zeros((n, m), dtype=np.int32)
        for j in range(m):
            u = np.unique(X[:, j])
            if len(u) > self.bins:
                u = np.unique(np.quantile(X[:, j], np.linspace(0, 1, self.bins + 1)[1:-1], method="lower").astype(np.float32))
            else:
                u = u[:-1]
            self.cuts.append(u.astype(np.float32))
            B[:, j] = np.searchsorted(u, X[:, j], side="left")
        p0 = np.clip(np.sum(w * y) / np.sum(w), 1e-4, 1 - 1e-4)
        self.base = float(np.log(p0 / (1 - p0)))
        F = np.full(n, self.base)
        self.trees = []
        for _ in range(self.n_trees):
            p = 1 / (1 + np.exp(-F))
            g = w * (p - y)
            h = w * p * (1 - p)
            nodes = []
            self._grow(B, g, h, np.arange(n), 0, nodes)
            self.trees.append(nodes)
            F += self._apply(nodes, X)
        return self

    def _grow(self, B, g, h, idx, d, nodes):
        me = len(nodes)
        nodes.append(None)
        G, H = g[idx].sum(), h[idx].sum()
        best = None
        if d < self.depth and H >= 2 * self.min_weight:
            parent = G * G / (H + self.l2)
            for j in range(B.shape[1]):
                k = len(self.cuts[j]) + 1
                if k < 2:
                    continue
                gs = np.bincount(B[idx, j], weights=g[idx], minlength=k)
                hs = np.bincount(B[idx, j], weights=h[idx], minlength=k)
                gl, hl = np.cumsum(gs)[:-1], np.cumsum(hs)[:-1]
                gr, hr = G - gl, H - hl
                ok = (hl >= self.min_weight) & (hr >= self.min_weight)
                if not ok.any():
                    continue
                gain = np.where(ok, gl * gl / (hl + self.l2) + gr * gr / (hr + self.l2) - parent, -1)
                b = int(np.argmax(gain))
                if gain[b] > 1e-6 and (best is None or gain[b] > best[0]):
                    best = (gain[b], j, b)
        if best is None:
            nodes[me] = (-1, 0.0, 0, 0, float(-G / (H + self.l2) * self.rate))
            return me
        _, j, b = best
        left = idx[B[idx, j] <= b]
        right = idx[B[idx, j] > b]
        l = self._grow(B, g, h, left, d + 1, nodes)
        r = self._grow(B, g, h, right, d + 1, nodes)
        nodes[me] = (j, float(self.cuts[j][b]), l, r, 0.0)
        return me

    def _apply(self, nodes, X):
        out = np.zeros(X.shape[0])
        stack = [(0, np.arange(X.shape[0]))]
        while stack:
            k, idx = stack.pop()
            f, t, l, r, v = nodes[k]
            if f < 0:
                out[idx] = v
                continue
            go = X[idx, f] <= np.float32(t)
            stack.append((l, idx[go]))
            stack.append((r, idx[~go]))
        return out

    def predict(self, X):
        F = np.full(X.shape[0], self.base)
        for nodes in self.trees:
            F += self._apply(nodes, X)
        return 1 / (1 + np.exp(-F))

    def write(self, path, names, note):
        with open(path, "w", encoding="utf-8") as f:
            f.write("# StaticDossier text-line model: gradient-boosted trees over LineFeatures (one node per line:\n")
            f.write("# FEATURE THRESHOLD LEFT RIGHT VALUE; FEATURE -1 is a leaf; LEFT when the feature <= THRESHOLD).\n")
            f.write("# Made by tests/StaticDossier.Benchmarks/LineModel/train-line-model.sh; do not edit by hand.\n")
            f.write(f"# {note}\n")
            f.write("# features: " + " ".join(names) + "\n")
            f.write(f"trees {len(names)} {repr(float(np.float32(self.base)))}\n")
            for nodes in self.trees:
                f.write("tree\n")
                for (j, t, l, r, v) in nodes:
                    f.write(f"{j} {repr(float(np.float32(t)))} {l} {r} {repr(float(np.float32(v)))}\n")


def page_f1(ids, keep, nwords, y):
    """Mean per-page bag-of-words F1 against the lines labelled gold (a stand-in for the scorers)."""
    out = []
    for pid in np.unique(ids):
        m = ids == pid
        kept = (nwords[m] * keep[m]).sum()
        gold = (nwords[m] * y[m]).sum()
        hit = (nwords[m] * keep[m] * y[m]).sum()
        if gold == 0 and kept == 0:
            out.append(1.0)
            continue
        p = hit / kept if kept else 0
        r = hit / gold if gold else 0
        out.append(0 if p + r == 0 else 2 * p * r / (p + r))
    return float(np.mean(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rows")
    ap.add_argument("--gold", action="append", required=True, help="SET=DIR")
    ap.add_argument("--train", required=True)
    ap.add_argument("--out")
    ap.add_argument("--report", default="")
    ap.add_argument("--trees", type=int, default=120)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--keep", type=float, default=0.5)
    ap.add_argument("--min-weight", type=float, default=0.05)
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()
    gold = dict(x.split("=", 1) for x in args.gold)
    names, sets, ids, X, texts = load(args.rows)
    y, w, nwords = label(sets, ids, texts, gold)
    sets = np.array(sets)
    ids = np.array([s + "/" + i for s, i in zip(sets, ids)])
    # The model reviews only lines the rules dropped for their shape or place (main run, short runs, short lines):
    # headlines, dates, bylines and captions are metadata whatever a dataset's gold holds.
    shape = (X[:, names.index("rule_main_run")] + X[:, names.index("rule_short_run")] + X[:, names.index("rule_short")]) > 0
    train = np.isin(sets, args.train.split(",")) & shape
    model = Trees(n_trees=args.trees, depth=args.depth, rate=args.rate, l2=args.l2, min_weight=args.min_weight).fit(X[train], y[train], w[train])
    if args.out:
        model.write(args.out, names, f"trained on {args.train}: {int(train.sum())} lines, {len(np.unique(ids[train]))} pages; "
                    f"{args.trees} trees of depth {args.depth}, rate {args.rate}")
    for s in [x for x in args.report.split(",") if x]:
        m = sets == s
        p = model.predict(X[m])
        kept = X[m, names.index("kept")]
        margins = []
        for cut in (0.5, 0.6, 0.7):
            review = np.where(kept > 0.5, 1, shape[m] & (p >= cut)).astype(float)
            margins.append(f"keep≥{cut} {page_f1(ids[m], review, nwords[m], y[m]):.3f}")
        print(f"{s:16} lines {int(m.sum()):6}  rules {page_f1(ids[m], kept, nwords[m], y[m]):.3f}  rules+model "
              + "  ".join(margins) + f"  {'(trained on)' if s in args.train.split(',') else '(held out)'}")


if __name__ == "__main__":
    main()
