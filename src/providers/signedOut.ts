// Which addresses the signed-out pages answer on their own (without the app around them), and
// where signing in leads: back to the page that asked for it (`?to=`, a path on this site only),
// else the start page.

export const signedOutPaths = ["/login", "/forgot-password", "/update-password"];
export const signedOutHome = "/";

/** Called with the address to open once someone has signed in. */
export type SignedIn = (to: string) => void;

export function isSignedOutPath(pathname: string): boolean {
  return signedOutPaths.includes(pathname.replace(/\/+$/, "") || "/");
}

/** The page to return to after signing in: a path of this site (never another origin), else the start page. */
export function returnTo(to: string | null): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return signedOutHome;
  const url = new URL(to, "http://app.invalid");
  if (url.origin !== "http://app.invalid" || isSignedOutPath(url.pathname)) return signedOutHome;
  return `${url.pathname}${url.search}${url.hash}`;
}
