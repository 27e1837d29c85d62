// Rules arranged the way people make them: HR writes one through create_regulation and moves
// it through transition_regulation (a second HR publishes), each move at the rule's current version.
import { randomUUID } from "node:crypto";
import { serviceClient, type Client } from "./clients.ts";

export interface RuleInput {
  title?: string;
  body?: string;
  bodyZh?: string;
  effective?: string | null;
  forAll?: boolean;
  positions?: string[];
}

export type RuleStatus = "draft" | "in_review" | "published" | "retired";

/** A category id, by code (the seed's "conduct" by default). */
export async function categoryId(code = "conduct"): Promise<string> {
  const { data, error } = await serviceClient().from("regulation_categories").select("id").eq("code", code).single();
  if (error) throw error;
  return data.id;
}

/** Writes a rule as `client` (a draft), coded `<prefix>-XXXXXX`. */
export async function writeRule(
  client: Client,
  category: string,
  input: RuleInput = {},
  prefix = "RB",
): Promise<{ id: string; code: string }> {
  const code = `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`;
  const { data, error } = await client.rpc("create_regulation", {
    p_code: code,
    p_category: category,
    p_title_en: input.title ?? `Rule ${code}`,
    p_body_en: input.body ?? "## Purpose\n\nKeep order.",
    p_body_zh: input.bodyZh ?? "",
    ...(input.effective === null ? {} : { p_effective_date: input.effective ?? "2026-01-01" }),
    p_applies_to_all: input.forAll ?? true,
    p_positions: input.positions ?? [],
  });
  if (error) throw new Error(error.message);
  return { id: data.id, code };
}

/** The rule's current version (what a move must name). */
export async function ruleVersion(id: string): Promise<number> {
  const { data, error } = await serviceClient().from("regulations").select("version").eq("id", id).single();
  if (error) throw error;
  return data.version;
}

/** Moves a rule as `client`, at its current version; the RPC's answer, error included. */
export async function moveRule(client: Client, id: string, to: RuleStatus) {
  return client.rpc("transition_regulation", { p_regulation: id, p_to: to, p_version: await ruleVersion(id) });
}
