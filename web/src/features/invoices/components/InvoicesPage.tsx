// /app/ — the tenant's invoices: counts by status, filters, search by number, uploads, and live states.
import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { Pagination } from "../../../components/Pagination";
import { formatDate } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { invoiceStates, listInvoices, movingStatuses, statusLabels, statuses, type InvoiceFilter } from "../api/invoices";
import { StatusBadge } from "./StatusBadge";
import { UploadZone } from "./UploadZone";
import "../workspace.css";

const filterNames = ["status", "supplier", "from", "to", "minAmount", "maxAmount", "number"] as const;
const pollMs = 1000;

function formatMoney(amount: string | null | undefined, currency: string | null | undefined) {
  if (!amount) return "—";
  return Number(amount).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " " + (currency ?? "EUR");
}

export function InvoicesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filter: InvoiceFilter = { page: Number(params.get("page") ?? "1") || 1, pageSize: 50 };
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  const key = params.toString();
  const list = useApi((signal) => listInvoices(filter, signal), [key]);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(filterNames.map((n) => [n, params.get(n) ?? ""])));
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const uploaded = useRef<Set<string>>(new Set());
  const [uploadTick, setUploadTick] = useState(0);

  useEffect(() => {
    if (list.data) setCounts(list.data.counts as Record<string, number>);
  }, [list.data]);

  // Live states: while an invoice on screen (or one just uploaded) is still moving, ask for the states of those
  // only; when one changes, the page is read again.
  const shown = list.data?.invoices ?? [];
  const moving = [...new Set([...shown.filter((i) => movingStatuses.has(i.status)).map((i) => i.id), ...uploaded.current])];
  const movingKey = moving.join(",");
  const reload = list.reload;
  useEffect(() => {
    if (moving.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const answer = await invoiceStates(moving.slice(0, 100), controller.signal);
        setCounts(answer.counts as Record<string, number>);
        const known = new Map(shown.map((i) => [i.id, i.status]));
        const changed = answer.invoices.some((s) => known.get(s.id) !== s.status);
        for (const s of answer.invoices) if (!movingStatuses.has(s.status)) uploaded.current.delete(s.id);
        if (changed) reload();
        else setUploadTick((n) => n + 1);
      } catch {
        if (!controller.signal.aborted) setUploadTick((n) => n + 1);
      }
    }, pollMs);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [movingKey, list.data, uploadTick]);

  const onUploaded = useCallback((id: string) => {
    uploaded.current.add(id);
    reload();
  }, [reload]);

  const apply = (change: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(change)) if (value) next.set(name, value);
    setParams(next);
  };

  return (
    <section aria-labelledby="invoices-title">
      <h1 id="invoices-title">Factures</h1>
      <div className="counts" role="group" aria-label="Factures par statut">
        {statuses.map((s) => (
          <button key={s} type="button" className={`count${params.get("status") === s ? " active" : ""}`} data-testid={`count-${s}`}
            aria-pressed={params.get("status") === s}
            onClick={() => { const next = { ...draft, status: params.get("status") === s ? "" : s }; setDraft(next); apply(next); }}>
            <span className="count-value">{counts ? (counts[s] ?? 0).toLocaleString("fr-FR") : "…"}</span>
            <span className="count-label">{statusLabels[s]}</span>
          </button>
        ))}
      </div>
      <UploadZone onUploaded={onUploaded} />
      <form className="filters card" aria-label="Filtres" onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
        <label className="field">N° de facture
          <input type="search" value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} placeholder="FAC-2024" />
        </label>
        <label className="field">Fournisseur
          <input value={draft.supplier} onChange={(e) => setDraft({ ...draft, supplier: e.target.value })} />
        </label>
        <label className="field">Statut
          <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
            <option value="">Tous</option>
            {statuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
          </select>
        </label>
        <label className="field">Du
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field">Au
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label className="field">TTC min
          <input inputMode="decimal" size={8} value={draft.minAmount} onChange={(e) => setDraft({ ...draft, minAmount: e.target.value.replace(",", ".") })} />
        </label>
        <label className="field">TTC max
          <input inputMode="decimal" size={8} value={draft.maxAmount} onChange={(e) => setDraft({ ...draft, maxAmount: e.target.value.replace(",", ".") })} />
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary">Filtrer</button>
          <button type="button" className="button button-quiet"
            onClick={() => { const empty = Object.fromEntries(filterNames.map((n) => [n, ""])); setDraft(empty); apply(empty); }}>
            Effacer
          </button>
        </div>
      </form>
      {list.error !== undefined && list.error !== null ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Chargement des factures…" />
      ) : list.data.invoices.length === 0 ? (
        <EmptyState>{key ? "Aucune facture ne correspond à ces filtres." : "Aucune facture pour l'instant : déposez-en ci-dessus."}</EmptyState>
      ) : (
        <>
          <div className="table-wrap card">
            <table className="invoice-table" aria-label="Factures">
              <thead>
                <tr>
                  <th scope="col">Statut</th>
                  <th scope="col">N°</th>
                  <th scope="col">Fournisseur</th>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">TTC</th>
                  <th scope="col">Fichier</th>
                </tr>
              </thead>
              <tbody>
                {list.data.invoices.map((i) => (
                  <tr key={i.id} data-testid="invoice-row" data-id={i.id} data-status={i.status} className="clickable"
                    onClick={() => navigate(`/app/invoices/${i.id}`)}>
                    <td><StatusBadge status={i.status} />{i.status === "OCR_FAILED" && i.errorMessage && <div className="row-error">{i.errorMessage}</div>}</td>
                    <td><Link to={`/app/invoices/${i.id}`} onClick={(e) => e.stopPropagation()}>{i.invoiceNumber ?? "(sans numéro)"}</Link></td>
                    <td>{i.supplierName ?? "—"}</td>
                    <td>{formatDate(i.invoiceDate)}</td>
                    <td className="num">{formatMoney(i.amountTTC, i.currency)}</td>
                    <td className="file-name" title={i.fileName}>{i.fileName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={Number(list.data.page)} pageSize={Number(list.data.pageSize)} total={Number(list.data.total)}
            onPage={(page) => { const next = new URLSearchParams(params); next.set("page", String(page)); setParams(next); }} />
        </>
      )}
    </section>
  );
}
