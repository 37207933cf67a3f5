import { describe, expect, it } from 'vitest';
import { parseTextToolCalls } from '#agents/textToolCalls.ts';

const TOOLS = new Set(['field_mapping_tool', 'data_analysis_tool']);

describe('tool calls written as text by open models', () => {
  it('reads the Llama 4 python tag form with keyword literals', () => {
    const calls = parseTextToolCalls(
      '<|python_start|>[field_mapping_tool(action="query_field_mapping", headers=["Srv Name", \'IP\'], target=None)]<|python_end|>',
      TOOLS,
    );
    expect(calls).toEqual([
      {
        name: 'field_mapping_tool',
        arguments: { action: 'query_field_mapping', headers: ['Srv Name', 'IP'], target: null },
      },
    ]);
  });

  it('reads a bare pythonic list of several calls', () => {
    const calls = parseTextToolCalls(
      '[data_analysis_tool(headers=["a"]), data_analysis_tool(headers=["b"])]',
      TOOLS,
    );
    expect(calls.map((c) => c.arguments.headers)).toEqual([['a'], ['b']]);
  });

  it('reads a JSON object with name and parameters, also inside a code fence', () => {
    const calls = parseTextToolCalls(
      '```json\n{"name": "data_analysis_tool", "parameters": {"headers": ["x"]}}\n```',
      TOOLS,
    );
    expect(calls).toEqual([{ name: 'data_analysis_tool', arguments: { headers: ['x'] } }]);
  });

  it('ignores answers and unknown tools, and never evaluates expressions', () => {
    expect(parseTextToolCalls('{"mappings": []}', TOOLS)).toEqual([]);
    expect(parseTextToolCalls('[shell(cmd="rm -rf /")]', TOOLS)).toEqual([]);
    expect(parseTextToolCalls('[data_analysis_tool(headers=__import__("os").listdir("/"))]', TOOLS)).toEqual(
      [],
    );
    expect(parseTextToolCalls('The answer is 42.', TOOLS)).toEqual([]);
  });
});
