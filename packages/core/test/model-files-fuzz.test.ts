// Mutated model files (seed 18, 650 cases) opened the way `attn inspect` / `attn extract` open them, in child processes
// (model-files-fuzz-child.ts) so that an ONNX Runtime abort kills a child only: every case ends in a result or a one-line
// AttentionError; bad external data is refused by our own checks before ONNX Runtime sees it; native aborts are listed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fc, FUZZ_SEED, protobufMutations, runCasesInChildren, type ChildCaseOutcome } from '@attn/fuzz';
import {
  analyseAttentionGraph,
  buildMultiHeadAttentionModel,
  decodeModel,
  encodeModel,
  extractionBlocker,
  readModelSource,
  validateFeeds,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
} from '../src/index.ts';

const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const CHILD = join(PACKAGE_DIR, 'test', 'model-files-fuzz-child.ts');
const DATA_FILE = 'model.onnx.data';

/** Cases of each source of mutations (650 in all). */
const COUNTS = { inlineBytes: 300, externalBytes: 100, graphEdits: 250 };

/** One mutated model: its files (relative to its folder; model.onnx always), what was done, and what our code must do. */
interface FuzzCase {
  kind: string;
  description: string;
  files: Record<string, Uint8Array>;
  /** Refused by our own checks while the model file is read (before ONNX Runtime), with this code. */
  refusedOnRead?: 'E_MODEL';
  /** Refused with E_MODEL at some stage: the edit leaves no attention to extract. */
  noAttention?: boolean;
}

const INLINE = buildMultiHeadAttentionModel({ dim: 4, heads: 2, mask: true }, undefined, 3);

/** The model with its weight matrices and biases moved to model.onnx.data, as torch.onnx.export writes large models. */
function withExternalData(): { model: OnnxModel; data: Uint8Array } {
  const model = decodeModel(INLINE);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const tensor of model.graph.initializer ?? []) {
    if (!tensor.name?.startsWith('attn.')) continue;
    const data = tensor.rawData!;
    tensor.externalData = [
      { key: 'location', value: DATA_FILE },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(data.length) },
    ];
    tensor.dataLocation = 1;
    delete tensor.rawData;
    chunks.push(data);
    offset += data.length;
  }
  return { model, data: Uint8Array.from(chunks.flatMap((chunk) => [...chunk])) };
}
const EXTERNAL = withExternalData();
const EXTERNAL_BYTES = encodeModel(EXTERNAL.model);

const bytesCase =
  (source: string, extra: Record<string, Uint8Array>) =>
  ({ kind, description, bytes }: { kind: string; description: string; bytes: Uint8Array }): FuzzCase => ({
    kind: `${source} ${kind}`,
    description,
    files: { 'model.onnx': bytes, ...extra },
  });

/** A fresh decoded copy of a base model (the edits below change it in place). */
const inlineModel = () => decodeModel(INLINE);
const externalModel = () => decodeModel(EXTERNAL_BYTES);

function graphCase(
  kind: string,
  description: string,
  model: OnnxModel,
  extra: Partial<FuzzCase> = {},
  files: Record<string, Uint8Array> = {},
): FuzzCase {
  return { kind, description, files: { 'model.onnx': encodeModel(model), ...files }, ...extra };
}

/** The node itself and every node that reads its outputs, directly or not (nodes are in graph order). */
function selfAndDescendants(nodes: readonly OnnxNode[], from: number): number[] {
  const reached = new Set(nodes[from]!.output);
  const found = [from];
  nodes.forEach((node, index) => {
    if (index <= from || !node.input.some((name) => reached.has(name))) return;
    found.push(index);
    for (const output of node.output) reached.add(output);
  });
  return found;
}

/** A node's input rewired to its own output or to the output of a node that depends on it: a cycle. */
const cycles = fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, slot]) => {
  const model = inlineModel();
  const nodes = model.graph.node;
  const from = a % nodes.length;
  const onward = selfAndDescendants(nodes, from);
  const to = onward[b % onward.length]!;
  const target = nodes[from]!;
  const input = slot % Math.max(target.input.length, 1);
  target.input[input] = nodes[to]!.output[0]!;
  return graphCase('cycle', `input ${input} of ${target.name} ← output of ${nodes[to]!.name}`, model);
});

/** The Softmax kept, with nothing that multiplies its output as attention. */
const softmaxWithoutMatMul = fc.constantFrom('dangling', 'through Add', 'only output', 'MatMul renamed').map((variant) => {
  const model = inlineModel();
  const nodes = model.graph.node;
  const softmax = nodes.find((n) => n.opType === 'Softmax')!;
  const context = nodes.find((n) => n.input[0] === softmax.output[0])!;
  if (variant === 'dangling') context.input[0] = softmax.input[0]!;
  if (variant === 'through Add') {
    nodes.splice(nodes.indexOf(context), 0, {
      name: 'detour',
      opType: 'Add',
      input: [softmax.output[0]!, softmax.output[0]!],
      output: ['detour_out'],
    });
    context.input[0] = 'detour_out';
  }
  if (variant === 'only output') {
    nodes.splice(nodes.indexOf(context));
    model.graph.output = [{ name: softmax.output[0]! }];
  }
  if (variant === 'MatMul renamed') context.opType = 'Mul';
  return graphCase('Softmax without MatMul', variant, model, { noAttention: true });
});

/** Where an external data location may point outside the model's folder (root/outside.data holds valid bytes). */
const outsideLocations = (root: string) => [
  '../outside.data',
  '../../outside.data',
  'sub/../../outside.data',
  `${DATA_FILE}/../../outside.data`,
  './../outside.data',
  '..',
  join(root, 'outside.data'),
  '/etc/hostname',
  '',
];

/** Locations that are not files beside the model: refused or missing, never read from elsewhere. */
/** Where an external tensor may hide from a reader that looks at dense initializers only. */
type TensorPlace = 'initializer' | 'sparse initializer' | 'Constant sparse_value' | 'Constant in a function';

/** The external tensor attn.bq moved to `place` (a sparse tensor with every index, or a Constant node that makes it); returns it. */
function moveBias(model: OnnxModel, place: TensorPlace): OnnxTensor {
  const graph = model.graph;
  const bias = graph.initializer!.find((t) => t.name === 'attn.bq')!;
  if (place === 'initializer') return bias;
  graph.initializer = graph.initializer!.filter((t) => t !== bias);
  const indices: OnnxTensor = {
    name: 'attn.bq.indices',
    dims: [4],
    dataType: 7,
    rawData: new Uint8Array(BigInt64Array.of(0n, 1n, 2n, 3n).buffer),
  };
  const sparse = { values: bias, indices, dims: [4] };
  if (place === 'sparse initializer') graph.sparseInitializer = [sparse];
  else {
    const constant = {
      name: 'bias.constant',
      opType: 'Constant',
      input: [],
      output: ['attn.bq'],
      attribute: [{ name: 'sparse_value', type: 11, sparseTensor: sparse }],
    };
    if (place === 'Constant sparse_value') graph.node.unshift(constant);
    else {
      model.functions = [
        { name: 'MakeBias', domain: 'local', output: ['attn.bq'], node: [constant], opsetImport: [{ domain: '', version: 17 }] },
      ];
      model.opsetImport.push({ domain: 'local', version: 1 });
      graph.node.unshift({ name: 'bias.call', opType: 'MakeBias', domain: 'local', input: [], output: ['attn.bq'] });
    }
  }
  return bias;
}

/** Locations that are not files beside the model, on one tensor (wherever it hides) or all: refused before ONNX Runtime reads anything. */
const externalOutside = (root: string) =>
  fc
    .tuple(
      fc.constantFrom(...outsideLocations(root)),
      fc.boolean(),
      fc.constantFrom<TensorPlace>('initializer', 'sparse initializer', 'Constant sparse_value', 'Constant in a function'),
    )
    .map(([location, all, place]) => {
      const model = externalModel();
      const moved = moveBias(model, place);
      const external = all ? (model.graph.initializer ?? []).filter((t) => t.dataLocation === 1).concat(moved) : [moved];
      for (const tensor of external) tensor.externalData!.find((e) => e.key === 'location')!.value = location;
      return graphCase(
        'external data outside the folder',
        `${all ? 'every tensor' : 'attn.bq'} (${place}) at "${location}"`,
        model,
        { refusedOnRead: 'E_MODEL' },
        { [DATA_FILE]: EXTERNAL.data },
      );
    });

/** An external tensor beside the model but in a sparse tensor or a local function, which ONNX Runtime would look for in the working directory. */
const externalOutsideSession = fc
  .constantFrom<TensorPlace>('sparse initializer', 'Constant sparse_value', 'Constant in a function')
  .map((place) => {
    const model = externalModel();
    moveBias(model, place);
    return graphCase(
      'external data ONNX Runtime reads from the working directory',
      place,
      model,
      { refusedOnRead: 'E_MODEL' },
      { [DATA_FILE]: EXTERNAL.data },
    );
  });

const externalMissing = fc.constantFrom('no data file', 'another name', 'in a subfolder', 'a name with a line break').map((variant) => {
  const model = externalModel();
  const names: Record<string, string> = {
    'another name': 'weights.bin',
    'in a subfolder': 'sub/model.onnx.data',
    'a name with a line break': 'two\nlines.data',
  };
  for (const tensor of model.graph.initializer ?? []) {
    const location = tensor.externalData?.find((e) => e.key === 'location');
    if (location && names[variant]) location.value = names[variant];
  }
  const files: Record<string, Uint8Array> = variant === 'no data file' ? {} : { [DATA_FILE]: EXTERNAL.data };
  return graphCase('external data file missing', variant, model, { refusedOnRead: 'E_MODEL' }, files);
});

/** A value (everywhere it is written and read) or a node given a name with a line break, which messages must not pass on raw. */
const lineBreakNames = fc
  .tuple(
    fc.constantFrom('graph input', 'graph output', 'weight', 'attention probabilities', 'Softmax node', 'any node', 'op type', 'op domain'),
    fc.nat(),
    fc.boolean(),
  )
  .map(([what, pick, withoutMatMul]) => {
    const model = inlineModel();
    const graph = model.graph;
    const softmax = graph.node.find((n) => n.opType === 'Softmax')!;
    const node = graph.node[pick % graph.node.length]!;
    const renameValue = (from: string) => {
      const to = `${from}\nsecond line`;
      for (const value of [...graph.input, ...graph.output, ...(graph.initializer ?? [])]) if (value.name === from) value.name = to;
      for (const n of graph.node) for (const list of [n.input, n.output]) list.forEach((name, i) => name === from && (list[i] = to));
      return from;
    };
    const renamed: Record<typeof what, () => string> = {
      'graph input': () => renameValue(graph.input[pick % graph.input.length]!.name),
      'graph output': () => renameValue(graph.output[0]!.name),
      weight: () => renameValue(graph.initializer![pick % graph.initializer!.length]!.name!),
      'attention probabilities': () => renameValue(softmax.output[0]!),
      'Softmax node': () => ((softmax.name = `${softmax.name}\nsecond line`), 'the Softmax node'),
      'any node': () => ((node.name = `${node.name}\nsecond line`), node.name),
      'op type': () => ((node.opType = `${node.opType}\nsecond line`), `op of ${node.name}`),
      'op domain': () => ((node.domain = 'com.microsoft\nsecond line'), `domain of ${node.name}`),
    };
    const name = renamed[what]();
    if (withoutMatMul) graph.node.find((n) => n.input[0] === softmax.output[0])!.input[0] = softmax.input[0]!;
    return graphCase('line break in a name', `${what} (${name})${withoutMatMul ? ', Softmax left without MatMul' : ''}`, model);
  });

/** Offsets and lengths past the data file, negative, not numbers, or disagreeing with the tensor's dims. */
const externalRange = fc
  .tuple(
    fc.constantFrom('offset', 'length'),
    fc.constantFrom('-8', '4294967296', '9007199254740993', 'abc', '', '0', '1', '1e3', '320', '321'),
    fc.nat(),
  )
  .map(([key, value, pick]) => {
    const model = externalModel();
    const external = (model.graph.initializer ?? []).filter((t) => t.dataLocation === 1);
    const tensor = external[pick % external.length]!;
    tensor.externalData!.find((e) => e.key === key)!.value = value;
    return graphCase('external data range', `${key} of ${tensor.name} = "${value}"`, model, {}, { [DATA_FILE]: EXTERNAL.data });
  });

const HUGE = [2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 40, 2 ** 53, 2 ** 62, -1, -(2 ** 31), 0];

/** Huge, zero and negative sizes declared for inputs, outputs, weights, and the Reshape targets. */
const hugeDims = fc
  .tuple(fc.constantFrom('input', 'output', 'initializer dims', 'Reshape target'), fc.constantFrom(...HUGE), fc.nat())
  .map(([where, size, pick]) => {
    const model = inlineModel();
    const graph = model.graph;
    let what: string;
    if (where === 'input' || where === 'output') {
      const value = (where === 'input' ? graph.input : graph.output)[pick % 2] ?? graph.output[0]!;
      const dims = value.type!.tensorType!.shape!.dim!;
      const dim = pick % dims.length;
      dims[dim] = { dimValue: size };
      what = `${where} ${value.name} dim ${dim}`;
    } else {
      const tensors = (graph.initializer ?? []).filter((t) =>
        where === 'Reshape target' ? t.dataType === 7 && (t.dims?.[0] ?? 0) > 2 : t.dataType === 1,
      );
      const tensor: OnnxTensor = tensors[pick % tensors.length]!;
      if (where === 'Reshape target') {
        tensor.rawData = Uint8Array.from(tensor.rawData!); // a copy: decoded bytes share the file's buffer
        new DataView(tensor.rawData.buffer).setBigInt64(8 * (pick % (tensor.dims![0]! - 1)), BigInt(size), true);
      } else tensor.dims = [...(tensor.dims ?? []), size];
      what = `${where} of ${tensor.name}`;
    }
    return graphCase('huge dims', `${what} = ${size}`, model);
  });

/** Other graph edits: unknown ops and domains, odd attributes, versions, names, types. */
const otherEdits = fc.tuple(fc.nat({ max: 9 }), fc.nat()).map(([edit, pick]) => {
  const model = inlineModel();
  const graph = model.graph;
  const node = graph.node[pick % graph.node.length]!;
  const descriptions = [
    () => ((node.opType = 'NoSuchOp'), `${node.name} op NoSuchOp`),
    () => ((node.domain = 'com.example.unknown'), `${node.name} in an unknown domain`),
    () => {
      const softmax = graph.node.find((n) => n.opType === 'Softmax')!;
      softmax.attribute = [{ name: 'axis', type: 2, i: [99, -99, 2 ** 31][pick % 3]! }];
      return `Softmax axis ${softmax.attribute[0]!.i}`;
    },
    () => ((model.irVersion = [1, 2, 99, 2 ** 31][pick % 4]!), `IR version ${model.irVersion}`),
    () => ((model.opsetImport = [{ domain: '', version: [1, 6, 99, 1_000_000][pick % 4]! }]), `opset ${model.opsetImport[0]!.version}`),
    () => ((node.input[0] = 'no.such.value'), `${node.name} reads a value nothing writes`),
    () => ((node.output[0] = graph.node[(pick + 1) % graph.node.length]!.output[0]!), `${node.name} writes the output of another node`),
    () => ((graph.input = []), 'no graph inputs'),
    () => {
      const value = graph.input[pick % graph.input.length]!;
      value.type!.tensorType!.elemType = [0, 8, 16, 99][pick % 4]!;
      return `input ${value.name} of element type ${value.type!.tensorType!.elemType}`;
    },
    () => {
      const tensor = graph.initializer![pick % graph.initializer!.length]!;
      if (pick % 2) tensor.dataType = [0, 8, 99][pick % 3]!;
      else tensor.rawData = tensor.rawData!.subarray(0, Math.floor(tensor.rawData!.length / 2));
      return pick % 2 ? `initializer ${tensor.name} of data type ${tensor.dataType}` : `initializer ${tensor.name} with half its bytes`;
    },
  ];
  return graphCase('other graph edits', descriptions[edit]!(), model);
});

function cases(root: string): FuzzCase[] {
  const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number) => fc.sample(arbitrary, { numRuns: count, seed: FUZZ_SEED });
  const edits = fc.oneof(
    { arbitrary: cycles, weight: 3 },
    { arbitrary: softmaxWithoutMatMul, weight: 1 },
    { arbitrary: externalOutside(root), weight: 3 },
    { arbitrary: externalMissing, weight: 1 },
    { arbitrary: externalOutsideSession, weight: 1 },
    { arbitrary: externalRange, weight: 3 },
    { arbitrary: hugeDims, weight: 4 },
    { arbitrary: otherEdits, weight: 4 },
    { arbitrary: lineBreakNames, weight: 3 },
  );
  return [
    ...sample(protobufMutations(INLINE), COUNTS.inlineBytes).map(bytesCase('inline', {})),
    ...sample(protobufMutations(EXTERNAL_BYTES), COUNTS.externalBytes).map(bytesCase('external-data', { [DATA_FILE]: EXTERNAL.data })),
    ...sample(edits, COUNTS.graphEdits),
  ];
}

/** Writes each case to root/<index>/ and the valid bytes an outside location would find to root/outside.data. */
function writeCases(root: string, all: readonly FuzzCase[]): void {
  writeFileSync(join(root, 'outside.data'), EXTERNAL.data);
  all.forEach((fuzzCase, index) => {
    for (const [name, bytes] of Object.entries(fuzzCase.files)) {
      mkdirSync(dirname(join(root, String(index), name)), { recursive: true });
      writeFileSync(join(root, String(index), name), bytes);
    }
  });
}

interface ReportedError {
  attention: boolean;
  name: string;
  code?: string;
  message: string;
}

/** Why an outcome breaks the property, or undefined. A native crash is not ours unless the case is one our checks must refuse. */
function problemWith(fuzzCase: FuzzCase, outcome: ChildCaseOutcome): string | undefined {
  if (outcome.outcome === 'hung') return 'hung';
  if (outcome.outcome === 'died') {
    if (/JavaScript heap|RangeError|TypeError|\.ts:\d+/.test(outcome.stderr))
      return `died in our code (${outcome.exit}): ${outcome.stderr}`;
    return fuzzCase.refusedOnRead ? `reached ONNX Runtime and died (${outcome.exit})` : undefined;
  }
  const { stage, error } = outcome.report as { stage: string; error?: ReportedError };
  if (error && !error.attention) return `${error.name} (not an AttentionError) at ${stage}: ${error.message}`;
  if (error && /[\r\n]/.test(error.message)) return `a message of several lines: ${JSON.stringify(error.message)}`;
  if (fuzzCase.refusedOnRead && (stage !== 'read' || error?.code !== fuzzCase.refusedOnRead)) {
    return `not refused with ${fuzzCase.refusedOnRead} while reading (got ${error ? `${error.code} at ${stage}: ${error.message}` : 'a result'})`;
  }
  if (fuzzCase.noAttention && error?.code !== 'E_MODEL')
    return `not refused with E_MODEL (got ${error ? `${error.code}: ${error.message}` : 'a result'})`;
  return undefined;
}

/** "kind: 12 done, 30 E_MODEL, 1 died" lines, one per kind. */
function tally(all: readonly FuzzCase[], outcomes: readonly ChildCaseOutcome[]): string[] {
  const byKind = new Map<string, Map<string, number>>();
  outcomes.forEach((outcome, index) => {
    const error = outcome.outcome === 'reported' ? (outcome.report.error as ReportedError | undefined) : undefined;
    const label = outcome.outcome === 'reported' ? (error ? (error.code ?? error.name) : 'done') : outcome.outcome;
    const counts = byKind.get(all[index]!.kind) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    byKind.set(all[index]!.kind, counts);
  });
  return [...byKind].map(([kind, counts]) => `  ${kind}: ${[...counts].map(([label, count]) => `${label}×${count}`).join(' ')}`);
}

const root = mkdtempSync(join(tmpdir(), 'attn-model-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('model files under mutation', () => {
  it('end in a result or a one-line AttentionError; bad external data is refused before ONNX Runtime', async () => {
    const all = cases(root);
    writeCases(root, all);
    const outcomes = await runCasesInChildren({
      args: ['--import', 'tsx', CHILD, root],
      cwd: PACKAGE_DIR,
      cases: all.length,
      batch: 100,
      parallel: 2,
    });
    const crashes = outcomes
      .filter((o) => o.outcome === 'died')
      .map((o) => `  ${all[o.case]!.kind}: ${JSON.stringify(all[o.case]!.description)} (${(o as { exit: string }).exit})`);
    process.stdout.write(
      [
        `fuzz model files: ${all.length} mutations, seed ${FUZZ_SEED}:`,
        ...tally(all, outcomes),
        `ONNX Runtime aborts: ${crashes.length}`,
        ...crashes,
        '',
      ].join('\n'),
    );
    const problems = outcomes.flatMap((outcome, index) => {
      const problem = problemWith(all[index]!, outcome);
      return problem ? [`case ${index}, ${all[index]!.kind}, ${JSON.stringify(all[index]!.description)}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  }, 300_000); // a bound for a loaded machine (about 30 s alone on 2 cores), not a measure
});

describe('found while fuzzing', () => {
  it('escapes a line break in an external data location, a Softmax name and a graph input name; refuses external data in a sparse tensor', async () => {
    const dir = join(root, 'found');
    const external = externalModel();
    for (const tensor of external.graph.initializer ?? []) {
      const location = tensor.externalData?.find((e) => e.key === 'location');
      if (location) location.value = 'two\nlines.data';
    }
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.onnx'), encodeModel(external));
    await expect(readModelSource(join(dir, 'model.onnx'))).rejects.toThrow(
      /tensor "attn\.wq" keeps its data in .*two\\nlines\.data: no such file$/,
    );

    const model = inlineModel();
    const softmax = model.graph.node.find((n) => n.opType === 'Softmax')!;
    softmax.name = 'soft\nmax';
    model.graph.node.find((n) => n.input[0] === softmax.output[0])!.input[0] = softmax.input[0]!;
    expect(extractionBlocker(analyseAttentionGraph(model), 'model.onnx')).toContain(
      '(Softmax nodes found but not attention: "soft\\nmax")',
    );

    const sparse = externalModel();
    moveBias(sparse, 'sparse initializer');
    writeFileSync(join(dir, 'sparse.onnx'), encodeModel(sparse));
    writeFileSync(join(dir, DATA_FILE), EXTERNAL.data);
    await expect(readModelSource(join(dir, 'sparse.onnx'))).rejects.toThrow(
      `sparse.onnx: tensor "attn.bq" in a sparse tensor keeps its data in an external file, which ONNX Runtime would look for in the working directory`,
    );

    const inputs = [{ name: 'x\ny', required: true, type: 'float32', dims: ['seq\nuence'] }];
    expect(() => validateFeeds(inputs, { z: { type: 'float32', dims: [1] } })).toThrow(`unknown input "z"; the model's inputs are: x\\ny`);
    expect(() => validateFeeds(inputs, {})).toThrow(`missing input "x\\ny" (float32 [seq\\nuence])`);
  });
});
