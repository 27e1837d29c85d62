// Clients for Edge Functions: one acting as the caller (their token, so RLS and the
// matrix apply), and the service-role client, used only for the one privileged step.
import { createClient, type SupabaseClient } from "npm:@supabase/supabase-js@2.119.1";

const url = () => Deno.env.get("SUPABASE_URL")!;

export function callerClient(request: Request): SupabaseClient {
  return createClient(url(), Deno.env.get("SUPABASE_ANON_KEY")!, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { Authorization: request.headers.get("Authorization") ?? "" } },
  });
}

export function serviceClient(): SupabaseClient {
  return createClient(url(), Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
}

/** The signed-in caller, or null (401). */
export async function callerId(client: SupabaseClient): Promise<string | null> {
  const { data, error } = await client.auth.getUser();
  return error || !data.user ? null : data.user.id;
}

/** Asks the database whether the caller holds resource x action (the same matrix RLS uses). */
export async function callerCan(client: SupabaseClient, resource: string, action: string): Promise<boolean> {
  const { data, error } = await client.rpc("can", { p_resource: resource, p_action: action });
  return !error && data === true;
}
