Deno.serve((req) => new Response(JSON.stringify({ ok: true, url: Deno.env.get("SUPABASE_URL") }), { headers: { "Content-Type": "application/json" } }));
