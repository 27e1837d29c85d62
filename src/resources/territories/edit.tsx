import { TerritoryForm } from "./form";

export default function TerritoriesEdit() {
  return <TerritoryForm action="edit" />;
}
