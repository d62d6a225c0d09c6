# PyTorch replica of packages/train's text-sentiment recipe (masked-word pre-training, then fine-tuning),
# run on the sets export-folds.ts writes, with the recipe's settings read from that file; one JSON line per run.
import argparse, gzip, itertools, json, math, time
import numpy as np
import torch
import torch.nn.functional as F

PAD, CLS, SEP, MASK, FIRST_WORD = 0, 2, 3, 4, 5

# One change each against the recipe ('base'); 'nopre' is a reference only.
VARIANTS = {
    'base': {},
    'nopre': {'pre_epochs': 0},
    'd128': {'hidden': 128, 'inter': 256},
    'l4': {'layers': 4},
    'mask30': {'mask_rate': 0.3},
    'pre160': {'pre_epochs': 160},
}


def recipe_settings(s):
    """The flat settings this file uses, from the recipe as export-folds.ts wrote it."""
    arch, pre, ft = s['architecture'], s['pretraining'], s['training']
    drop = lambda d: (d['embeddings'], d['attention'], d['hidden'])
    return dict(hidden=arch['hidden'], heads=arch['heads'], layers=arch['layers'], inter=arch['intermediate'],
                max_len=s['maxLength'], embedding_std=s['embeddingInitStd'], drop=drop(arch['dropout']),
                pre_epochs=pre['epochs'], pre_batch=pre['batchSize'], pre_lr=pre['learningRate'],
                pre_warmup=pre['warmupFraction'], pre_wd=pre['weightDecay'], pre_clip=pre['clipNorm'],
                mask_rate=pre['maskRate'], pre_drop=drop(pre['dropout']),
                epochs=ft['epochs'], batch=ft['batchSize'], lr=ft['learningRate'], warmup=ft['warmupFraction'],
                wd=ft['weightDecay'], smoothing=ft['labelSmoothing'], token_dropout=ft.get('tokenDropout', 0.0),
                clip=ft['clipNorm'], patience=ft['patience'])


class Model(torch.nn.Module):
    def __init__(self, vocab, c, gen):
        super().__init__()
        d, inter = c['hidden'], c['inter']
        P = lambda *shape, std=0.02: torch.nn.Parameter(torch.randn(*shape, generator=gen) * std)
        Z = lambda *shape: torch.nn.Parameter(torch.zeros(*shape))
        O = lambda *shape: torch.nn.Parameter(torch.ones(*shape))
        self.c = c
        self.word, self.pos = P(vocab, d, std=c['embedding_std']), P(c['max_len'], d)
        self.layers = torch.nn.ModuleList()
        for _ in range(c['layers']):
            m = torch.nn.Module()
            m.ln1g, m.ln1b, m.ln2g, m.ln2b = O(d), Z(d), O(d), Z(d)
            m.wq, m.wk, m.wv, m.wo = P(d, d), P(d, d), P(d, d), P(d, d)
            m.bq, m.bk, m.bv, m.bo = Z(d), Z(d), Z(d), Z(d)
            m.w1, m.b1, m.w2, m.b2 = P(d, inter), Z(inter), P(inter, d), Z(d)
            self.layers.append(m)
        self.flng, self.flnb = O(d), Z(d)
        self.cw, self.cb = P(d, 2), Z(2)

    def encode(self, ids, mask, drop):
        pe, pa, ph = drop
        B, L = ids.shape
        d, H = self.c['hidden'], self.c['heads']
        hd = d // H
        x = F.dropout(self.word[ids] + self.pos[:L], pe, self.training)
        bias = ((1 - mask) * -1e9).view(B, 1, 1, L)
        heads = lambda t: t.view(B, L, H, hd).transpose(1, 2)
        for m in self.layers:
            h = F.layer_norm(x, (d,), m.ln1g, m.ln1b, 1e-5)
            q, k, v = heads(h @ m.wq + m.bq), heads(h @ m.wk + m.bk), heads(h @ m.wv + m.bv)
            p = F.dropout(torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(hd) + bias, -1), pa, self.training)
            ctx = (p @ v).transpose(1, 2).reshape(B, L, d)
            x = x + F.dropout(ctx @ m.wo + m.bo, ph, self.training)
            h2 = F.layer_norm(x, (d,), m.ln2g, m.ln2b, 1e-5)
            x = x + F.dropout(F.gelu(h2 @ m.w1 + m.b1) @ m.w2 + m.b2, ph, self.training)
        return F.layer_norm(x, (d,), self.flng, self.flnb, 1e-5)

    def logits(self, ids, mask, drop):
        pooled = F.dropout(self.encode(ids, mask, drop)[:, 0], drop[2], self.training)
        return pooled @ self.cw + self.cb


def decays(name):
    return name in ('word', 'pos', 'cw') or name.split('.')[-1].startswith('w')


def adamw(named, wd, lr):
    groups = [{'params': [p for n, p in named if decays(n)], 'weight_decay': wd},
              {'params': [p for n, p in named if not decays(n)], 'weight_decay': 0.0}]
    return torch.optim.AdamW(groups, lr=lr, betas=(0.9, 0.999), eps=1e-8)


def schedule(peak, total, warm_frac):
    warm = max(1, round(total * warm_frac))
    return lambda s: peak * ((s + 1) / warm if s < warm else max(0.0, (total - s) / max(1, total - warm)))


def epoch_batches(lengths, size, rng):
    order = rng.permutation(len(lengths))
    batches = []
    for start in range(0, len(order), size * 50):
        chunk = sorted(order[start:start + size * 50], key=lambda i: lengths[i])
        batches += [chunk[i:i + size] for i in range(0, len(chunk), size)]
    return [batches[i] for i in rng.permutation(len(batches))]


def pad(seqs, idx):
    L = max(len(seqs[i]) for i in idx)
    ids = np.full((len(idx), L), PAD, np.int64)
    mask = np.zeros((len(idx), L), np.float32)
    for r, i in enumerate(idx):
        ids[r, :len(seqs[i])] = seqs[i]
        mask[r, :len(seqs[i])] = 1
    return ids, mask


def on(dev, *arrays):
    return [torch.from_numpy(a).to(dev) for a in arrays]


def word_tokens(ids, mask):
    return (mask == 1) & (ids != CLS) & (ids != SEP)


def step(opt, params, loss, lr, clip):
    for g in opt.param_groups:
        g['lr'] = lr
    opt.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(params, clip)
    opt.step()


def pretrain(model, seqs, vocab, c, rng, dev):
    bias = torch.nn.Parameter(torch.zeros(vocab, device=dev))
    named = [(n, p) for n, p in model.named_parameters() if n not in ('cw', 'cb')] + [('mlm.b', bias)]
    params = [p for _, p in named]
    opt = adamw(named, c['pre_wd'], c['pre_lr'])
    lengths = [len(s) for s in seqs]
    total = math.ceil(len(seqs) / c['pre_batch']) * c['pre_epochs']
    rate = schedule(c['pre_lr'], total, c['pre_warmup'])
    model.train()
    steps = itertools.count()
    for _ in range(c['pre_epochs']):
        for idx in epoch_batches(lengths, c['pre_batch'], rng):
            s = next(steps)
            ids, mask = pad(seqs, idx)
            chosen = word_tokens(ids, mask) & (rng.random(ids.shape) < c['mask_rate'])
            targets = ids[chosen]
            roll = rng.random(ids.shape)
            corrupt = ids.copy()
            corrupt[chosen & (roll < 0.8)] = MASK
            rand_at = chosen & (roll >= 0.8) & (roll < 0.9)
            corrupt[rand_at] = rng.integers(FIRST_WORD, vocab, size=int(rand_at.sum()))
            if len(targets) == 0:
                continue
            states = model.encode(*on(dev, corrupt, mask), c['pre_drop'])
            at, wanted = on(dev, np.flatnonzero(chosen), targets)
            out = states.reshape(-1, c['hidden'])[at] @ model.word.t() + bias
            step(opt, params, F.cross_entropy(out, wanted), rate(s), c['pre_clip'])


def evaluate(model, data, c, dev):
    model.eval()
    correct, loss_sum = 0, 0.0
    with torch.no_grad():
        for i in range(0, len(data['ids']), 256):
            idx = list(range(i, min(i + 256, len(data['ids']))))
            ids, mask = pad(data['ids'], idx)
            out = model.logits(*on(dev, ids, mask), c['drop'])
            y = torch.tensor([data['labels'][j] for j in idx], device=dev)
            correct += int((out.argmax(-1) == y).sum())
            loss_sum += float(F.cross_entropy(out, y, reduction='sum'))
    return correct / len(data['ids']), loss_sum / len(data['ids'])


def finetune(model, train, held, c, rng, dev):
    named = list(model.named_parameters())
    params = [p for _, p in named]
    opt = adamw(named, c['wd'], c['lr'])
    lengths = [len(s) for s in train['ids']]
    total = math.ceil(len(lengths) / c['batch']) * c['epochs']
    rate = schedule(c['lr'], total, c['warmup'])
    labels = np.array(train['labels'])
    history, s = [], 0
    for _ in range(c['epochs']):
        model.train()
        for idx in epoch_batches(lengths, c['batch'], rng):
            ids, mask = pad(train['ids'], idx)
            ids[word_tokens(ids, mask) & (rng.random(ids.shape) < c['token_dropout'])] = MASK
            out = model.logits(*on(dev, ids, mask), c['drop'])
            loss = F.cross_entropy(out, *on(dev, labels[idx]), label_smoothing=c['smoothing'])
            step(opt, params, loss, rate(s), c['clip'])
            s += 1
        history.append(evaluate(model, held, c, dev))
    return history


def run(data_set, base, variant, seed, dev, overrides):
    c = {**base, **VARIANTS[variant], **overrides}
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    vocab = data_set['vocabSize']
    model = Model(vocab, c, gen).to(dev)
    started = time.time()
    if c['pre_epochs'] > 0:
        pretrain(model, data_set['train']['ids'], vocab, c, rng, dev)
    pre_s = time.time() - started
    history = finetune(model, data_set['train'], data_set['heldOut'], c, rng, dev)
    accs = [a for a, _ in history]
    best = 0
    for e in range(1, len(accs)):  # the epoch trainClassifier would keep (early stopping with patience)
        if accs[e] > accs[best]:
            best = e
        elif e - best >= c['patience']:
            break
    return {'set': data_set['name'], 'variant': variant, 'seed': seed, 'n': len(data_set['heldOut']['ids']),
            'last': accs[-1], 'best': accs[best], 'bestEpoch': best + 1, 'acc': accs, 'loss': [l for _, l in history],
            'preSeconds': round(pre_s, 1), 'seconds': round(time.time() - started, 1)}


def main():
    ap = argparse.ArgumentParser(description='Runs set:variant:seed jobs of the cross-validation study.')
    ap.add_argument('--data', required=True, help='the .json.gz file export-folds.ts wrote')
    ap.add_argument('--jobs', required=True, help='comma-separated set:variant:seed, e.g. fold0:base:1')
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    ap.add_argument('--pre-epochs', type=int, help='pre-training epochs of every variant (smoke runs only)')
    ap.add_argument('--epochs', type=int, help='fine-tuning epochs of every variant (smoke runs only)')
    a = ap.parse_args()
    with gzip.open(a.data, 'rt') as f:
        study = json.load(f)
    sets = {s['name']: s for s in study['sets']}
    base = recipe_settings(study['settings'])
    overrides = {k: v for k, v in (('pre_epochs', a.pre_epochs), ('epochs', a.epochs)) if v is not None}
    jobs = [job.split(':') for job in a.jobs.split(',')]
    for job in jobs:
        if len(job) != 3 or job[0] not in sets or job[1] not in VARIANTS or not job[2].isdigit():
            ap.error(f'--jobs: "{":".join(job)}" must be set:variant:seed with a set in {sorted(sets)}, '
                     f'a variant in {sorted(VARIANTS)} and an integer seed')
    torch.set_num_threads(1)
    for name, variant, seed in jobs:
        print(json.dumps(run(sets[name], base, variant, int(seed), a.device, overrides)), flush=True)


if __name__ == '__main__':
    main()
