import { MeetingForm } from "./form";

export default function MeetingsCreate() {
  return <MeetingForm action="create" />;
}
