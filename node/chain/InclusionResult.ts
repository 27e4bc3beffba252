// Outcome labels of the inclusion challenge responder.

/** What happened to one challenge (the metrics counter's `result` label). */
export type InclusionResult = "answered" | "answered_by_other" | "unanswerable" | "missed" | "failed";
