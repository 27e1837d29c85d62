import { DistributionProfileForm } from "./form";

export default function DistributionProfilesCreate() {
  return <DistributionProfileForm action="create" />;
}
