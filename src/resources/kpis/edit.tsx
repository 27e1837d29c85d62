import { KpiForm } from "./form";

export default function KpisEdit() {
  return <KpiForm action="edit" />;
}
