# The study's figures from result files: the calibration on the fixed split, the cross-validated
# accuracy of each variant (last epoch, as the refit keeps it) and each lever paired against base.
import glob, json, math, os, statistics as st, sys

paths = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'results', '*.jsonl')))
rows = [json.loads(line) for path in paths for line in open(path) if line.strip()]
pct = lambda x: 100 * x

fixed = sorted((r for r in rows if r['set'] == 'fixed' and r['variant'] == 'base'), key=lambda r: r['seed'])
if fixed:
    seeds = ', '.join(f"seed {r['seed']} {pct(r['last']):.2f}" for r in fixed)
    print(f"calibration, fixed split (train → validation), last epoch: {seeds}; mean {pct(st.mean(r['last'] for r in fixed)):.2f} %")

folds = {}
for r in rows:
    if r['set'].startswith('fold'):
        folds.setdefault(r['variant'], {})[r['set']] = r
base = folds.get('base', {})
for variant, runs in folds.items():
    names = sorted(runs)
    accs = [pct(runs[f]['last']) for f in names]
    se = st.stdev(accs) / math.sqrt(len(accs)) if len(accs) > 1 else float('nan')
    pooled = sum(runs[f]['last'] * runs[f]['n'] for f in names) / sum(runs[f]['n'] for f in names)
    line = f"{variant:7s} {len(accs)} folds: mean {st.mean(accs):.2f} ± {se:.2f} % (se), pooled {pct(pooled):.2f} %, range {min(accs):.2f}–{max(accs):.2f}"
    paired = [f for f in names if f in base]
    if variant != 'base' and len(paired) > 1:
        diffs = [pct(runs[f]['last'] - base[f]['last']) for f in paired]
        line += f"; vs base {st.mean(diffs):+.2f} ± {st.stdev(diffs) / math.sqrt(len(diffs)):.2f}, ahead on {sum(d > 0 for d in diffs)}/{len(diffs)}"
    print(line)
