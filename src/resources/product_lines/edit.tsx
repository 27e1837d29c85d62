import { ProductLineForm } from "./form";

export default function ProductLinesEdit() {
  return <ProductLineForm action="edit" />;
}
