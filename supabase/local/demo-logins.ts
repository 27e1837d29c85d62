// The seeded demo logins (supabase/seed.sql creates them; README lists them).
export const demoLogins = [
  { role: "hr_admin", email: "hr@example.com", password: "demo-hr-2026" },
  { role: "manager", email: "manager@example.com", password: "demo-manager-2026" },
  { role: "auditor", email: "auditor@example.com", password: "demo-auditor-2026" },
  { role: "salesperson", email: "sales@example.com", password: "demo-sales-2026" },
] as const;
