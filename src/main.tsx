import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { i18nReady } from "./providers/i18n";
import App from "./App";
import { isConfigured } from "./providers/supabaseClient";

// Only a build without a Supabase URL and key needs this page: it is not part of the app's load.
const ConfigMissing = lazy(() => import("./components/ConfigMissing").then((m) => ({ default: m.ConfigMissing })));

await i18nReady;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    {isConfigured ? (
      <App />
    ) : (
      <Suspense fallback={null}>
        <ConfigMissing />
      </Suspense>
    )}
  </StrictMode>,
);
