import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal confirmation on the native dialog element: focus moves into it and stays there, Échap closes it,
 * focus returns to the button that opened it.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onClose }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}>
        <h2 id="dialog-title">{title}</h2>
        {children}
        <div className="actions dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>Annuler</button>
          <button type="submit" className={danger ? "button button-danger" : "button button-primary"} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
