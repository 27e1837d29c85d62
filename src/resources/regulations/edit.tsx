import { RegulationForm } from "./form";

export default function RegulationsEdit() {
  return <RegulationForm action="edit" />;
}
