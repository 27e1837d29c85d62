// The one supabase-js client of the app, typed with the generated Database types.
// Only the anon key ever reaches the browser; every read and write is checked by RLS.
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../types/database";

export const supabaseUrl: string = import.meta.env.VITE_SUPABASE_URL ?? "";
export const supabaseAnonKey: string = import.meta.env.VITE_SUPABASE_ANON_KEY ?? "";
export const isConfigured = Boolean(supabaseUrl && supabaseAnonKey);

export const supabaseClient = createClient<Database>(supabaseUrl || "http://127.0.0.1:54321", supabaseAnonKey || "missing", {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  db: { schema: "public" },
});
