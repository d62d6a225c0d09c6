// Layer names for attention nodes: the PyTorch module path that torch's dynamo exporter records in
// node metadata (`model.encoder.layer.0.attention.self`), else the node name, else the output name.
import type { OnnxNode } from '../onnx/proto.ts';

/** Scopes from `pkg.torch.onnx.name_scopes`, a Python list such as `['', 'model', 'model.h.0', 'softmax']`. */
function scopesFromNameScopes(value: string): string[] {
  return [...value.matchAll(/'([^']*)'|"([^"]*)"/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Scopes from `namespace`, such as `: Model/model.h.0: GPT2Block/softmax: aten.softmax.int`. */
function scopesFromNamespace(value: string): string[] {
  return value.split('/').map((piece) => piece.split(': ')[0]!.trim());
}

/**
 * The module path and the node's own scope (the FX node name, last) from dynamo's node metadata;
 * undefined when the node carries none or sits at the top level of the exported module.
 */
export function moduleScopeOf(node: OnnxNode): { modulePath: string; nodeScope: string } | undefined {
  const props = new Map((node.metadataProps ?? []).map((entry) => [entry.key, entry.value]));
  const nameScopes = props.get('pkg.torch.onnx.name_scopes');
  const namespace = props.get('namespace');
  const scopes = nameScopes ? scopesFromNameScopes(nameScopes) : namespace ? scopesFromNamespace(namespace) : [];
  if (scopes.length < 3) return undefined;
  const modulePath = scopes[scopes.length - 2]!;
  const nodeScope = scopes[scopes.length - 1]!;
  return modulePath && nodeScope ? { modulePath, nodeScope } : undefined;
}

/**
 * One name per node, in order: the module path when the metadata has one (with the node's own scope
 * appended where several attention nodes share a module), else the node name, else its first output.
 */
export function attentionLayerNames(nodes: OnnxNode[]): string[] {
  const scopes = nodes.map(moduleScopeOf);
  const perModule = new Map<string, number>();
  for (const scope of scopes) if (scope) perModule.set(scope.modulePath, (perModule.get(scope.modulePath) ?? 0) + 1);
  return nodes.map((node, index) => {
    const scope = scopes[index];
    if (!scope) return node.name || node.output[0] || '';
    return perModule.get(scope.modulePath)! > 1 ? `${scope.modulePath}/${scope.nodeScope}` : scope.modulePath;
  });
}
