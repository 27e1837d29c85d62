import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./providers/i18n";
import App from "./App";
import { ConfigMissing } from "./components/ConfigMissing";
import { isConfigured } from "./providers/supabaseClient";

createRoot(document.getElementById("root")!).render(<StrictMode>{isConfigured ? <App /> : <ConfigMissing />}</StrictMode>);
