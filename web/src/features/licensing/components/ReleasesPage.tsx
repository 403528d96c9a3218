import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "../../../components/ChartCard";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { EmptyState, ErrorState, Loading } from "../../../components/PageStates";
import { ApiError } from "../../../lib/api-client";
import { formatDate, formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { useProducts, type Product } from "../api/products";
import { changeRollout, listReleases, publishRelease, type Release } from "../api/releases";
import { errorText } from "../form-errors";
import { channelLabels, formatShare, labelOf } from "../labels";
import { ProductSelect, productName } from "./ProductSelect";

const n = (value: number | string | undefined) => Number(value ?? 0);

const fieldLabels: Record<string, string> = {
  product: "Produit",
  channel: "Canal",
  version: "Version",
  url: "Adresse de téléchargement",
  sha256: "Empreinte SHA-256",
  size: "Taille",
  notes: "Notes de version",
  min_version: "Version minimale",
  rollout_percent: "Part des machines",
};

/**
 * Releases of one product and their adoption: how many of the product's machines last reported each version by
 * heartbeat, over 7 and 30 days, as the API counts them (GET admin/releases); and the form that publishes one.
 */
export function ReleasesPage() {
  const [params, setParams] = useSearchParams();
  const catalog = useProducts();
  const products = catalog.data?.products ?? [];
  const product = params.get("produit") || products.find((p) => p.code === "easyfacture")?.code || products[0]?.code || "";
  const releases = useApi((signal) => (product ? listReleases(product, signal) : Promise.resolve(undefined)), [product]);
  const [notice, setNotice] = useState<string | null>(null);

  if (catalog.error) return <ErrorState error={catalog.error} onRetry={catalog.reload} />;
  if (!catalog.data) return <Loading label="Chargement du catalogue…" />;

  return (
    <section aria-labelledby="releases-title">
      <div className="toolbar">
        <h1 id="releases-title">Versions publiées</h1>
        <div className="toolbar-controls">
          <div className="field field-inline">
            <label htmlFor="releases-product">Produit</label>
            <ProductSelect id="releases-product" products={products} value={product}
              onChange={(code) => { setNotice(null); setParams({ produit: code }); }} />
          </div>
          <Link className="button" to="/admin/products">Catalogue des produits</Link>
        </div>
      </div>
      {products.length === 0 ? <EmptyState>Aucun produit au catalogue : créez-en un dans <Link to="/admin/products">Produits</Link>.</EmptyState> : (
        <>
          {notice && <p className="success" role="status">{notice}</p>}
          <div className="detail-grid">
            <PublishForm key={product} products={products} product={product}
              onPublished={(release) => {
                setNotice(`Version ${release.version} de ${productName(products, release.product)} publiée (${labelOf(channelLabels, release.channel)}, ${release.rollout_percent} % des machines).`);
                if (release.product !== product) setParams({ produit: release.product ?? "" });
                else releases.reload();
              }} />
            {releases.error ? <ErrorState error={releases.error} onRetry={releases.reload} />
              : !releases.data ? <Loading label="Chargement des versions…" />
              : <Adoption releases={releases.data.releases} productLabel={productName(products, product)} />}
          </div>
          {releases.data && releases.data.releases.length > 0 && (
            <ReleaseTable releases={releases.data.releases} onChanged={(release) => {
              setNotice(`Version ${release.version} : désormais proposée à ${release.rollout_percent} % des machines.`);
              releases.reload();
            }} />
          )}
        </>
      )}
    </section>
  );
}

/** The product's machines (from any release row: the API repeats them on each) and each version's share, as a chart. */
function Adoption({ releases, productLabel }: { releases: Release[]; productLabel: string }) {
  const machines30 = n(releases[0]?.product_machines);
  const machines7 = n(releases[0]?.product_machines_7d);
  const rows = releases.map((r) => ({
    version: releases.some((o) => o !== r && o.version === r.version) ? `${r.version} (${labelOf(channelLabels, r.channel)})` : r.version ?? "",
    machines_7d: n(r.machines_7d),
    machines: n(r.machines),
    share: formatShare(n(r.machines), machines30),
  }));
  const adopted = rows.filter((r) => r.machines > 0 || r.machines_7d > 0);
  return (
    <ChartCard id="release-adoption" title="Adoption des versions"
      empty={releases.length === 0 ? `Aucune version publiée pour ${productLabel}.` : "Aucune machine n'a encore annoncé l'une de ces versions."}
      summary={releases.length === 0 ? undefined
        : `${formatNumber(machines30)} machines de ${productLabel} vues sur 30 jours (${formatNumber(machines7)} sur 7 jours), par la dernière version annoncée par chacune.`}
      columns={[
        { key: "version", label: "Version" },
        { key: "machines_7d", label: "Machines (7 j)" },
        { key: "machines", label: "Machines (30 j)" },
        { key: "share", label: "Part (30 j)" },
      ]}
      rows={adopted}>
      <ResponsiveContainer>
        <BarChart accessibilityLayer={false} data={adopted} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="version" width={110} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [formatNumber(Number(v)), name]} />
          <Legend />
          <Bar dataKey="machines_7d" name="7 jours" fill="#16a34a" isAnimationActive={false} />
          <Bar dataKey="machines" name="30 jours" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

function ReleaseTable({ releases, onChanged }: { releases: Release[]; onChanged: (release: Release) => void }) {
  const [editing, setEditing] = useState<Release | null>(null);
  return (
    <section className="card" aria-labelledby="release-list-title">
      <h2 id="release-list-title">Versions et machines</h2>
      <p className="chart-summary">
        Part : machines dont le dernier signal de vie annonce cette version, sur toutes les machines du produit vues
        dans la même fenêtre.
      </p>
      <div className="table-wrap">
        <table data-table="releases">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Canal</th>
              <th scope="col">Publiée le</th>
              <th scope="col" className="num">Déploiement</th>
              <th scope="col" className="num">Machines (7 j)</th>
              <th scope="col" className="num">Part (7 j)</th>
              <th scope="col" className="num">Machines (30 j)</th>
              <th scope="col" className="num">Part (30 j)</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.id} data-version={r.version} data-channel={r.channel}>
                <th scope="row" className="nowrap">
                  {r.version}
                  {r.min_version && <span className="hint"> depuis {r.min_version}</span>}
                </th>
                <td>{labelOf(channelLabels, r.channel)}</td>
                <td className="nowrap">{formatDate(r.created_at)}</td>
                <td className="num" data-key="rollout">{formatNumber(n(r.rollout_percent))} %</td>
                <td className="num" data-key="machines_7d">{formatNumber(n(r.machines_7d))}</td>
                <td className="num" data-key="share_7d">{formatShare(n(r.machines_7d), n(r.product_machines_7d))}</td>
                <td className="num" data-key="machines">{formatNumber(n(r.machines))}</td>
                <td className="num" data-key="share">{formatShare(n(r.machines), n(r.product_machines))}</td>
                <td>
                  <button type="button" className="button button-small nowrap" aria-label={`Changer le déploiement de la version ${r.version} (${labelOf(channelLabels, r.channel)})`}
                    onClick={() => setEditing(r)}>
                    Déploiement…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && <RolloutDialog key={editing.id} release={editing} onClose={() => setEditing(null)}
        onSaved={(release) => { setEditing(null); onChanged(release); }} />}
    </section>
  );
}

function RolloutDialog({ release, onClose, onSaved }: { release: Release; onClose: () => void; onSaved: (release: Release) => void }) {
  const [percent, setPercent] = useState(String(release.rollout_percent ?? 100));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      onSaved((await changeRollout(n(release.id), Number(percent))).release);
    } catch (e) {
      setError(errorText(e, fieldLabels));
    } finally {
      setBusy(false);
    }
  }
  return (
    <ConfirmDialog open title={`Déploiement de la version ${release.version}`} confirmLabel={busy ? "Enregistrement…" : "Enregistrer"} busy={busy}
      onConfirm={save} onClose={onClose}>
      <p className="hint">
        Part des machines à qui la mise à jour est proposée, tirées toujours dans le même ordre : élargir la part garde
        les machines déjà servies ; 0 % suspend la diffusion.
      </p>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label className="field">
        <span>Part des machines (%)</span>
        <input type="number" min={0} max={100} required value={percent} onChange={(e) => setPercent(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}

function PublishForm({ products, product, onPublished }: { products: Product[]; product: string; onPublished: (release: Release) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const answer = await publishRelease({
        product: text("product"),
        channel: text("channel") || null,
        version: text("version"),
        url: text("url"),
        sha256: text("sha256").toLowerCase(),
        size: Number(text("size")),
        notes: text("notes") || null,
        min_version: text("min_version") || null,
        rollout_percent: Number(text("rollout_percent")),
      });
      onPublished(answer.release);
      setGeneration((g) => g + 1);
    } catch (e) {
      setError(e instanceof ApiError && e.code === "RELEASE_EXISTS"
        ? "Cette version est déjà publiée sur ce canal." : errorText(e, fieldLabels));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form key={generation} className="card form-grid" onSubmit={submit} aria-labelledby="publish-title">
      <h2 id="publish-title">Publier une version</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-row">
        <label className="field">
          <span>Produit</span>
          <ProductSelect name="product" products={products} value={product} required />
        </label>
        <label className="field">
          <span>Canal</span>
          <input name="channel" list="release-channels" defaultValue="stable" required maxLength={20} pattern="[a-z0-9\-]{1,20}"
            title="lettres minuscules sans accent, chiffres ou -" />
          <datalist id="release-channels">
            {Object.keys(channelLabels).map((c) => <option key={c} value={c}>{channelLabels[c]}</option>)}
          </datalist>
        </label>
      </div>
      <div className="form-row">
        <label className="field">
          <span>Version</span>
          <input name="version" required maxLength={40} pattern="\d+(\.\d+){0,3}" placeholder="2.5.0" title="1 à 4 nombres séparés par des points" />
        </label>
        <label className="field">
          <span>Version minimale (facultatif)</span>
          <input name="min_version" maxLength={40} pattern="\d+(\.\d+){0,3}" placeholder="2.0.0" title="1 à 4 nombres séparés par des points" />
        </label>
      </div>
      <label className="field">
        <span>Adresse de téléchargement (https)</span>
        <input name="url" type="url" required maxLength={2000} pattern="https://.*" placeholder="https://telechargement.exemple.fr/easyfacture-2.5.0.msi" />
      </label>
      <label className="field">
        <span>Empreinte SHA-256 du fichier</span>
        <input name="sha256" required className="mono" minLength={64} maxLength={64} pattern="[0-9a-fA-F]{64}" title="64 caractères hexadécimaux" />
      </label>
      <div className="form-row">
        <label className="field">
          <span>Taille (octets)</span>
          <input name="size" type="number" required min={1} max={2147483647} />
        </label>
        <label className="field">
          <span>Part des machines (%)</span>
          <input name="rollout_percent" type="number" required min={0} max={100} defaultValue="100" />
        </label>
      </div>
      <label className="field">
        <span>Notes de version (facultatif)</span>
        <textarea name="notes" rows={3} maxLength={10000} placeholder="Nouveautés, corrections…" />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? "Publication…" : "Publier la version"}</button>
      </div>
    </form>
  );
}
