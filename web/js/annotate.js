// Turns a stretch of article text plus overlapping spans (speaker/statement, quotes, sentences, entities) into
// nested DOM, without ever parsing the text as markup.
//
// Spans nest by extent; on equal extents the lower `rank` is outside. A span that crosses the end of the one it
// starts in is split there and continues as a second element marked `data-cont` (the DOM is a tree, spans are
// not). Every article text node is recorded with its offset so a UTF-16 range can be turned back into a DOM Range.

/**
 * @typedef {{start: number, end: number, rank: number, make: (continued: boolean) => Element}} Layer
 * @param {string} text  the whole article, exactly as analysed
 * @param {number} from  start of the stretch (UTF-16 code units)
 * @param {number} to    end of the stretch
 * @param {Layer[]} layers
 * @param {Array<[number, Text]>} [nodes]  receives [offset, text node] pairs in document order
 * @returns {DocumentFragment}
 */
export function annotate(text, from, to, layers, nodes = []) {
  const items = [];
  for (const layer of layers) {
    const start = Math.max(from, layer.start);
    const end = Math.min(to, layer.end);
    if (start < end) items.push({ ...layer, start, end, continued: false });
  }
  items.sort(order);

  const root = document.createDocumentFragment();
  const stack = [{ el: root, end: to }];
  let pos = from;
  const emit = (el, upTo) => {
    if (upTo > pos) {
      const node = document.createTextNode(text.slice(pos, upTo));
      nodes.push([pos, node]);
      el.append(node);
      pos = upTo;
    }
  };

  for (let i = 0; i < items.length; i++) {
    let item = items[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) {
      const top = stack.pop();
      emit(top.el, top.end);
    }
    const top = stack[stack.length - 1];
    emit(top.el, item.start);
    if (item.end > top.end) {
      // Crosses the end of its parent: keep the part inside, queue the rest in order.
      const rest = { ...item, start: top.end, continued: true };
      item = { ...item, end: top.end };
      let j = i + 1;
      while (j < items.length && order(items[j], rest) <= 0) j++;
      items.splice(j, 0, rest);
    }
    const el = item.make(item.continued);
    if (item.continued) el.dataset.cont = '';
    top.el.append(el);
    stack.push({ el, end: item.end });
  }
  while (stack.length) {
    const top = stack.pop();
    emit(top.el, top.end);
  }
  return root;
}

function order(a, b) {
  return a.start - b.start || b.end - a.end || a.rank - b.rank;
}

/** The DOM Range for [start, end) given the [offset, node] pairs recorded by annotate(), or null. */
export function rangeFor(nodes, start, end) {
  const find = (offset, preferNext) => {
    let lo = 0;
    let hi = nodes.length - 1;
    let hit = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (nodes[mid][0] <= offset) {
        hit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (hit < 0) return null;
    let [nodeStart, node] = nodes[hit];
    // An end offset that falls exactly on a node boundary belongs to the previous node.
    if (!preferNext && offset === nodeStart && hit > 0) [nodeStart, node] = nodes[hit - 1];
    const within = offset - nodeStart;
    if (within < 0 || within > node.length) return null;
    return [node, within];
  };
  const a = find(start, true);
  const b = find(end, false);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}
