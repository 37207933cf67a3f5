/**
 * Splitting of glued lower-case words ("srcaddr", "vmid", "dnsname") into the
 * words the matcher knows. Tools that write JSON keys or log fields without
 * separators or case changes produce them; camel case and underscores are
 * handled earlier by the header normaliser.
 */

/** Two-letter words worth splitting off; other short fragments are too ambiguous. */
const SHORT_WORDS = new Set(['id', 'ip', 'os', 'vm', 'db', 'dc', 'ha']);

/**
 * Split an unknown word into two known words, or return undefined.
 * Prefers the longest known first part ("hostgroup" -> host + group).
 * @example splitGluedWord('srcaddr', new Set(['src', 'addr'])) // ['src', 'addr']
 */
export function splitGluedWord(word: string, known: ReadonlySet<string>): [string, string] | undefined {
  if (word.length < 4 || known.has(word) || !/^[a-z]+$/.test(word)) return undefined;
  const usable = (part: string) => (part.length >= 3 || SHORT_WORDS.has(part)) && known.has(part);
  for (let cut = word.length - 2; cut >= 2; cut--) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (usable(head) && usable(tail)) return [head, tail];
  }
  return undefined;
}
