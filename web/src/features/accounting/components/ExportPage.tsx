// /app/export — a period and a format, the validated invoices it will take, the export, and earlier batches.
import { useState } from "react";
import { Link } from "react-router";
import { describeError, download } from "../../../lib/api-client";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { Pagination } from "../../../components/Pagination";
import { formatDate, formatDateTime } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { exportFilePath, listExportBatches, runExport, validatedInvoices, type ExportResponse } from "../api/exports";
import "../accounting.css";

type Format = "sage" | "fec";

function monthBounds() {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

async function saveFile(url: string, fallbackName: string) {
  const path = exportFilePath(url);
  // SelfHost: a route of this API, read with the session; Azure: a signed link opened as is.
  if (path.startsWith("/api/")) await download(path, fallbackName);
  else window.location.assign(url);
}

export function ExportPage() {
  const [period, setPeriod] = useState(monthBounds);
  const [format, setFormat] = useState<Format>("sage");
  const [batchPage, setBatchPage] = useState(1);
  const [result, setResult] = useState<ExportResponse | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const periodValid = period.from !== "" && period.to !== "" && period.from <= period.to;

  const preview = useApi(
    (signal) => periodValid
      ? validatedInvoices(period.from, period.to, signal)
      : Promise.resolve(null),
    [period.from, period.to],
  );
  const batches = useApi((signal) => listExportBatches(batchPage, signal), [batchPage]);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const answer = await runExport(period.from, period.to);
      setResult(answer);
      preview.reload();
      batches.reload();
      if (Number(answer.count) > 0) await saveFile(format === "sage" ? answer.sage_url : answer.fec_url, `export-${format}.txt`);
    } catch (e) {
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const waiting = preview.data?.invoices ?? [];
  return (
    <section aria-labelledby="export-title">
      <h1 id="export-title">Export comptable</h1>
      <form className="filters card" aria-label="Période et format" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label className="field">Du
          <input type="date" required value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label className="field">Au
          <input type="date" required value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
        </label>
        <fieldset className="field formats">
          <legend>Format</legend>
          <div className="format-choices">
            <label><input type="radio" name="format" value="sage" checked={format === "sage"} onChange={() => setFormat("sage")} /> Sage</label>
            <label><input type="radio" name="format" value="fec" checked={format === "fec"} onChange={() => setFormat("fec")} /> FEC</label>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={!periodValid || running || waiting.length === 0}>
            {running ? "Export en cours…" : `Exporter ${waiting.length} facture${waiting.length > 1 ? "s" : ""}`}
          </button>
        </div>
        {!periodValid && <p className="field-problem">La date de fin doit suivre la date de début.</p>}
      </form>
      {error !== null && <div className="notice notice-error" role="alert">{describeError(error)}</div>}
      {result && (
        <div className="notice success" role="status" data-testid="export-result">
          {Number(result.count) > 0
            ? `${result.count} facture${Number(result.count) > 1 ? "s" : ""} exportée${Number(result.count) > 1 ? "s" : ""} (${result.lines} lignes), du ${formatDate(result.from)} au ${formatDate(result.to)}.`
            : "Aucune facture à exporter sur cette période."}
          {result.skipped.length > 0 && <ul>{result.skipped.map((s) => <li key={s}>Écartée : {s}</li>)}</ul>}
          {result.warnings.length > 0 && <ul>{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul>}
          {Number(result.count) > 0 && (
            <div className="actions">
              <button type="button" className="button" onClick={() => void saveFile(result.sage_url, "export-sage.txt")}>Télécharger Sage</button>
              <button type="button" className="button" onClick={() => void saveFile(result.fec_url, "export-fec.txt")}>Télécharger FEC</button>
            </div>
          )}
        </div>
      )}
      <h2>Factures validées de la période</h2>
      {preview.error ? <ErrorState error={preview.error} onRetry={preview.reload} />
        : preview.loading && !preview.data ? <Loading />
        : waiting.length === 0 ? <EmptyState>Aucune facture validée en attente d'export sur cette période.</EmptyState>
        : (
          <div className="table-wrap card">
            <table aria-label="Factures à exporter">
              <thead><tr><th scope="col">N°</th><th scope="col">Fournisseur</th><th scope="col">Date</th><th scope="col" className="num">TTC</th></tr></thead>
              <tbody>
                {waiting.map((i) => (
                  <tr key={i.id} data-testid="export-preview-row">
                    <td><Link to={`/app/invoices/${i.id}`}>{i.invoiceNumber ?? "(sans numéro)"}</Link></td>
                    <td>{i.supplierName ?? "—"}</td>
                    <td>{formatDate(i.invoiceDate)}</td>
                    <td className="num">{i.amountTTC ? Number(i.amountTTC).toLocaleString("fr-FR", { minimumFractionDigits: 2 }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {Number(preview.data?.total ?? 0) > waiting.length && <p className="muted">Et {Number(preview.data!.total) - waiting.length} autres.</p>}
          </div>
        )}
      <h2>Exports précédents</h2>
      {batches.error ? <ErrorState error={batches.error} onRetry={batches.reload} />
        : !batches.data ? <Loading />
        : batches.data.batches.length === 0 ? <EmptyState>Aucun export pour l'instant.</EmptyState>
        : (
          <>
            <div className="table-wrap card">
              <table aria-label="Exports précédents">
                <thead><tr><th scope="col">Créé le</th><th scope="col">Période</th><th scope="col" className="num">Factures</th><th scope="col" className="num">Lignes</th><th scope="col">Fichiers</th></tr></thead>
                <tbody>
                  {batches.data.batches.map((b) => (
                    <tr key={b.batch_id} data-testid="export-batch-row">
                      <td>{formatDateTime(b.created_at)}</td>
                      <td>{formatDate(b.from)} – {formatDate(b.to)}</td>
                      <td className="num">{b.count}</td>
                      <td className="num">{b.lines}</td>
                      <td>
                        <div className="actions">
                          <button type="button" className="button" onClick={() => void saveFile(b.sage_url, "export-sage.txt")}>Fichier Sage</button>
                          <button type="button" className="button" onClick={() => void saveFile(b.fec_url, "export-fec.txt")}>Fichier FEC</button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={Number(batches.data.page)} pageSize={Number(batches.data.page_size)} total={Number(batches.data.total)} onPage={setBatchPage} />
          </>
        )}
    </section>
  );
}
