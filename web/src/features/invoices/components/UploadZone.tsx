// Drop or pick many files; each is sent on its own with its progress bar, and a refusal says why, per file.
import { useRef, useState } from "react";
import { describeError } from "../../../lib/api-client";
import { uploadInvoice } from "../api/invoices";

const accepted = ".pdf,.png,.jpg,.jpeg,.tif,.tiff,.xml,application/pdf,image/png,image/jpeg,image/tiff,application/xml,text/xml";
const maxBytes = 10 * 1024 * 1024;
/** Two at a time: enough to keep the line busy without starving the page's own requests. */
const parallel = 2;

interface Upload {
  key: number;
  name: string;
  size: number;
  progress: number;
  state: "waiting" | "sending" | "done" | "refused";
  message?: string;
  invoiceId?: string;
}

export function UploadZone({ onUploaded }: { onUploaded: (invoiceId: string) => void }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const start = (files: File[]) => {
    const jobs = files.map((file) => ({ file, key: ++counter.current }));
    setUploads((list) => [...jobs.map(({ file, key }) => ({ key, name: file.name, size: file.size, progress: 0, state: "waiting" as const })), ...list]);
    const queue = [...jobs];
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { file, key } = job;
        if (file.size > maxBytes) {
          patch(key, { state: "refused", message: "Fichier trop volumineux (10 Mo au plus)." });
          continue;
        }
        patch(key, { state: "sending" });
        try {
          const answer = await uploadInvoice(file, (fraction) => patch(key, { progress: fraction }));
          patch(key, { state: "done", progress: 1, invoiceId: answer.invoiceId });
          onUploaded(answer.invoiceId);
        } catch (e) {
          patch(key, { state: "refused", message: describeError(e) });
        }
      }
    };
    void Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  };

  return (
    <section className="card upload" aria-labelledby="upload-title">
      <h2 id="upload-title">Déposer des factures</h2>
      <div className={`dropzone${over ? " over" : ""}`} data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); start(Array.from(e.dataTransfer.files)); }}>
        <p>Glissez ici vos factures (PDF, PNG, JPEG, TIFF, Factur-X, UBL), ou</p>
        <button type="button" className="button button-primary" onClick={() => picker.current?.click()}>Choisir des fichiers</button>
        <input ref={picker} type="file" multiple accept={accepted} hidden data-testid="file-input" aria-label="Fichiers de factures"
          onChange={(e) => { start(Array.from(e.target.files ?? [])); e.target.value = ""; }} />
      </div>
      {uploads.length > 0 && (
        <ul className="uploads" aria-label="Dépôts">
          {uploads.map((u) => (
            <li key={u.key} className={`upload-item ${u.state}`} data-testid="upload-item">
              <span className="upload-name" title={u.name}>{u.name}</span>
              <progress max={1} value={u.progress} aria-label={`Envoi de ${u.name}`} />
              <span className="upload-state">
                {u.state === "waiting" ? "En attente" : u.state === "sending" ? `${Math.round(u.progress * 100)} %` : u.state === "done" ? "Déposée" : "Refusée"}
              </span>
              {u.message && <span className="upload-message" role="alert">{u.message}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
