// Page headings are real <h1> elements, so every page has one for screen readers.
export function PageTitle({ children }: { children: React.ReactNode }) {
  return <h1 style={{ fontSize: 20, margin: 0, fontWeight: 600 }}>{children}</h1>;
}
