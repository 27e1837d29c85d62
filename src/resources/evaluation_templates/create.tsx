import { TemplateForm } from "./form";

export default function EvaluationTemplatesCreate() {
  return <TemplateForm action="create" />;
}
