import { useState } from "react";

/** Copies text to the clipboard and says so where screen readers hear it. */
export function CopyButton({ text, label = "Copier", describedBy }: { text: string; label?: string; describedBy?: string }) {
  const [done, setDone] = useState<null | "ok" | "failed">(null);
  return (
    <button type="button" className="button button-small" aria-describedby={describedBy}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setDone("ok");
        } catch {
          setDone("failed");
        }
        setTimeout(() => setDone(null), 2000);
      }}>
      <span aria-live="polite">{done === "ok" ? "Copié" : done === "failed" ? "Copie impossible" : label}</span>
    </button>
  );
}
