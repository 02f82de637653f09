// The size of the wasm module's linear memory, for measuring (the JS API does not expose the module).
// Importing this file wraps WebAssembly.instantiate so that the instance the Emscripten loader creates is
// kept; import it before the module loads. Only this process is affected.
let instance = null;
const originalInstantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await originalInstantiate.apply(this, args);
  instance = result instanceof WebAssembly.Instance ? result : result.instance;
  return result;
};

/** Bytes of linear memory of the last module instantiated, or null before one is. */
export function wasmMemoryBytes() {
  if (!instance) return null;
  const memory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
  return memory ? memory.buffer.byteLength : null;
}
