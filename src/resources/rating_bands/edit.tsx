import { RatingBandForm } from "./form";

export default function RatingBandsEdit() {
  return <RatingBandForm action="edit" />;
}
