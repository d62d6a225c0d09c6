// Reads an attn-maps/v1 document from a stream of text or bytes a layer at a time: the JSON text of each
// element of "layers" is parsed, validated and decoded on its own, so no string ever holds the whole document.
import { AttentionError } from '../errors.ts';
import { assembleAttentionMaps, parseAttentionLayer, parseAttentionMapsHead } from './serialize.ts';
import type { AttentionLayer, AttentionMaps } from './types.ts';

const QUOTE = 34;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function notJson(reason: string): AttentionError {
  return new AttentionError('E_FORMAT', `attn-maps/v1: not a JSON document: ${reason}`);
}

/**
 * Splits the top-level object into its members as text, handing each element of its "layers" array to `onLayer`
 * as soon as it ends. Strings are skipped with indexOf, so long base64 payloads cost little to scan.
 */
class TopLevelSplitter {
  /** 'start' → '{'; 'key' → a key or '}'; 'colon'; 'value'; 'after' → ',' or '}'; 'layers' → '[' … ']'; 'end'. */
  private state: 'start' | 'key' | 'colon' | 'value' | 'after' | 'layers' | 'end' = 'start';
  private parts: string[] = [];
  private key = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A value is being read (its text collected). */
  private capturing = false;
  /** Text of a key or a value is being collected across pieces. */
  private collecting = false;
  private layersOpen = false;
  private layerCount = 0;
  readonly members: Record<string, unknown> = {};
  sawLayers = false;

  constructor(private readonly onLayer: (json: unknown, index: number) => void) {}

  push(text: string): void {
    let i = 0;
    let captureFrom = this.collecting ? 0 : -1;
    while (i < text.length) {
      if (this.inString) {
        const quote = text.indexOf('"', i);
        const backslash = text.indexOf('\\', i);
        if (this.escaped) {
          this.escaped = false;
          i += 1;
          continue;
        }
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          this.escaped = true;
          i = backslash + 1;
          continue;
        }
        if (quote === -1) break;
        this.inString = false;
        i = quote + 1;
        if (this.state === 'key') {
          this.key = JSON.parse(this.parts.join('') + text.slice(captureFrom, i)) as string;
          this.parts = [];
          this.collecting = false;
          captureFrom = -1;
          this.state = 'colon';
        }
        continue;
      }
      const code = text.charCodeAt(i);
      if (isSpace(code)) {
        i += 1;
        continue;
      }
      switch (this.state) {
        case 'start':
          if (code !== OPEN_BRACE) throw notJson('it does not start with "{"');
          this.depth = 1;
          this.state = 'key';
          i += 1;
          continue;
        case 'key':
          if (code === CLOSE_BRACE) {
            this.state = 'end';
            this.depth = 0;
            i += 1;
            continue;
          }
          if (code !== QUOTE) throw notJson(`expected a key at character ${i}`);
          this.inString = true;
          this.collecting = true;
          captureFrom = i;
          i += 1;
          continue;
        case 'colon':
          if (code !== COLON) throw notJson(`expected ":" after key ${JSON.stringify(this.key)}`);
          this.state = this.key === 'layers' ? 'layers' : 'value';
          if (this.key === 'layers') this.sawLayers = true;
          i += 1;
          continue;
        case 'end':
          throw notJson('text after the end of the document');
        default:
          break;
      }
      if (this.state === 'layers' && !this.layersOpen) {
        if (code !== OPEN_BRACKET) throw notJson('"layers" is not an array');
        this.layersOpen = true;
        this.depth = 2;
        i += 1;
        continue;
      }
      const memberDepth = this.state === 'layers' ? 2 : 1;
      if (!this.capturing) {
        if (this.state === 'after') {
          if (code === COMMA) this.state = 'key';
          else if (code === CLOSE_BRACE) this.state = 'end';
          else throw notJson(`expected "," or "}" after ${JSON.stringify(this.key)}`);
          i += 1;
          continue;
        }
        if (this.state === 'layers' && code === CLOSE_BRACKET) {
          this.layersOpen = false;
          this.depth = 1;
          this.state = 'after';
          i += 1;
          continue;
        }
        if (this.state === 'layers' && code === COMMA && this.layerCount > 0) {
          i += 1;
          continue;
        }
        this.capturing = true;
        this.collecting = true;
        captureFrom = i;
      }
      if (code === QUOTE) {
        this.inString = true;
      } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        this.depth += 1;
      } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && this.depth > memberDepth) {
        this.depth -= 1;
      } else if (this.depth === memberDepth && (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET)) {
        this.finishValue(this.parts.join('') + text.slice(captureFrom, i));
        captureFrom = -1;
        continue; // the ',' / '}' / ']' is read again, outside the value
      }
      i += 1;
    }
    if (captureFrom !== -1) this.parts.push(text.slice(captureFrom));
  }

  end(): void {
    if (this.state !== 'end') throw notJson('the document ends early');
  }

  private finishValue(text: string): void {
    this.parts = [];
    this.capturing = false;
    this.collecting = false;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw notJson(`${this.state === 'layers' ? `layers.${this.layerCount}` : JSON.stringify(this.key)}: ${(cause as Error).message}`);
    }
    if (this.state === 'layers') {
      this.onLayer(value, this.layerCount);
      this.layerCount += 1;
    } else {
      this.members[this.key] = value;
      this.state = 'after';
    }
  }
}

/**
 * Parses an attn-maps/v1 document from its text or UTF-8 bytes in pieces (a file or HTTP stream), validating
 * and decoding each layer as it ends, with the same checks and errors as parseAttentionMaps.
 */
export async function parseAttentionMapsStream(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): Promise<AttentionMaps> {
  const layers: AttentionLayer[] = [];
  const splitter = new TopLevelSplitter((json, index) => layers.push(parseAttentionLayer(json, index)));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) splitter.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    splitter.push(decoder.decode());
  } catch (cause) {
    if (cause instanceof TypeError) throw new AttentionError('E_FORMAT', 'attn-maps/v1: the document is not valid UTF-8', { cause });
    throw cause;
  }
  splitter.end();
  const head = parseAttentionMapsHead(splitter.members);
  if (!splitter.sawLayers) throw new AttentionError('E_FORMAT', 'attn-maps/v1: layers: Required');
  return assembleAttentionMaps(head, layers);
}
