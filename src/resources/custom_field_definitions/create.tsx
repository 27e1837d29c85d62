import { DefinitionForm } from "./form";

export default function CustomFieldDefinitionsCreate() {
  return <DefinitionForm action="create" />;
}
