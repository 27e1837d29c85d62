import { MeetingForm } from "./form";

export default function MeetingsEdit() {
  return <MeetingForm action="edit" />;
}
