// In the serial project: a required field is shared by everyone. While it exists, every territory
// written anywhere must carry it, so a database test beside it that adds a territory would be refused.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestUser, serviceClient, type TestUser } from "../support/clients.ts";

const admin = () => serviceClient();
const short = () => randomUUID().slice(0, 6);
let hr: TestUser;

beforeAll(async () => {
  hr = await createTestUser(["hr_admin"]);
});

describe("custom fields are validated by the database", () => {
  it("a required field refuses a missing value and takes a given one", async () => {
    const required = `req_${short()}`;
    await admin().from("custom_field_definitions").insert({
      resource: "territories",
      key: required,
      label_en: "Required thing",
      field_type: "text",
      required: true,
    });
    try {
      const { error } = await hr.client
        .from("territories")
        .insert({ code: `C-${short().toUpperCase()}`, name: "Missing" })
        .select();
      expect(error?.details).toBe("custom_field_required");
      expect(error?.message).toBe('"Required thing" is required.');
      const ok = await hr.client
        .from("territories")
        .insert({ code: `C-${short().toUpperCase()}`, name: "Given", custom_fields: { [required]: "yes" } })
        .select("custom_fields")
        .single();
      expect(ok.error).toBeNull();
      expect(ok.data?.custom_fields).toMatchObject({ [required]: "yes" });
    } finally {
      await admin().from("custom_field_definitions").delete().eq("key", required);
    }
  });
});
