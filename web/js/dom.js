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
