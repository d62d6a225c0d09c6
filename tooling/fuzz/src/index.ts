// @attn/fuzz: property-based fuzzing with fast-check — hostile values, bodies and query strings, the route runner that checks
// every answer (200 or a 4xx naming the field), protobuf file mutations, cases run in child processes, and fast-check as `fc`.
export * from './hostile-values.ts';
export * from './json-mutations.ts';
export * from './hostile-requests.ts';
export * from './route-fuzz.ts';
export * from './protobuf-mutations.ts';
export * from './child-cases.ts';
export { default as fc } from 'fast-check';
