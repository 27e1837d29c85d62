// "View as another person": the preview token lives in this tab's sessionStorage only. While
// it is there, the app's supabase client sends it instead of the person's own session (see
// supabaseClient.ts), so every list and count is the previewed person's, under their RLS;
// the database makes every such request read-only and refuses the token after 15 minutes
// or once the preview is ended. The viewer's own session stays untouched in localStorage.
export interface PreviewSession {
  token: string;
  /** Seconds since epoch. */
  expiresAt: number;
  sessionId: string;
  subject: { id: string; name: string; email: string };
}

const key = "panel.preview";
const endedKey = "panel.previewEnded";

function storage(): Storage | undefined {
  return typeof window === "undefined" ? undefined : window.sessionStorage;
}

export function isLive(session: PreviewSession, now = Date.now()): boolean {
  return session.expiresAt * 1000 > now;
}

/** The live preview of this tab, if any (an expired one is dropped). */
export function activePreview(): PreviewSession | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as PreviewSession;
    if (typeof session.token === "string" && isLive(session)) return session;
  } catch {
    // fall through: a damaged entry is dropped
  }
  storage()?.removeItem(key);
  return null;
}

/** Enters the preview: the next page load runs as the previewed person. */
export function enterPreview(session: PreviewSession): void {
  storage()?.setItem(key, JSON.stringify(session));
  window.location.assign("/");
}

/** Leaves the preview; the viewer's own session ends it in the database on the next load. */
export function exitPreview(landing = "/"): void {
  const session = activePreview();
  storage()?.removeItem(key);
  if (session) storage()?.setItem(endedKey, session.sessionId);
  window.location.assign(landing);
}

/** A preview left in this tab that the database has not been told about yet. */
export function takeEndedPreview(): string | null {
  const id = storage()?.getItem(endedKey) ?? null;
  if (id) storage()?.removeItem(endedKey);
  return id;
}

/** Minutes and seconds left, for the banner. */
export function timeLeft(session: PreviewSession, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor(session.expiresAt - now / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
