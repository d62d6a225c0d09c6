// `attn inspect <model.onnx>`: the model's inputs and outputs (types, shapes), op counts, the
// attention Softmax nodes extraction would expose, and fused attention ops. Reads the graph only.
import {
  analyseAttentionGraph,
  decodedModel,
  defaultOpset,
  extractionBlocker,
  readModelSource,
  tensorSpec,
  type AttentionGraphReport,
  type OnnxModel,
} from '@attn/core';
import { basename } from 'node:path';
import { parseCommandArgs, say, writeJson, type CliCommand } from '../command.ts';
import { outPathArg } from '../out-path.ts';
import { modelPathArg } from './extraction-args.ts';

export interface LoadedGraph {
  path: string;
  sha256: string;
  model: OnnxModel;
  report: AttentionGraphReport;
}

/** Reads and decodes a model file and analyses its graph; missing files and non-ONNX are E_INPUT/E_MODEL. */
export async function readModelGraph(path: string): Promise<LoadedGraph> {
  const source = await readModelSource(path);
  const model = decodedModel(source);
  return { path, sha256: source.sha256, model, report: analyseAttentionGraph(model) };
}

function formatDims(dims: (number | string)[] | undefined): string {
  return dims ? `[${dims.join(', ')}]` : '[?]';
}

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'Show an ONNX model: inputs, outputs, op counts, attention nodes, fused ops',
  usage: `Usage: attn inspect <model.onnx> [--out file]

  Prints JSON on stdout (or --out): model info, inputs and outputs with types and shapes, op counts,
  the attention Softmax nodes extraction would expose, Softmax nodes left out, fused attention ops.
  A readable summary goes to stderr.
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('inspect', argv, { out: { type: 'string' } }, ['model.onnx']);
    const modelPath = modelPathArg(positionals);
    const outPath = outPathArg(values.out);
    const { path, sha256, model, report } = await readModelGraph(modelPath);
    const inputs = model.graph.input.filter((i) => !(model.graph.initializer ?? []).some((t) => t.name === i.name)).map(tensorSpec);
    const outputs = model.graph.output.map(tensorSpec);
    const blocker = extractionBlocker(report, basename(path));
    await writeJson(
      {
        model: {
          file: basename(path),
          sha256,
          irVersion: model.irVersion,
          opset: defaultOpset(model),
          producer: [model.producerName, model.producerVersion].filter(Boolean).join(' '),
        },
        inputs,
        outputs,
        opCounts: report.opCounts,
        attentionNodes: report.attentionNodes,
        excludedSoftmax: report.excludedSoftmax,
        fusedOps: report.fusedOps,
        nestedAttention: report.nestedAttention,
        extractable: blocker === undefined,
      },
      outPath,
    );
    say(`${basename(path)}  (opset ${defaultOpset(model)}, ${model.graph.node.length} nodes, sha256 ${sha256.slice(0, 12)}…)`);
    for (const i of inputs) say(`  input  ${i.name}: ${i.type ?? '?'} ${formatDims(i.dims)}`);
    for (const o of outputs) say(`  output ${o.name}: ${o.type ?? '?'} ${formatDims(o.dims)}`);
    say(
      `  attention nodes: ${report.attentionNodes.length}${report.attentionNodes.length ? ` (${report.attentionNodes.map((n) => n.name).join(', ')})` : ''}`,
    );
    if (report.fusedOps.length) say(`  fused attention ops: ${report.fusedOps.map((f) => `${f.op} "${f.node}"`).join(', ')}`);
    if (blocker) say(`  not extractable: ${blocker}`);
  },
};
