// CORS headers for functions called from the browser (the gateway adds them locally too).
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "authorization, x-client-info, apikey, content-type, x-supabase-api-version",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
};

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, "Content-Type": "application/json" },
  });
}

/** 401 = not signed in, 403 = not allowed, 400/409/422 = bad input, each with a stable code. */
export function problem(status: number, code: string, message: string): Response {
  return json(status, { code, message });
}
