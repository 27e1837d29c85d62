import { ProfileForm } from "./form";

export default function ProfilesCreate() {
  return <ProfileForm action="create" />;
}
