import { statusLabels } from "../api/invoices";

const tone: Record<string, string> = {
  OCR_FAILED: "error", AI_FAILED: "error", PENDING_VALIDATION: "warn", OCR_COMPLETED: "warn", AI_COMPLETED: "warn",
  VALIDATED: "ok", EXPORTED: "done",
};

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status status-${tone[status] ?? "moving"}`} data-status={status}>{statusLabels[status] ?? status}</span>;
}
