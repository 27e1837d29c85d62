// The production bundle, as a browser loads it: the JS and CSS the login page needs (the
// entry, the signed-out pages' shell and the login route's chunk, each with its static imports),
// then what opening the staff list adds on top (the app, its layout and the page's chunks not
// already loaded). Sizes are gzip.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";
import { repoRoot } from "../../supabase/local/config.ts";
import type { Stack } from "../../supabase/local/stack.ts";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSizes {
  loginKb: number;
  staffKb: number;
  loginFiles: number;
  staffFiles: number;
  totalKb: number;
}

/** Files a chunk loads before it runs: itself, its CSS and its static imports, recursively. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const dep of chunk.imports ?? []) closure(manifest, dep, into);
  return into;
}

function keyFor(manifest: Manifest, source: string): string {
  const key = Object.keys(manifest).find((k) => k === source || manifest[k]!.src === source);
  if (!key) throw new Error(`${source} is not a chunk of its own in the build (is the route still lazy?)`);
  return key;
}

/** Builds the app into `outDir` (against `stack`, so the bench can open it) and measures it. */
export async function measureBundle(stack: Stack, outDir: string): Promise<BundleSizes> {
  // Vite's dev server (used earlier to read the select strings) leaves NODE_ENV=development
  // behind, and build() keeps an existing value: measure the production bundle.
  process.env.NODE_ENV = "production";
  process.env.VITE_SUPABASE_URL = stack.apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  await build({ root: repoRoot, logLevel: "warn", build: { outDir, emptyOutDir: true, manifest: "manifest.json" } });
  const manifest = JSON.parse(readFileSync(path.join(outDir, "manifest.json"), "utf8")) as Manifest;
  const gz = (files: Iterable<string>) =>
    [...files].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(outDir, f))).length, 0) / 1024;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  // At /login the entry loads the signed-out pages on their own, then the sign-in page.
  const login = closure(manifest, entry);
  for (const source of ["src/SignedOutApp.tsx", "src/pages/auth/login.tsx"])
    closure(manifest, keyFor(manifest, source), login);
  // Signed in: the app (Refine, the resources), its layout and the staff list.
  const staff = new Set<string>();
  for (const source of ["src/App.tsx", "src/components/AppLayout.tsx", "src/resources/staff/list.tsx"]) {
    for (const file of closure(manifest, keyFor(manifest, source))) if (!login.has(file)) staff.add(file);
  }
  // Code and styles (the PDF's font slices are files too, fetched only for a PDF).
  const all = new Set(
    Object.values(manifest)
      .flatMap((c) => [c.file, ...(c.css ?? [])])
      .filter((f) => /\.(js|css)$/.test(f)),
  );
  return { loginKb: gz(login), staffKb: gz(staff), loginFiles: login.size, staffFiles: staff.size, totalKb: gz(all) };
}
