import { describe, expect, it } from "vitest";
import {
  cleanCustomFields,
  displayCustomValue,
  fieldOptions,
  mergeCustomFields,
  type FieldDefinition,
} from "./customFields";

const hobbies = {
  key: "hobbies",
  field_type: "multi_select",
  options: [
    { value: "music", label_en: "Music", label_es: "Música", label_zh: "音乐" },
    { value: "chess", label_en: "Chess", label_es: "Ajedrez", label_zh: "象棋", active: false },
  ],
} as unknown as FieldDefinition;

describe("custom field helpers", () => {
  it("drop empty values before saving", () => {
    expect(cleanCustomFields({ a: "", b: [], c: null, d: 0, e: false, f: ["x"] })).toEqual({
      d: 0,
      e: false,
      f: ["x"],
    });
  });
  it("on edit, keep retired fields' stored values and apply the form's changes", () => {
    expect(
      mergeCustomFields(
        { retired: "x", birthday: "1990-01-01", hobbies: ["music"] },
        { birthday: null, hobbies: ["chess"] },
      ),
    ).toEqual({ retired: "x", hobbies: ["chess"] });
  });
  it("offer only active options for new values", () => {
    expect(fieldOptions(hobbies).map((o) => o.value)).toEqual(["music"]);
    expect(fieldOptions(hobbies, true).map((o) => o.value)).toEqual(["music", "chess"]);
  });
  it("display stored values in the user's language, including retired options", () => {
    expect(displayCustomValue(hobbies, ["music", "chess"], "es", ["Sí", "No"])).toBe("Música, Ajedrez");
    expect(displayCustomValue({ field_type: "boolean" } as FieldDefinition, false, "en", ["Yes", "No"])).toBe("No");
    expect(displayCustomValue(hobbies, null, "en", ["Yes", "No"])).toBe("—");
  });
});
