// The one supabase-js client of the app, typed with the generated Database types.
// Only the anon key ever reaches the browser; every read and write is checked by RLS.
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../types/database";
import { activePreview } from "./preview";

export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL ?? "";
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY ?? "";
export const isConfigured = Boolean(supabaseUrl && supabaseAnonKey);

/** PostgREST's db-max-rows (supabase/config.toml [api] max_rows): the most rows one request returns. */
export const maxRowsPerRequest = 1000;

/** The preview this tab runs under (read-only, as another person), or null. */
export const previewSession = activePreview();

const previewToken = previewSession?.token;

// In a preview the client sends the preview token and has no Auth methods (supabase-js
// refuses auth.* with accessToken set): the viewer's own session is left alone.
export const supabaseClient = previewToken
  ? createClient<Database>(supabaseUrl || "http://127.0.0.1:54321", supabaseAnonKey || "missing", {
      accessToken: async () => previewToken,
      db: { schema: "public" },
    })
  : createClient<Database>(supabaseUrl || "http://127.0.0.1:54321", supabaseAnonKey || "missing", {
      auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
      db: { schema: "public" },
    });
