import { SuggestionForm } from "./form";

export default function SuggestionsCreate() {
  return <SuggestionForm />;
}
