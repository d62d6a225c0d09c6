// The one list of Attention Atlas apps the landing page and the navigation show: each app's name, port,
// path and what it shows in one line; the three domain apps name the domain whose attention they draw.

export interface AtlasApp {
  id: string;
  name: string;
  /** The port it serves on under `pnpm dev`. */
  port: number;
  /** Its path on that port. */
  path: string;
  /** What it shows, in one line. */
  description: string;
  /** The domain of the models it runs (its landing card shows that domain's attention); absent for the atlas' own pages. */
  domain?: string;
}

/** The atlas' own port (`next dev --port 3004`). */
export const ATLAS_PORT = 3004;

export const ATLAS_APPS: readonly AtlasApp[] = [
  {
    id: 'text-classification',
    name: 'Text classification',
    port: 3001,
    path: '/',
    description: 'Sentiment and spam: the prediction, token heat, the head view and the layer × head grid.',
    domain: 'text',
  },
  {
    id: 'image-attention',
    name: 'Image attention',
    port: 3002,
    path: '/',
    description: 'Digits, plain and in clutter: [CLS] → patch overlays per layer and head, rollout and flow, the pointing game.',
    domain: 'image',
  },
  {
    id: 'recommendation',
    name: 'Recommendation',
    port: 3003,
    path: '/',
    description: 'MovieLens: the top 10 for a history, and each watched movie’s attention beside the effect of removing it.',
    domain: 'recsys',
  },
  {
    id: 'compare',
    name: 'Compare domains',
    port: ATLAS_PORT,
    path: '/compare',
    description: 'Text, image and recommendation attention side by side.',
  },
  {
    id: 'open',
    name: 'Open a file',
    port: ATLAS_PORT,
    path: '/open',
    description: 'Any attn-maps/v1 JSON (attn extract, attn explain --json, an app’s export) in the head view, grid and heatmap.',
  },
  {
    id: 'playground',
    name: 'Formula playground',
    port: ATLAS_PORT,
    path: '/playground',
    description: 'The source article’s attention, editable: embeddings, W_a, scores, linear and softmax weights.',
  },
];

/** Whether the app is one of the atlas' own pages (served here) rather than another app. */
export function isAtlasPage(app: AtlasApp): boolean {
  return app.port === ATLAS_PORT;
}

/** The link to an app: a path for the atlas' own pages, http://localhost:<port><path> for the others. */
export function appHref(app: AtlasApp): string {
  return isAtlasPage(app) ? app.path : `http://localhost:${app.port}${app.path === '/' ? '' : app.path}`;
}
