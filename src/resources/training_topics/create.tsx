import { TrainingTopicForm } from "./form";

export default function TrainingTopicsCreate() {
  return <TrainingTopicForm action="create" />;
}
