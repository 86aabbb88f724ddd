// Type-checked with `npx tsc --noEmit`: the web package (ES module with an
// async init that fetches gongwen_bg.wasm). Not run.
import init, { initSync, parse, tasks, type Parse, type TaskRow } from "../pkg/gongwen.js";

export async function demo(text: string): Promise<[Parse, TaskRow[]]> {
  await init();
  return [parse(text, { defaultYear: 2023 }), tasks(text)];
}

export async function fromUrl(url: URL): Promise<number> {
  await init({ module_or_path: url });
  return parse("").documents.length;
}

export function fromBytes(bytes: ArrayBuffer): number {
  initSync({ module: bytes });
  return parse("").diagnostics.length;
}
