import { useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ErrorState, Loading } from "../../../components/PageStates";
import { ApiError, describeError } from "../../../lib/api-client";
import { formatDateTime, formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { getLicense, licensePath, revokeLicense } from "../api/licenses";
import { useProducts } from "../api/products";
import { actionLabels, labelOf, licenseTypeLabels, signatureLabels, statusLabels } from "../labels";
import { productName } from "./ProductSelect";

export function LicenseDetailPage() {
  const { machineId = "" } = useParams();
  const [params] = useSearchParams();
  const product = params.get("produit") ?? "";
  const detail = useApi((signal) => getLicense(machineId, product, signal), [machineId, product]);
  const products = useProducts().data?.products;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // After a revocation the button that opened the dialog is gone: the focus goes to the message (not to the top of
  // the document), so a keyboard or screen-reader user hears what happened and tabs on from here.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function revoke() {
    setBusy(true);
    setRevokeError(null);
    try {
      await revokeLicense(machineId, detail.data?.license.product ?? product, reason.trim());
      setConfirming(false);
      setReason("");
      setNotice("Licence révoquée : la prochaine validation de cette machine sera refusée.");
      detail.reload();
    } catch (e) {
      setRevokeError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  if (detail.error) {
    const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <section>
        <p className="breadcrumb"><Link to="/admin/licenses">← Licences</Link></p>
        {notFound ? (
          <div className="state state-empty">
            <h1>Licence introuvable</h1>
            <p>
              Aucune licence pour la machine <span className="mono">{machineId}</span>
              {product ? ` et le produit ${productName(products, product)}` : ""}.
            </p>
          </div>
        ) : <ErrorState error={detail.error} onRetry={detail.reload} />}
      </section>
    );
  }
  if (!detail.data) return <Loading label="Chargement de la licence…" />;
  const { license, key, history, history_counts: counts, os_info: osInfo } = detail.data;
  const shown = history.length;
  const total = Object.values(counts).reduce<number>((sum, c) => sum + Number(c), 0);

  return (
    <section aria-labelledby="license-title">
      <p className="breadcrumb"><Link to="/admin/licenses">← Licences</Link></p>
      <div className="toolbar">
        <h1 id="license-title">
          Licence <span className="mono">{license.machine_id}</span>
        </h1>
        {license.status !== "revoked" && (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Révoquer…
          </button>
        )}
      </div>
      {notice && <p className="success" role="status" tabIndex={-1} ref={noticeRef}>{notice}</p>}
      {(detail.data.machine_products?.length ?? 0) > 1 && (
        <nav className="notice other-products" aria-label="Licences de cette machine">
          Cette machine a une licence pour chacun de ces produits :{" "}
          {detail.data.machine_products!.map((code, index) => (
            <span key={code}>
              {index > 0 && ", "}
              {code === license.product ? <strong aria-current="page">{productName(products, code)}</strong>
                : <Link to={licensePath(machineId, code)}>{productName(products, code)}</Link>}
            </span>
          ))}.
        </nav>
      )}
      <div className="detail-grid">
        <div className="card">
          <h2>Licence</h2>
          <dl className="details">
            <dt>Statut</dt>
            <dd><span className={`badge badge-${license.status}`} data-testid="license-status">{labelOf(statusLabels, license.status)}</span></dd>
            <dt>E-mail</dt><dd>{license.email}</dd>
            <dt>Type</dt><dd>{labelOf(licenseTypeLabels, license.license_type)}</dd>
            <dt>Produit</dt><dd data-testid="license-product">{productName(products, license.product)}</dd>
            <dt>Créée le</dt><dd>{formatDateTime(license.created_at)}</dd>
            <dt>Essai démarré le</dt><dd>{formatDateTime(license.trial_started_at)}</dd>
            <dt>Activée le</dt><dd>{formatDateTime(license.activated_at)}</dd>
            <dt>Code d'activation</dt><dd className="mono">{license.activation_code ?? "—"}</dd>
            <dt>Expire le</dt><dd>{formatDateTime(license.expires_at)}</dd>
            <dt>Dernière validation</dt><dd>{formatDateTime(license.last_validated_at)}</dd>
            <dt>Dernier signal de vie</dt><dd>{formatDateTime(license.last_heartbeat_at)}</dd>
            <dt>Version, système</dt><dd>{license.app_version ?? "—"}{osInfo ? `, ${osInfo}` : ""}</dd>
            {license.revoked_at && (
              <>
                <dt>Révoquée le</dt><dd>{formatDateTime(license.revoked_at)}</dd>
                <dt>Motif</dt><dd data-testid="revoked-reason">{license.revoked_reason || "—"}</dd>
              </>
            )}
          </dl>
        </div>
        <div className="card">
          <h2>Clé de licence décodée</h2>
          <dl className="details">
            <dt>Signature</dt><dd data-testid="key-signature">{signatureLabels[key.signature] ?? key.signature}</dd>
            <dt>N° de licence</dt><dd>{key.license_id ?? "—"}</dd>
            <dt>Machine</dt><dd className="mono">{key.machine_id ?? "—"}</dd>
            <dt>Type</dt><dd>{key.license_type ? licenseTypeLabels[key.license_type] ?? key.license_type : "—"}</dd>
            <dt>Produit</dt><dd>{productName(products, key.product)}</dd>
            <dt>Émise le</dt><dd>{formatDateTime(key.issued_at)}</dd>
            <dt>Expire le</dt><dd>{formatDateTime(key.expires_at)}</dd>
            <dt>Clé de signature</dt><dd className="mono">{key.key_id ?? "—"}</dd>
          </dl>
          <p className="hint">La clé elle-même n'est pas affichée : elle appartient au client.</p>
        </div>
      </div>

      <div className="card">
        <h2>Historique</h2>
        <ul className="counts" aria-label="Événements par type">
          {Object.entries(counts).map(([action, count]) => (
            <li key={action}>{actionLabels[action] ?? action} : {formatNumber(Number(count))}</li>
          ))}
        </ul>
        {shown === 0 ? <p className="chart-empty">Aucun événement.</p> : (
          <>
            {shown < total && <p className="hint">Les {shown} événements les plus récents sur {formatNumber(total)}.</p>}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Événement</th>
                    <th scope="col">Adresse IP</th>
                    <th scope="col">Version</th>
                    <th scope="col">Système</th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((event, index) => (
                    <tr key={index}>
                      <td>{formatDateTime(event.created_at)}</td>
                      <td>{actionLabels[event.action_type] ?? event.action_type}</td>
                      <td className="mono">{event.ip_address ?? "—"}</td>
                      <td>{event.app_version ?? "—"}</td>
                      <td>{event.os_info ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>

      <ConfirmDialog open={confirming} title="Révoquer cette licence ?" confirmLabel="Révoquer la licence" danger busy={busy}
        onConfirm={revoke} onClose={() => { setConfirming(false); setRevokeError(null); }}>
        <p>
          La machine <span className="mono">{machineId.slice(0, 12)}…</span> ({license.email}) ne pourra plus
          valider sa licence. Cette action est définitive.
        </p>
        {revokeError && <p className="form-error" role="alert">{revokeError}</p>}
        <label className="field">
          <span>Motif (obligatoire)</span>
          <textarea name="reason" required maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
