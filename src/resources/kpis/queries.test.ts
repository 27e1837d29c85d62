import { describe, expect, it } from "vitest";
import { kpiDefaults, kpiPayload } from "./queries";

const measures = [
  { code: "sales_amount", filters: ["tier", "product_line", "customer_status"] },
  { code: "visit_plan_compliance", filters: [] },
];

describe("kpiPayload", () => {
  it("keeps only the filters the chosen measure understands", () => {
    const out = kpiPayload(
      {
        ...kpiDefaults,
        code: "x",
        name_en: " Plan ",
        measure_code: "visit_plan_compliance",
        filter_tier_id: "t",
        filter_product_line_id: "p",
        filter_customer_status: "active",
      },
      measures,
      true,
    );
    expect(out).toMatchObject({
      name_en: "Plan",
      measure_code: "visit_plan_compliance",
      filter_tier_id: null,
      filter_product_line_id: null,
      filter_customer_status: null,
    });
  });

  it("sends a measured KPI's filters when the measure understands them", () => {
    const out = kpiPayload(
      { ...kpiDefaults, code: "x", name_en: "Sales", measure_code: "sales_amount", filter_tier_id: "t" },
      measures,
      true,
    );
    expect(out).toMatchObject({ measure_code: "sales_amount", filter_tier_id: "t", scale_max: null });
  });

  it("makes a qualitative KPI an entered score on a scale, whatever was chosen before", () => {
    const out = kpiPayload(
      {
        ...kpiDefaults,
        code: "x",
        name_en: "Conduct",
        kind: "qualitative",
        measure_code: "sales_amount",
        unit: "amount",
      },
      measures,
      true,
    );
    expect(out).toMatchObject({ measure_code: null, unit: "score", scale_max: 5, filter_tier_id: null });
  });

  it("never sends the code of a KPI being edited", () => {
    const out = kpiPayload({ ...kpiDefaults, code: "x", name_en: "Sales" }, measures, false);
    expect(out).not.toHaveProperty("code");
  });
});
