// Component tests (happy-dom): the i18n instance is ready before any component renders.
import "../../src/providers/i18n";
