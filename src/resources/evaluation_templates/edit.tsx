import { TemplateForm } from "./form";

export default function EvaluationTemplatesEdit() {
  return <TemplateForm action="edit" />;
}
