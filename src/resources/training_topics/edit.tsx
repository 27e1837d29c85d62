import { TrainingTopicForm } from "./form";

export default function TrainingTopicsEdit() {
  return <TrainingTopicForm action="edit" />;
}
