import type { Tables } from "../../types/database";

export type ProfileRow = Tables<"profiles">;
export type ProfileFormValues = Pick<ProfileRow, "full_name" | "preferred_locale" | "version">;

export const profileSelect = "id, email, full_name, preferred_locale, is_active, version, updated_at";
