// The requests of a load run, built from the app's own GET /api/models: each model's examples explained (the valid
// part, about two thirds) and invalid requests every app must refuse with a 4xx, plus the model list and the page.

export interface LoadRequest {
  /** What the request is, for the report ("explain text-sentiment", "unknown field", …). */
  kind: string;
  path: string;
  init: RequestInit;
  /** The status it must get; anything else is counted as unexpected. */
  expected: number;
  /** A valid model run (its latency is reported apart). */
  explains: boolean;
}

interface ModelsBody {
  models: { id: string; examples: unknown[]; unavailable?: string }[];
}

const post = (body: string, contentType = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body,
});

/** Valid explains of up to three examples per available model, then one of each invalid request; repeated valid ones weigh 2:1. */
export function requestMix(models: ModelsBody['models']): LoadRequest[] {
  const available = models.filter((model) => !model.unavailable && model.examples.length > 0);
  if (available.length === 0) throw new Error('GET /api/models lists no available model with examples to explain');
  const valid: LoadRequest[] = available.flatMap((model) =>
    model.examples.slice(0, 3).map((input) => ({
      kind: `explain ${model.id}`,
      path: '/api/explain',
      init: post(JSON.stringify({ model: model.id, input })),
      expected: 200,
      explains: true,
    })),
  );
  const { id, examples } = available[0]!;
  const input = examples[0];
  const invalid = (kind: string, init: RequestInit, expected: number, path = '/api/explain'): LoadRequest => ({
    kind,
    path,
    init,
    expected,
    explains: false,
  });
  const others = [
    invalid('unknown field', post(JSON.stringify({ model: id, input, path: '/etc/passwd' })), 400),
    invalid('unknown model', post(JSON.stringify({ model: '../secret', input })), 404),
    invalid('input of the wrong type', post(JSON.stringify({ model: id, input: 42 })), 400),
    invalid('truncated JSON', post('{"input": '), 400),
    invalid('body over the cap', post(JSON.stringify({ model: id, input, pad: 'x'.repeat(100_000) })), 413),
    invalid('wrong content type', post(JSON.stringify({ model: id, input }), 'text/plain'), 415),
    invalid('model list', { method: 'GET' }, 200, '/api/models'),
    invalid('page', { method: 'GET' }, 200, '/'),
  ];
  const validShare = Math.max(1, Math.round((2 * others.length) / valid.length));
  return [...Array.from({ length: validShare }, () => valid).flat(), ...others];
}

/** The mix of the app at `url`. */
export async function fetchRequestMix(url: string): Promise<LoadRequest[]> {
  const response = await fetch(`${url}/api/models`);
  if (!response.ok) throw new Error(`GET /api/models answered ${response.status}`);
  return requestMix(((await response.json()) as ModelsBody).models);
}
