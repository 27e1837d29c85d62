import { KpiForm } from "./form";

export default function KpisCreate() {
  return <KpiForm action="create" />;
}
