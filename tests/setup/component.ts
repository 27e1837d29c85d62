// Component tests (happy-dom): the i18n instance is ready (English loaded) before any component renders.
import { i18nReady } from "../../src/providers/i18n";

await i18nReady;
