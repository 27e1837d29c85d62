import { DistributionProfileForm } from "./form";

export default function DistributionProfilesEdit() {
  return <DistributionProfileForm action="edit" />;
}
