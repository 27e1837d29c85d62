import { CategoryForm } from "./form";

export default function RegulationCategoriesEdit() {
  return <CategoryForm action="edit" />;
}
