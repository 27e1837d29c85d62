import { ProductLineForm } from "./form";

export default function ProductLinesCreate() {
  return <ProductLineForm action="create" />;
}
