// Signs a preview token: an ordinary Supabase access token for the previewed person, plus a
// `preview` claim naming the session. Its session_id is the preview's, which is no Auth
// session, and it comes with no refresh token: the Auth API refuses it (it cannot be
// refreshed, nor change the person's email or password), and the database's pre-request check makes every
// request with it read-only and refuses it once the session has ended or expired.
export interface PreviewClaims {
  sub: string;
  email: string;
  sessionId: string;
  viewerId: string;
  viewerName: string;
  issuer: string;
  expiresAt: number; // seconds since epoch
  issuedAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function previewPayload(c: PreviewClaims): Record<string, unknown> {
  return {
    aud: "authenticated",
    role: "authenticated",
    iss: c.issuer,
    sub: c.sub,
    email: c.email,
    iat: c.issuedAt,
    exp: c.expiresAt,
    aal: "aal1",
    amr: [{ method: "preview", timestamp: c.issuedAt }],
    app_metadata: {},
    user_metadata: {},
    is_anonymous: false,
    session_id: c.sessionId,
    preview: { session_id: c.sessionId, viewer_id: c.viewerId, viewer_name: c.viewerName },
  };
}

export async function signHs256(payload: Record<string, unknown>, secret: string): Promise<string> {
  const header = base64url(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${header}.${body}`)));
  return `${header}.${body}.${base64url(signature)}`;
}
