import { DefinitionForm } from "./form";

export default function CustomFieldDefinitionsEdit() {
  return <DefinitionForm action="edit" />;
}
