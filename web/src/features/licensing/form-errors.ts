import { ApiError, describeError } from "../../lib/api-client";

/** A refused form's message in French, each field the API named by its label on the page. */
export function errorText(error: unknown, labels: Record<string, string>): string {
  if (error instanceof ApiError && Object.keys(error.details).length > 0) {
    return `${error.message} ${Object.entries(error.details).map(([k, v]) => `${labels[k] ?? k} : ${v}`).join(" ; ")}`;
  }
  return describeError(error);
}
