import { ProfileForm } from "./form";

export default function ProfilesEdit() {
  return <ProfileForm action="edit" />;
}
