// Mutations of a valid JSON body at any place in it: a field removed, replaced by a hostile value, tweaked
// (a string cut short or repeated, a number moved off by a little or a lot), or an extra field added beside it.
import fc from 'fast-check';
import { hostileKey, hostileValue, objectOf } from './hostile-values.ts';

type Path = (string | number)[];

export type JsonMutation =
  | { kind: 'remove'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'tweak'; at: number; how: number }
  | { kind: 'add'; at: number; key: string; value: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deeper places are left alone: the nesting itself is the test there. */
const MAX_MUTATION_DEPTH = 8;

/** Every place in `value` (the root first) down to MAX_MUTATION_DEPTH, depth first. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (path.length === MAX_MUTATION_DEPTH) return [path];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root);
}

function tweaked(value: unknown, how: number): unknown {
  if (typeof value === 'string')
    return [value.slice(0, Math.floor(value.length / 2)), value.repeat(3), `${value}\u0000`, value.slice(1)][how % 4];
  if (typeof value === 'number') return [value + 1, -value - 1, value * 1e6, value + 0.5][how % 4];
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? [...value, ...value] : value;
}

/** `root` with `mutation` applied (a copy; the root itself can be replaced but not removed). */
export function applyMutation(root: unknown, mutation: JsonMutation): unknown {
  const copy = structuredClone(root);
  const paths = pathsOf(copy);
  const path = paths[mutation.at % paths.length]!;
  const current = at(copy, path);
  const next =
    mutation.kind === 'replace'
      ? mutation.value
      : mutation.kind === 'tweak'
        ? tweaked(current, mutation.how)
        : mutation.kind === 'add'
          ? isObject(current)
            ? objectOf([...Object.entries(current), [mutation.key, mutation.value]])
            : Array.isArray(current)
              ? [...current, mutation.value]
              : objectOf([[mutation.key, mutation.value]])
          : undefined;
  if (path.length === 0) return next === undefined ? copy : next;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (next !== undefined) parent[key] = next;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return copy;
}

export const jsonMutation: fc.Arbitrary<JsonMutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('tweak' as const), at: fc.nat(), how: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileKey, value: hostileValue }),
);

/** One of `validBodies` with zero to three mutations (zero: the valid body itself). */
export function mutatedBodies(validBodies: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .tuple(fc.constantFrom(...validBodies), fc.array(jsonMutation, { maxLength: 3 }))
    .map(([body, mutations]) => mutations.reduce(applyMutation, body));
}
