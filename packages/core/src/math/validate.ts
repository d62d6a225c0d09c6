// Argument checks shared by the attention math: positive integer sizes and array lengths,
// each failing with an E_INPUT AttentionError that names the parameter and the bad value.
import { AttentionError } from '../errors.ts';

/** Throws E_INPUT unless `value` is a positive integer. */
export function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw new AttentionError('E_INPUT', `${name} must be a positive integer, got ${value}`);
  }
}

/** Throws E_INPUT unless `values` holds exactly `expected` numbers. */
export function requireLength(name: string, values: ArrayLike<number>, expected: number, shape: string): void {
  if (values.length !== expected) {
    throw new AttentionError('E_INPUT', `${name} must hold ${expected} values (${shape}), got ${values.length}`);
  }
}

/** Throws E_INPUT unless every value is finite (NaN and ±Infinity are rejected). */
export function requireFinite(name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) {
      throw new AttentionError('E_INPUT', `${name}[${i}] must be finite, got ${value}`);
    }
  }
}
