// The message under a form field, announced to screen readers.
export function fieldStatus(message: string | undefined): { validateStatus?: "error"; help?: string } {
  return message ? { validateStatus: "error", help: message } : {};
}
