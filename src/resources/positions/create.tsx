import { PositionForm } from "./form";

export default function PositionsCreate() {
  return <PositionForm action="create" />;
}
