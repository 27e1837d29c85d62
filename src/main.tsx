import { lazy, StrictMode, Suspense, useCallback, useState } from "react";
import { createRoot } from "react-dom/client";
import { i18nReady } from "./providers/i18n";
import { isSignedOutPath } from "./providers/signedOut";
import { isConfigured } from "./providers/supabaseClient";

// The signed-out pages load on their own, without Refine and the resources (a lighter first
// load at /login); the app loads when someone signs in, in place, or at any other address.
const App = lazy(() => import("./App"));
const SignedOutApp = lazy(() => import("./SignedOutApp"));
// Only a build without a Supabase URL and key needs this page: it is not part of the app's load.
const ConfigMissing = lazy(() => import("./components/ConfigMissing").then((m) => ({ default: m.ConfigMissing })));

function Root() {
  const [signedOut, setSignedOut] = useState(() => isSignedOutPath(window.location.pathname));
  const onSignedIn = useCallback((to: string) => {
    window.history.replaceState(null, "", to);
    setSignedOut(false);
  }, []);
  if (!isConfigured) return <ConfigMissing />;
  return signedOut ? <SignedOutApp onSignedIn={onSignedIn} /> : <App />;
}

await i18nReady;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <Root />
    </Suspense>
  </StrictMode>,
);
