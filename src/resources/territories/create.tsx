import { TerritoryForm } from "./form";

export default function TerritoriesCreate() {
  return <TerritoryForm action="create" />;
}
