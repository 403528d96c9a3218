import { useSearchParams } from "react-router";
import {
  Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from "recharts";
import { ChartCard } from "../../../components/ChartCard";
import { ErrorState, Loading } from "../../../components/PageStates";
import { formatDate, formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { useProducts } from "../api/products";
import { getStats, type LicenseStats, type ProductStats } from "../api/stats";
import { licenseTypeLabels, statusLabels } from "../labels";
import { ProductSelect } from "./ProductSelect";

const periods = [7, 30, 90, 365];
const colors = { primary: "#1d4ed8", second: "#16a34a", third: "#d97706", danger: "#b91c1c", grey: "#64748b" };
const n = (value: number | string) => Number(value);

/** Every UTC day of the period, so days without events show as 0 rather than vanish from the axis. */
function everyDay(since: string, days: number): string[] {
  const start = new Date(since);
  return Array.from({ length: days }, (_, i) => new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10));
}

/** "1 licence active", "0 licence active", "2 licences actives": French takes the singular below 2. */
function count(value: number, one: string, many: string): string {
  return `${formatNumber(value)} ${value >= 2 ? many : one}`;
}

function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("fr-FR", { day: "2-digit", month: "2-digit", timeZone: "UTC" });
}

function longDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
}

function perDay(stats: LicenseStats, series: { day: string; count: number | string }[]) {
  const counts = new Map(series.map((d) => [d.day, n(d.count)]));
  return everyDay(stats.since, n(stats.days)).map((day) => ({ day, label: shortDay(day), count: counts.get(day) ?? 0 }));
}

export function OverviewPage() {
  const [params, setParams] = useSearchParams();
  const days = periods.includes(Number(params.get("jours"))) ? Number(params.get("jours")) : 30;
  const product = params.get("produit") ?? "";
  const stats = useApi((signal) => getStats(days, product, signal), [days, product]);
  const catalog = useProducts();
  const products = catalog.data?.products ?? [];

  /** Period and product both live in the address: a view can be bookmarked and shared. */
  function show(nextDays: number, nextProduct: string) {
    const next = new URLSearchParams();
    next.set("jours", String(nextDays));
    if (nextProduct) next.set("produit", nextProduct);
    setParams(next);
  }

  return (
    <section aria-labelledby="overview-title">
      <div className="toolbar">
        <h1 id="overview-title">Vue d'ensemble</h1>
        <div className="toolbar-controls">
          <div className="field field-inline">
            <label htmlFor="overview-product">Produit</label>
            <ProductSelect id="overview-product" products={products} value={product} allLabel="Tous les produits"
              onChange={(code) => show(days, code)} />
          </div>
          <div className="segmented" role="group" aria-label="Période">
            {periods.map((p) => (
              <button key={p} type="button" aria-pressed={p === days} onClick={() => show(p, product)}>
                {p === 365 ? "1 an" : `${p} jours`}
              </button>
            ))}
          </div>
        </div>
      </div>
      {stats.error ? <ErrorState error={stats.error} onRetry={stats.reload} />
        : !stats.data ? <Loading label="Chargement des statistiques…" />
        : <Charts stats={stats.data} product={product} loading={stats.loading} />}
    </section>
  );
}

function Charts({ stats, product, loading }: { stats: LicenseStats; product: string; loading: boolean }) {
  const active = stats.licenses.filter((l) => l.status === "active");
  const activeTotal = active.reduce((sum, l) => sum + n(l.count), 0);
  const byType = ["trial", "monthly", "annual", "lifetime"]
    .map((type) => ({ type: licenseTypeLabels[type] ?? type, count: active.filter((l) => l.license_type === type).reduce((s, l) => s + n(l.count), 0) }))
    .filter((row) => row.count > 0);
  const weeks = stats.trials_per_week.map((w) => ({
    week: `Sem. du ${shortDay(w.week_start)}`, created: n(w.created), converted: n(w.converted),
  }));
  const trialsTotal = weeks.reduce((s, w) => s + w.created, 0);
  const convertedTotal = weeks.reduce((s, w) => s + w.converted, 0);
  const validations = perDay(stats, stats.validations_per_day);
  const validationsTotal = validations.reduce((s, d) => s + d.count, 0);
  const revocations = perDay(stats, stats.revocations_per_day);
  const revocationsTotal = revocations.reduce((s, d) => s + d.count, 0);
  const seen = [
    { window: "24 heures", count: n(stats.machines_seen.last24h) },
    { window: "7 jours", count: n(stats.machines_seen.last7d) },
    { window: "30 jours", count: n(stats.machines_seen.last30d) },
  ];
  const versions = stats.app_versions.map((v) => ({ value: v.value, machines: n(v.machines) }));
  const systems = stats.operating_systems.map((v) => ({ value: v.value, machines: n(v.machines) }));
  const allByStatus = ["active", "expired", "revoked"].map((status) => ({
    status, total: stats.licenses.filter((l) => l.status === status).reduce((s, l) => s + n(l.count), 0),
  }));

  return (
    <>
      <p className="period-note" aria-live="polite" aria-busy={loading}>
        {product ? `Produit ${stats.products?.[0]?.name ?? product}` : "Tous les produits"}, depuis le {formatDate(stats.since)}
        {" "}({formatNumber(n(stats.days))} jours, dates en UTC).
      </p>
      <div className="kpis">
        <Kpi label="Licences actives" value={activeTotal} id="active" />
        {allByStatus.filter((s) => s.status !== "active").map((s) => (
          <Kpi key={s.status} label={`Licences ${statusLabels[s.status].toLowerCase()}s`} value={s.total} id={s.status} />
        ))}
        <Kpi label="Essais sur la période" value={trialsTotal} id="trials" />
        <Kpi label="Essais convertis" value={convertedTotal} id="converted" />
        <Kpi label={"Machines vues (24\u00a0h)"} value={seen[0].count} id="seen24h" />
      </div>
      <ProductTable products={stats.products ?? []} />
      <div className="grid">
        <ChartCard id="active-by-type" title="Licences actives par type" empty="Aucune licence active."
          summary={`${count(activeTotal, "licence active", "licences actives")}.`}
          columns={[{ key: "type", label: "Type" }, { key: "count", label: "Licences actives" }]} rows={byType}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={byType}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="type" />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Licences actives"]} />
              <Bar dataKey="count" name="Licences actives" fill={colors.primary} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="trials-per-week" title="Essais et conversions par semaine" empty="Aucun essai sur la période."
          summary={`${count(trialsTotal, "essai", "essais")}, dont ${count(convertedTotal, "converti", "convertis")} en licence payante.`}
          columns={[{ key: "week", label: "Semaine" }, { key: "created", label: "Essais" }, { key: "converted", label: "Convertis" }]} rows={weeks}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={weeks}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="week" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="created" name="Essais" fill={colors.primary} isAnimationActive={false} />
              <Bar dataKey="converted" name="Convertis" fill={colors.second} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="validations-per-day" title="Validations par jour" empty="Aucune validation sur la période."
          summary={`${count(validationsTotal, "validation", "validations")} sur la période.`}
          columns={[{ key: "day", label: "Jour" }, { key: "count", label: "Validations" }]}
          rows={validationsTotal === 0 ? [] : validations.filter((d) => d.count > 0).map((d) => ({ day: longDay(d.day), count: d.count }))}>
          <ResponsiveContainer>
            <LineChart accessibilityLayer={false} data={validations}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Validations"]} />
              <Line type="monotone" dataKey="count" name="Validations" stroke={colors.primary} strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="machines-seen" title="Machines vues par signal de vie" empty="Aucune machine vue."
          summary={`${count(seen[2].count, "machine", "machines")} sur 30 jours.`}
          columns={[{ key: "window", label: "Fenêtre" }, { key: "count", label: "Machines" }]} rows={seen}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={seen}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="window" />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Machines"]} />
              <Bar dataKey="count" name="Machines" fill={colors.third} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="app-versions" title="Versions de l'application" empty="Aucun signal de vie sur la période."
          summary="Dernière version annoncée par chaque machine sur la période."
          columns={[{ key: "value", label: "Version" }, { key: "machines", label: "Machines" }]} rows={versions}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={versions} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="value" width={90} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Machines"]} />
              <Bar dataKey="machines" name="Machines" fill={colors.primary} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="operating-systems" title="Systèmes d'exploitation" empty="Aucun signal de vie sur la période."
          summary="Dernier système annoncé par chaque machine sur la période."
          columns={[{ key: "value", label: "Système" }, { key: "machines", label: "Machines" }]} rows={systems}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={systems} layout="vertical" margin={{ left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="value" width={140} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Machines"]} />
              <Bar dataKey="machines" name="Machines" fill={colors.second} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>

        <ChartCard id="revocations-per-day" title="Révocations par jour" empty="Aucune révocation sur la période."
          summary={`${count(revocationsTotal, "révocation", "révocations")} sur la période.`}
          columns={[{ key: "day", label: "Jour" }, { key: "count", label: "Révocations" }]}
          rows={revocationsTotal === 0 ? [] : revocations.filter((d) => d.count > 0).map((d) => ({ day: longDay(d.day), count: d.count }))}>
          <ResponsiveContainer>
            <BarChart accessibilityLayer={false} data={revocations}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
              <YAxis allowDecimals={false} />
              <Tooltip formatter={(v) => [formatNumber(Number(v)), "Révocations"]} />
              <Bar dataKey="count" name="Révocations" fill={colors.danger} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartCard>
      </div>
    </>
  );
}

const summaryTypes = ["trial", "monthly", "annual", "lifetime"];

/** Each product of the catalog (or the chosen one): its active licenses by type, trials of the period, conversions, machines. */
function ProductTable({ products }: { products: ProductStats[] }) {
  return (
    <section className="card product-summary" aria-labelledby="products-summary-title">
      <h2 id="products-summary-title">Par produit</h2>
      <p className="chart-summary">Licences actives aujourd'hui ; essais et conversions de la période ; machines vues sur 30 jours.</p>
      {products.length === 0 ? <p className="chart-empty">Aucun produit au catalogue.</p> : (
        <div className="table-wrap">
          <table data-table="products-summary">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>Produit</th>
                <th scope="colgroup" colSpan={summaryTypes.length} className="group">Licences actives</th>
                <th scope="colgroup" colSpan={2} className="group">Sur la période</th>
                <th scope="col" rowSpan={2} className="num">Machines (30 j)</th>
              </tr>
              <tr>
                {summaryTypes.map((type) => <th key={type} scope="col" className="num">{licenseTypeLabels[type]}</th>)}
                <th scope="col" className="num">Essais démarrés</th>
                <th scope="col" className="num">Convertis</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => {
                const active = (p.licenses ?? []).filter((l) => l.status === "active");
                return (
                  <tr key={p.product} data-product={p.product}>
                    <th scope="row">{p.name || p.product} <span className="hint mono">{p.product}</span></th>
                    {summaryTypes.map((type) => (
                      <td key={type} className="num" data-key={type}>
                        {formatNumber(active.filter((l) => l.license_type === type).reduce((s, l) => s + n(l.count), 0))}
                      </td>
                    ))}
                    <td className="num" data-key="trials">{formatNumber(n(p.trials_started ?? 0))}</td>
                    <td className="num" data-key="converted">{formatNumber(n(p.trials_converted ?? 0))}</td>
                    <td className="num" data-key="machines">{formatNumber(n(p.machines_seen_30d ?? 0))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Kpi({ label, value, id }: { label: string; value: number; id: string }) {
  return (
    <div className="kpi">
      <span className="kpi-label">{label}</span>
      <span className="kpi-value" data-kpi={id}>
        {formatNumber(value)}
      </span>
    </div>
  );
}
