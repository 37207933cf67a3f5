/**
 * Open models (Llama 4 and others served behind OpenAI-compatible endpoints) sometimes put
 * tool calls in the message text instead of `tool_calls`: `<|python_start|>…<|python_end|>`,
 * a pythonic list `[func(a=1, b="x")]`, or a JSON object `{"name": …, "parameters": …}`.
 * This parses those forms into calls of known tools. Values are read as literals only
 * (strings, numbers, booleans, null, lists, objects): nothing is evaluated.
 */

/** A tool call found in message text. */
export interface TextToolCall {
  readonly name: string;
  readonly arguments: Record<string, unknown>;
}

/** Tool calls in `content` naming one of `toolNames`; empty when the text is no tool call. */
export function parseTextToolCalls(
  content: string | null | undefined,
  toolNames: ReadonlySet<string>,
): TextToolCall[] {
  if (!content) return [];
  let text = content.trim();
  const tagged = /<\|python_start\|>([\s\S]*?)(?:<\|python_end\|>|<\|eom\|>|<\|eot\|>|$)/.exec(text);
  if (tagged) text = (tagged[1] ?? '').trim();
  text = text
    .replace(/^```(?:json|python)?\s*/i, '')
    .replace(/\s*```$/, '')
    .trim();
  const calls = text.startsWith('{') || text.startsWith('[{') ? fromJson(text) : fromPythonic(text);
  return calls.filter((c) => toolNames.has(c.name));
}

function fromJson(text: string): TextToolCall[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const items = Array.isArray(parsed) ? parsed : [parsed];
  const calls: TextToolCall[] = [];
  for (const item of items) {
    if (!item || typeof item !== 'object') return [];
    const record = item as Record<string, unknown>;
    const fn = (record.function && typeof record.function === 'object' ? record.function : record) as Record<
      string,
      unknown
    >;
    const name = fn.name;
    let args = fn.parameters ?? fn.arguments ?? {};
    if (typeof args === 'string') {
      try {
        args = JSON.parse(args);
      } catch {
        return [];
      }
    }
    if (typeof name !== 'string' || !args || typeof args !== 'object' || Array.isArray(args)) return [];
    calls.push({ name, arguments: args as Record<string, unknown> });
  }
  return calls;
}

/** `[f(a=1), g(b="x")]` or `f(a=1)`. */
function fromPythonic(text: string): TextToolCall[] {
  const body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const reader = new LiteralReader(body);
  const calls: TextToolCall[] = [];
  try {
    while (!reader.done()) {
      const name = reader.identifier();
      reader.expect('(');
      const args: Record<string, unknown> = {};
      while (!reader.peek(')')) {
        const key = reader.identifier();
        reader.expect('=');
        args[key] = reader.value();
        if (!reader.peek(')')) reader.expect(',');
      }
      reader.expect(')');
      calls.push({ name, arguments: args });
      if (!reader.done()) reader.expect(',');
    }
  } catch {
    return [];
  }
  return calls;
}

class NotALiteralError extends Error {
  readonly code = 'not_a_literal';
  constructor(at: number) {
    super(`not a tool-call literal at ${at}`);
    this.name = 'NotALiteralError';
  }
}

/** A reader of Python/JSON literals; anything else is refused. */
class LiteralReader {
  private pos = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  done(): boolean {
    this.skip();
    return this.pos >= this.text.length;
  }

  peek(token: string): boolean {
    this.skip();
    return this.text.startsWith(token, this.pos);
  }

  expect(token: string): void {
    if (!this.peek(token)) throw new NotALiteralError(this.pos);
    this.pos += token.length;
  }

  identifier(): string {
    this.skip();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!match) throw new NotALiteralError(this.pos);
    this.pos += match[0].length;
    return match[0];
  }

  value(): unknown {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === '"' || ch === "'") return this.string(ch);
    if (ch === '[') return this.list('[', ']');
    if (ch === '(') return this.list('(', ')');
    if (ch === '{') return this.object();
    const match = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|True|False|None|true|false|null)/.exec(
      this.text.slice(this.pos),
    );
    if (!match) throw new NotALiteralError(this.pos);
    this.pos += (match[0] as string).length;
    const word = match[0] as string;
    if (word === 'True' || word === 'true') return true;
    if (word === 'False' || word === 'false') return false;
    if (word === 'None' || word === 'null') return null;
    return Number(word);
  }

  private string(quote: string): string {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++] as string;
      if (ch === quote) return out;
      if (ch === '\\') {
        const next = this.text[this.pos++] as string;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else out += ch;
    }
    throw new NotALiteralError(this.pos);
  }

  private list(open: string, close: string): unknown[] {
    this.expect(open);
    const items: unknown[] = [];
    while (!this.peek(close)) {
      items.push(this.value());
      if (!this.peek(close)) this.expect(',');
    }
    this.expect(close);
    return items;
  }

  private object(): Record<string, unknown> {
    this.expect('{');
    const out: Record<string, unknown> = {};
    while (!this.peek('}')) {
      this.skip();
      const ch = this.text[this.pos];
      const key = ch === '"' || ch === "'" ? this.string(ch) : this.identifier();
      this.expect(':');
      out[key] = this.value();
      if (!this.peek('}')) this.expect(',');
    }
    this.expect('}');
    return out;
  }
}
