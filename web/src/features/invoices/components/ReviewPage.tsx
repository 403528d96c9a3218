// /app/invoices/:id — the document beside its fields: confidences, checks as one types, entries, Validate, Retry.
// Keyboard: Entrée accepts a field and goes to the next; Ctrl+Entrée validates; Alt+N opens the next invoice to review.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, describeError } from "../../../lib/api-client";
import { ErrorState, Loading } from "../../../components/PageStates";
import { formatDateTime } from "../../../lib/format";
import {
  getInvoice, listInvoices, retryInvoice, retryableStatuses, reviewStatuses, statusLabels, validateInvoice, movingStatuses,
  type InvoiceDetail,
} from "../api/invoices";
import {
  amountForApi, checkAmount, checkDate, checkDueDate, checkSiren, checkSiret, checkTotals, checkVatNumber, dayOf, parseAmount,
} from "../field-checks";
import { DocumentViewer, type Highlight, type PageBox } from "./DocumentViewer";
import { EntriesEditor, entryTotals, followAmounts, type EntryDraft } from "./EntriesEditor";
import { StatusBadge } from "./StatusBadge";
import "../workspace.css";

type FieldKind = "text" | "amount" | "date" | "rate";
interface FieldSpec { key: string; label: string; kind: FieldKind }

const fieldSpecs: FieldSpec[] = [
  { key: "supplierName", label: "Fournisseur", kind: "text" },
  { key: "supplierVAT", label: "N° TVA fournisseur", kind: "text" },
  { key: "supplierSiren", label: "SIREN", kind: "text" },
  { key: "supplierSiret", label: "SIRET", kind: "text" },
  { key: "invoiceNumber", label: "N° de facture", kind: "text" },
  { key: "invoiceDate", label: "Date de facture", kind: "date" },
  { key: "dueDate", label: "Échéance", kind: "date" },
  { key: "amountHT", label: "Montant HT", kind: "amount" },
  { key: "tvaRate", label: "Taux de TVA (%)", kind: "rate" },
  { key: "amountTVA", label: "Montant TVA", kind: "amount" },
  { key: "amountTTC", label: "Montant TTC", kind: "amount" },
  { key: "currency", label: "Devise", kind: "text" },
];

/** Engines that read an e-invoice's XML rather than its page (Factur-X, UBL, CII): no field has a position. */
const structuredEngines = new Set(["facturx", "ubl", "cii"]);

/** Below this confidence a field is shown as doubtful. */
const doubtfulBelow = 0.8;

/** The fields an invoice cannot be booked without: missing, they stand out as much as a doubtful one. */
const keyFields = new Set(["supplierName", "invoiceNumber", "invoiceDate", "amountHT", "amountTVA", "amountTTC"]);

type Values = Record<string, string>;

function valuesOf(invoice: InvoiceDetail): Values {
  const source = invoice as unknown as Record<string, unknown>;
  const values: Values = {};
  for (const f of fieldSpecs) {
    const raw = source[f.key];
    values[f.key] = raw === null || raw === undefined ? "" : f.kind === "date" ? dayOf(String(raw)) : String(raw);
  }
  return values;
}

function entriesOf(invoice: InvoiceDetail): EntryDraft[] {
  return (invoice.accountingEntries ?? []).map((e) => ({ accountNumber: e.accountNumber, label: e.label, debit: e.debit, credit: e.credit }));
}

/** The forms an invoice prints a value in, to find it in the PDF's text. */
function needlesOf(spec: FieldSpec, value: string): string[] {
  if (!value) return [];
  if (spec.kind === "amount" || spec.kind === "rate") {
    const n = parseAmount(value);
    if (n === null || Number.isNaN(n)) return [value];
    const fixed = Math.abs(n).toFixed(2);
    const [int, dec] = fixed.split(".");
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
    return spec.kind === "rate" ? [`${Math.abs(n)}%`, `${Math.abs(n)} %`.replace(".", ","), `${int},${dec}%`] :
      [`${int},${dec}`, `${int}.${dec}`, `${grouped},${dec}`, `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`];
  }
  if (spec.kind === "date") {
    const [y, m, d] = value.split("-");
    const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    return [`${d}/${m}/${y}`, `${d}.${m}.${y}`, `${d}-${m}-${y}`, `${Number(d)} ${months[Number(m) - 1]} ${y}`, value];
  }
  return [value];
}

/** The API's box with its numbers as numbers (the generated types allow strings for any number). */
function positionOf(invoice: InvoiceDetail, key: string): PageBox | null {
  const box = invoice.fieldPositions?.[key];
  if (!box) return null;
  return { page: Number(box.page), left: Number(box.left), top: Number(box.top), width: Number(box.width), height: Number(box.height) };
}

export function ReviewPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [invoice, setInvoice] = useState<InvoiceDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<Values>({});
  const [initial, setInitial] = useState<Values>({});
  const [entries, setEntries] = useState<EntryDraft[]>([]);
  const [entriesEdited, setEntriesEdited] = useState(false);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const nextButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const found = await getInvoice(id, signal);
      setInvoice(found);
      setValues(valuesOf(found));
      setInitial(valuesOf(found));
      setEntries(entriesOf(found));
      setEntriesEdited(false);
      setAccepted(new Set());
      setLoadError(null);
    } catch (e) {
      if (!signal?.aborted) setLoadError(e);
    }
  }, [id]);

  useEffect(() => {
    const controller = new AbortController();
    setInvoice(null);
    setNotice(null);
    setActionError(null);
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  // While the pipeline still works on it, follow the invoice until it settles.
  useEffect(() => {
    if (!invoice || !movingStatuses.has(invoice.status)) return;
    const timer = setTimeout(() => void load(), 1000);
    return () => clearTimeout(timer);
  }, [invoice, load]);

  const editable = invoice !== null && reviewStatuses.includes(invoice.status);

  const problems = useMemo(() => {
    const p: Record<string, string | null> = {};
    for (const f of fieldSpecs) {
      const v = values[f.key] ?? "";
      p[f.key] = f.kind === "amount" || f.kind === "rate" ? checkAmount(v) : f.kind === "date" ? checkDate(v) : null;
    }
    p.supplierVAT = checkVatNumber(values.supplierVAT ?? "");
    p.supplierSiren = checkSiren(values.supplierSiren ?? "");
    p.supplierSiret = checkSiret(values.supplierSiret ?? "");
    p.dueDate = p.dueDate ?? checkDueDate(values.invoiceDate ?? "", values.dueDate ?? "");
    p.amountTTC = p.amountTTC ?? checkTotals(values.amountHT ?? "", values.amountTVA ?? "", values.amountTTC ?? "");
    if (values.currency && !/^[A-Z]{3}$/.test(values.currency)) p.currency = "Code à 3 lettres majuscules, par exemple EUR";
    return p;
  }, [values]);

  const totals = entryTotals(entries);
  const blocking = Object.values(problems).some((p) => p !== null) || (entries.length > 0 && !totals.balanced);

  const setField = (key: string, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    setAccepted((a) => {
      const copy = new Set(a);
      copy.delete(key);
      return copy;
    });
    // Corrected totals carry into the entries so that they stay balanced.
    if ((key === "amountHT" || key === "amountTVA" || key === "amountTTC") && !entriesEdited) {
      const [ht, tva, ttc] = [parseAmount(next.amountHT ?? ""), parseAmount(next.amountTVA ?? ""), parseAmount(next.amountTTC ?? "")];
      if ([ht, tva, ttc].every((v) => v !== null && !Number.isNaN(v)) && !checkTotals(next.amountHT, next.amountTVA, next.amountTTC)) {
        setEntries((current) => followAmounts(current, ht!, tva!, ttc!));
      }
    }
  };

  const acceptAndNext = (key: string) => {
    setAccepted((a) => new Set(a).add(key));
    const index = fieldSpecs.findIndex((f) => f.key === key);
    const next = fieldSpecs[index + 1];
    if (next) inputs.current[next.key]?.focus();
    else document.getElementById("validate-button")?.focus();
  };

  const goNext = useCallback(async () => {
    const list = await listInvoices({ status: reviewStatuses.join(","), pageSize: 100 });
    const others = list.invoices.filter((i) => i.id !== id);
    // Oldest first: the order in which they came in.
    const next = others[others.length - 1];
    if (next) navigate(`/app/invoices/${next.id}`);
    else setNotice("Plus aucune facture à vérifier.");
  }, [id, navigate]);

  const validating = useRef(false);
  const validate = useCallback(async () => {
    // A ref, not state: two key events in one tick must not send two PATCHes.
    if (!invoice || !editable || blocking || validating.current) return;
    validating.current = true;
    setBusy(true);
    setActionError(null);
    try {
      const body: Record<string, unknown> = {};
      for (const f of fieldSpecs) {
        const value = values[f.key] ?? "";
        if (value === initial[f.key]) continue;
        body[f.key] = value === "" ? null : f.kind === "amount" || f.kind === "rate" ? amountForApi(value) : f.key === "supplierVAT" ? value.replace(/[\s.-]/g, "").toUpperCase() : value;
      }
      if (entriesEdited || (entries.length > 0 && JSON.stringify(entries) !== JSON.stringify(entriesOf(invoice)))) {
        body.accountingEntries = entries.map((e) => ({
          accountNumber: e.accountNumber.trim(), label: e.label, debit: amountForApi(e.debit) ?? "0.00", credit: amountForApi(e.credit) ?? "0.00",
        }));
      }
      const validated = await validateInvoice(invoice.id, body);
      setInvoice(validated);
      setValues(valuesOf(validated));
      setInitial(valuesOf(validated));
      setEntries(entriesOf(validated));
      setEntriesEdited(false);
      setNotice("Facture validée.");
      setTimeout(() => nextButton.current?.focus(), 0);
    } catch (e) {
      setActionError(e);
    } finally {
      validating.current = false;
      setBusy(false);
    }
  }, [invoice, editable, blocking, values, initial, entries, entriesEdited]);

  const retry = async () => {
    if (!invoice) return;
    setBusy(true);
    setActionError(null);
    try {
      await retryInvoice(invoice.id);
      setNotice("Lecture relancée.");
      await load();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void validate();
      } else if (event.altKey && (event.key === "n" || event.key === "N")) {
        event.preventDefault();
        void goNext();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [validate, goNext]);

  const highlight: Highlight | null = useMemo(() => {
    const spec = fieldSpecs.find((f) => f.key === selected);
    if (!spec || !invoice) return null;
    return {
      label: spec.label,
      position: positionOf(invoice, spec.key),
      needles: needlesOf(spec, values[spec.key] ?? ""),
      noPositionReason: structuredEngines.has(invoice.ocrEngine ?? "")
        ? "Facture électronique lue dans son XML : ses champs n'ont pas de position sur la page." : undefined,
    };
    // Only a new selection or an accepted value moves the outline, not each keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, invoice]);

  if (loadError) {
    if (loadError instanceof ApiError && loadError.status === 404) {
      return (
        <section className="state state-empty" aria-labelledby="not-found-title" data-testid="invoice-not-found">
          <h1 id="not-found-title">Facture introuvable</h1>
          <p>Cette facture n'existe pas ou n'appartient pas à votre cabinet.</p>
          <Link to="/app/">Retour aux factures</Link>
        </section>
      );
    }
    return <ErrorState error={loadError} onRetry={() => void load()} />;
  }
  if (!invoice) return <Loading label="Chargement de la facture…" />;

  const confidences = (invoice.fieldConfidences ?? {}) as Record<string, number>;
  return (
    <section className="review" aria-labelledby="review-title">
      <header className="review-head">
        <div>
          <Link to="/app/">← Factures</Link>
          <h1 id="review-title">{invoice.invoiceNumber ? `Facture ${invoice.invoiceNumber}` : invoice.fileName}</h1>
          <p className="muted">
            {invoice.fileName} · déposée le {formatDateTime(invoice.uploadedAt)}
            {invoice.ocrEngine && <> · lue par {invoice.ocrEngine}</>}
            {typeof invoice.ocrConfidence === "number" && <> · confiance {Math.round(invoice.ocrConfidence * 100)} %</>}
          </p>
        </div>
        <StatusBadge status={invoice.status} />
      </header>
      {invoice.status === "OCR_FAILED" && (
        <div className="notice notice-error" role="alert">
          <strong>La lecture a échoué.</strong> {invoice.errorMessage ?? "Aucun détail."}
        </div>
      )}
      {invoice.status === "AI_FAILED" && invoice.errorMessage && (
        <div className="notice notice-error" role="alert"><strong>L'analyse comptable a échoué.</strong> {invoice.errorMessage}</div>
      )}
      {invoice.status === "PENDING_VALIDATION" && invoice.errorMessage && (
        <div className="notice notice-warn" role="note"><strong>À vérifier :</strong> {invoice.errorMessage}</div>
      )}
      {movingStatuses.has(invoice.status) && <div className="notice" role="status">{statusLabels[invoice.status]}… la page se met à jour seule.</div>}
      {notice && <div className="notice success" role="status">{notice}</div>}
      {actionError !== null && <div className="notice notice-error" role="alert">{describeError(actionError)}
        {actionError instanceof ApiError && Object.keys(actionError.details).length > 0 && (
          <ul>{Object.entries(actionError.details).map(([k, v]) => <li key={k}>{k} : {v}</li>)}</ul>
        )}</div>}
      <div className="review-grid">
        <div className="review-document">
          <DocumentViewer invoiceId={invoice.id} mediaType={invoice.mediaType} fileName={invoice.fileName} highlight={highlight} />
        </div>
        <div className="review-fields">
          <form onSubmit={(e) => { e.preventDefault(); void validate(); }} aria-label="Champs de la facture">
            <div className="fields">
              {fieldSpecs.map((f) => {
                const confidence = confidences[f.key];
                const missing = editable && keyFields.has(f.key) && !values[f.key];
                const doubtful = !accepted.has(f.key) && (missing || (typeof confidence === "number" && confidence < doubtfulBelow));
                const problem = problems[f.key];
                const changed = values[f.key] !== initial[f.key];
                return (
                  <div key={f.key} className={`review-field${doubtful ? " doubtful" : ""}${problem ? " invalid" : ""}${selected === f.key ? " selected" : ""}`}
                    data-field={f.key}>
                    <label htmlFor={`field-${f.key}`}>
                      {f.label}
                      <span className="confidence" title="Confiance de la lecture">
                        {accepted.has(f.key) ? "✓ accepté" : changed ? "corrigé" : missing ? "manquant · à saisir" : typeof confidence === "number" ? `${Math.round(confidence * 100)} %${doubtful ? " · à vérifier" : ""}` : "—"}
                      </span>
                    </label>
                    <input id={`field-${f.key}`} ref={(el) => { inputs.current[f.key] = el; }}
                      type={f.kind === "date" ? "date" : "text"} inputMode={f.kind === "amount" || f.kind === "rate" ? "decimal" : undefined}
                      value={values[f.key] ?? ""} readOnly={!editable} aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `problem-${f.key}` : undefined}
                      onFocus={() => setSelected(f.key)}
                      onChange={(e) => setField(f.key, e.target.value)}
                      onKeyDown={(e) => {
                        // Enter never submits the form: alone it accepts the field, with Ctrl the window's handler validates.
                        if (e.key !== "Enter") return;
                        e.preventDefault();
                        if (!e.ctrlKey && !e.metaKey) acceptAndNext(f.key);
                      }} />
                    {problem && <span id={`problem-${f.key}`} className="field-problem">{problem}</span>}
                  </div>
                );
              })}
            </div>
            <h2>Écritures comptables</h2>
            {invoice.analysis?.notes && <p className="muted">{invoice.analysis.notes}</p>}
            <EntriesEditor entries={entries} readOnly={!editable}
              onChange={(next) => { setEntries(next); setEntriesEdited(true); }} />
            <div className="actions review-actions">
              {editable && (
                <button id="validate-button" type="submit" className="button button-primary" disabled={busy || blocking}
                  title="Ctrl+Entrée">
                  Valider
                </button>
              )}
              {retryableStatuses.has(invoice.status) && (
                <button type="button" className="button" onClick={() => void retry()} disabled={busy}>Relancer la lecture</button>
              )}
              <button ref={nextButton} type="button" className="button" onClick={() => void goNext()} title="Alt+N">
                Facture suivante
              </button>
            </div>
            {editable && blocking && <p className="field-problem">Corrigez les champs signalés{entries.length > 0 && !totals.balanced ? " et équilibrez les écritures" : ""} avant de valider.</p>}
            <p className="muted keys">Clavier : Entrée accepte le champ et passe au suivant · Ctrl+Entrée valide · Alt+N facture suivante.</p>
          </form>
        </div>
      </div>
    </section>
  );
}
