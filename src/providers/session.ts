// Whether this tab holds a session of its own (a recovery link's, or the signed-in person's):
// null while unknown. A read-only preview has none to change.
import { useEffect, useState } from "react";
import { previewSession, supabaseClient } from "./supabaseClient";

export function useHasSession(): boolean | null {
  const [hasSession, setHasSession] = useState<boolean | null>(previewSession ? false : null);
  useEffect(() => {
    if (previewSession) return;
    let active = true;
    void supabaseClient.auth.getSession().then(({ data }) => active && setHasSession(Boolean(data.session)));
    const { data } = supabaseClient.auth.onAuthStateChange((_event, session) => setHasSession(Boolean(session)));
    return () => {
      active = false;
      data.subscription.unsubscribe();
    };
  }, []);
  return hasSession;
}
