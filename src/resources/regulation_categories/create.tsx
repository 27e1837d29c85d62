import { CategoryForm } from "./form";

export default function RegulationCategoriesCreate() {
  return <CategoryForm action="create" />;
}
