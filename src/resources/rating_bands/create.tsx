import { RatingBandForm } from "./form";

export default function RatingBandsCreate() {
  return <RatingBandForm action="create" />;
}
