import { PositionForm } from "./form";

export default function PositionsEdit() {
  return <PositionForm action="edit" />;
}
