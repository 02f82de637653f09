// The whole result, and a lean result's span text. A module of its own, without the wasm glue, so that the page's main
// thread (which renders what the worker analysed) can import it without loading the analyzer.

/**
 * The options that ask analyze() for the whole document, as the CLI writes it by default: by default it leaves
 * out the token and word lists and each span's copy of its text.
 */
export const FULL_RESULT = Object.freeze({ tokens: true, wordSpans: true, spanText: true });

/**
 * Gives every span of `result` (each object with a numeric start and end) its `text`, cut from `text`, the
 * string that was analysed; in place, and returns `result`. For a lean result whose reader wants span.text.
 * @template T
 * @param {T} result
 * @param {string} text
 * @returns {T}
 */
export function withSpanText(result, text) {
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) if (item && typeof item === 'object') visit(item);
    } else {
      if (typeof node.start === 'number' && typeof node.end === 'number') node.text = text.slice(node.start, node.end);
      for (const key in node) {
        const value = node[key];
        if (value && typeof value === 'object') visit(value);
      }
    }
  };
  if (result && typeof result === 'object') visit(result);
  return result;
}
