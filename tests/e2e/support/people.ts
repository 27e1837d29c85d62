// Data a browser test makes for itself (never the demo seed's names): a position, territories,
// people with or without a login, and a manager responsible for a region of their own.
import { randomUUID } from "node:crypto";
import { createTestUser, serviceClient, type TestUser } from "../../support/clients.ts";
import { moveRule, writeRule, type RuleInput } from "../../support/rules.ts";

const admin = () => serviceClient();
const tag = () => randomUUID().slice(0, 6).toUpperCase();

export interface Territory {
  id: string;
  code: string;
  name: string;
}

export interface Position {
  id: string;
  code: string;
  title: string;
}

/** A position of the test's own (`sales`: its people are salespeople, placed in territories). */
export async function newPosition({ sales = false } = {}): Promise<Position> {
  const code = `pos_${tag().toLowerCase()}`;
  const title = `Position ${code}`;
  const { data, error } = await admin()
    .from("positions")
    .insert({
      code,
      title_en: title,
      title_es: `Puesto ${code}`,
      title_zh: `职位 ${code}`,
      default_role_code: sales ? "salesperson" : null,
    })
    .select("id")
    .single();
  if (error) throw error;
  return { id: data.id, code, title };
}

export async function newTerritory(
  name: string,
  managerId: string | null = null,
  parentId: string | null = null,
): Promise<Territory> {
  const code = `T-${tag()}`;
  const { data, error } = await admin()
    .from("territories")
    .insert({ code, name: `${name} ${code}`, manager_id: managerId, parent_id: parentId })
    .select("id, code, name")
    .single();
  if (error) throw error;
  return data;
}

/** A staff record (with the login's name and e-mail when it has one). */
export async function newStaff(
  person: { fullName: string; email: string; id?: string },
  territoryId: string | null = null,
  positionId?: string,
): Promise<string> {
  const { data, error } = await admin()
    .from("staff")
    .insert({
      full_name: person.fullName,
      email: person.email,
      position_id: positionId ?? (await newPosition()).id,
      territory_id: territoryId,
      user_id: person.id ?? null,
    })
    .select("id")
    .single();
  if (error) throw error;
  return data.id;
}

export interface Person extends TestUser {
  staffId: string;
}

/** A login holding these roles, with a staff record of its own. */
export async function personWithLogin(roles: string[], territoryId: string | null = null): Promise<Person> {
  const user = await createTestUser(roles, { fullName: `Test ${roles.join("+")} ${tag()}` });
  return { ...user, staffId: await newStaff(user, territoryId) };
}

/** A manager responsible for a region of their own; a territory outside it with a person placed there. */
export async function managerWithRegion() {
  const manager = await personWithLogin(["manager"]);
  const region = await newTerritory("Region", manager.staffId);
  const outside = await newTerritory("Elsewhere");
  const outsider = { fullName: `Outsider ${tag()}`, email: `outsider-${tag().toLowerCase()}@test.example.com` };
  const outsiderId = await newStaff(outsider, outside.id);
  return { manager, region, outside, outsider: { id: outsiderId, ...outsider } };
}

/** Two optional staff fields of the test's own: a date and a multi-select (reading, music). Remove them after. */
export async function newStaffFields() {
  const t = tag().toLowerCase();
  const fields = { date: `bd_${t}`, choice: `hb_${t}` };
  const option = (value: string) => ({ value, label_en: value, label_es: value, label_zh: value, active: true });
  const { error } = await admin()
    .from("custom_field_definitions")
    .insert([
      { resource: "staff", key: fields.date, label_en: `Birthday ${t}`, field_type: "date", options: [] },
      {
        resource: "staff",
        key: fields.choice,
        label_en: `Hobbies ${t}`,
        field_type: "multi_select",
        options: [option("reading"), option("music")],
      },
    ]);
  if (error) throw error;
  return {
    ...fields,
    remove: async () => {
      await admin().from("custom_field_definitions").delete().in("key", [fields.date, fields.choice]);
    },
  };
}

/** A rule category of the test's own (code and English label). */
export async function newCategory(): Promise<{ id: string; label: string }> {
  const code = `cat_${tag().toLowerCase()}`;
  const label = `Category ${code}`;
  const { data, error } = await admin()
    .from("regulation_categories")
    .insert({ code, label_en: label, label_es: `Categoría ${code}`, label_zh: `类别 ${code}` })
    .select("id")
    .single();
  if (error) throw error;
  return { id: data.id, label };
}

/** A rule of the test's own, written by one HR person and published by a second (who may). */
export async function publishedRule(input: RuleInput) {
  const [writer, publisher] = [await createTestUser(["hr_admin"]), await createTestUser(["hr_admin"])];
  const rule = await writeRule(writer.client, (await newCategory()).id, input, "E2E");
  for (const [who, to] of [
    [writer, "in_review"],
    [publisher, "published"],
  ] as const) {
    const { error } = await moveRule(who.client, rule.id, to);
    if (error) throw error;
  }
  return { ...rule, writer };
}
