import { RegulationForm } from "./form";

export default function RegulationsCreate() {
  return <RegulationForm action="create" />;
}
