// The only way the UI builds DOM: createElement, attributes and text nodes. Article text is data, so nothing
// here (or anywhere in web/) assigns innerHTML/outerHTML or calls insertAdjacentHTML/document.write.

/**
 * h('li', { class: 'x', dataset: { type: 'person' }, attrs: { 'aria-label': '…' }, on: { click } }, 'text', child)
 * Strings and numbers among the children become text nodes; null/undefined/false are skipped; arrays are flattened.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key === 'attrs') {
        for (const [name, v] of Object.entries(value)) if (v != null && v !== false) el.setAttribute(name, v === true ? '' : String(v));
      } else if (key === 'on') {
        for (const [type, handler] of Object.entries(value)) el.addEventListener(type, handler);
      } else if (key === 'text') el.textContent = String(value);
      else el[key] = value; // DOM properties: type, value, checked, hidden, disabled, id, title, htmlFor…
    }
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === 'string' || typeof child === 'number') parent.append(document.createTextNode(String(child)));
    else parent.append(child);
  }
  return parent;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Resolves on the next macrotask, letting the browser handle input and paint between slices of work. */
export function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * One Tab stop for a list of controls (a roving tabindex): the last one focused (at first the first) is in the
 * Tab order, the others are not; ArrowDown/ArrowUp, Home and End move among them. `items()` lists them in order,
 * asked again on every move, so that controls added later ("show more") join in. `row`: a bar read left to
 * right, where ArrowRight/ArrowLeft move too and the ends wrap round.
 */
export function roving(container, items, { row = false } = {}) {
  const settle = (current) => {
    for (const el of items()) el.tabIndex = el === current ? 0 : -1;
  };
  settle(items()[0]);
  container.addEventListener('focusin', (event) => {
    if (items().includes(event.target)) settle(event.target);
  });
  container.addEventListener('keydown', (event) => {
    const list = items();
    const i = list.indexOf(event.target);
    if (i < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const keys = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: list.length - 1 };
    if (row) Object.assign(keys, { ArrowRight: i + 1, ArrowLeft: i - 1 });
    let to = keys[event.key];
    if (to == null) return;
    if (row) to = (to + list.length) % list.length;
    else if (to < 0 || to >= list.length) return;
    event.preventDefault();
    list[to].focus();
  });
}
