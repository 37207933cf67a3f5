/**
 * Terse field names of flow collectors, written as a whole header: nfdump's CSV output
 * ("sa", "da", "sp", "dp", "pr", "ibyt") and SiLK rwcut ("sIP", "dIP", "sTime"). They are
 * read only when they are the entire header, so "da" inside a Portuguese or Italian header
 * ("Data da compra") stays a preposition.
 */

/** Whole-header spellings (lower-case words joined by one space) and what they say. */
const TERSE_FIELDS: Readonly<Record<string, string>> = {
  sa: 'source address',
  da: 'destination address',
  sp: 'source port',
  dp: 'destination port',
  pr: 'protocol',
  ibyt: 'bytes',
  obyt: 'out bytes',
  ipkt: 'packets',
  opkt: 'out packets',
  td: 'duration',
  te: 'end time',
  flg: 'flags',
  's ip': 'source ip',
  'd ip': 'destination ip',
  's port': 'source port',
  'd port': 'destination port',
  's time': 'start time',
  'e time': 'end time',
};

/**
 * The words a terse whole-header field name stands for, or the words unchanged.
 * @example expandTerseHeader(['sa']) // ['source', 'address']
 */
export function expandTerseHeader(words: readonly string[]): readonly string[] {
  const expanded = TERSE_FIELDS[words.join(' ')];
  return expanded ? expanded.split(' ') : words;
}
