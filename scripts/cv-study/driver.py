# Runs the study's jobs in order on a pool of workers, one replica.py process per job, appending each
# result line to OUT/results.jsonl and a timing line to OUT/driver.log as the job finishes.
import argparse, os, subprocess, sys, threading, time
from concurrent.futures import ThreadPoolExecutor

ap = argparse.ArgumentParser(description='Runs the cross-validation study on a pool of worker processes.')
ap.add_argument('--data', required=True, help='the .json.gz file export-folds.ts wrote')
ap.add_argument('--out', required=True, help='folder for results.jsonl and driver.log')
ap.add_argument('--workers', type=int, default=os.cpu_count(), help='jobs run at once (default: one per core)')
ap.add_argument('--fixed-seeds', default='1,2,3,4', help='seeds of the calibration runs on the fixed split ("" for none)')
ap.add_argument('--variants', default='base,nopre,d128,l4,mask30,pre160', help='variants run on the 10 folds, in this order')
ap.add_argument('--seed', type=int, default=1, help='training seed of the fold runs')
a, extra = ap.parse_known_args()
if a.workers < 1:
    ap.error(f'--workers must be at least 1; got {a.workers}')
os.makedirs(a.out, exist_ok=True)

jobs = [f'fixed:base:{s}' for s in a.fixed_seeds.split(',') if s]
for variant in a.variants.split(','):
    jobs += [f'fold{f}:{variant}:{a.seed}' for f in range(10)]
replica = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'replica.py')
lock = threading.Lock()
started = time.time()


def work(job):
    t = time.time()
    p = subprocess.run([sys.executable, replica, '--data', a.data, '--jobs', job, *extra], capture_output=True, text=True)
    with lock:
        with open(os.path.join(a.out, 'results.jsonl'), 'a') as f:
            f.write(p.stdout)
        with open(os.path.join(a.out, 'driver.log'), 'a') as f:
            f.write(f'{time.time() - started:7.1f}s {job} rc={p.returncode} {time.time() - t:.1f}s {p.stderr[-2000:]}\n')


with ThreadPoolExecutor(a.workers) as pool:
    list(pool.map(work, jobs))
print(f'{len(jobs)} jobs done in {time.time() - started:.1f}s')
