// Dense row-major matrix helpers for the reference attention math (float64 accumulation,
// Float32Array results). Matrices are [rows, cols]; weights are [in, out] as in MatMul.

/** a [m, inner] · b [inner, n] → [m, n]. */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, inner: number, n: number): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let t = 0; t < inner; t++) sum += a[i * inner + t]! * b[t * n + j]!;
      out[i * n + j] = sum;
    }
  }
  return out;
}

/** x [m, in] · w [in, out] + bias [out] → [m, out]; no bias when `bias` is undefined. */
export function linear(
  x: ArrayLike<number>,
  w: ArrayLike<number>,
  bias: ArrayLike<number> | undefined,
  m: number,
  inDim: number,
  outDim: number,
): Float32Array {
  const out = matMul(x, w, m, inDim, outDim);
  if (bias) {
    for (let i = 0; i < m; i++) for (let j = 0; j < outDim; j++) out[i * outDim + j]! += bias[j]!;
  }
  return out;
}
