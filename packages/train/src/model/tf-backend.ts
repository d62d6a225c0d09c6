// Selects the tfjs WebAssembly backend once (the pure-JS cpu backend is ~7× slower for training)
// and re-exports tfjs, so every module uses the same initialised instance.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { AttentionError } from '@attn/core';

let ready: Promise<void> | undefined;

export function useWasmBackend(): Promise<void> {
  ready ??= (async () => {
    if (!(await tf.setBackend('wasm'))) throw new AttentionError('E_RUNTIME', 'tfjs backend "wasm" could not be initialised');
    await tf.ready();
  })();
  return ready;
}

export { tf };
