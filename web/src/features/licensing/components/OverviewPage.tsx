import { useState } from "react";
import { ErrorState, Loading } from "../../../components/PageStates";
import { formatNumber } from "../../../lib/format";
import { useApi } from "../../../lib/use-api";
import { getStats } from "../api/stats";

export function OverviewPage() {
  const [days] = useState(30);
  const stats = useApi((signal) => getStats(days, signal), [days]);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Vue d'ensemble</h1>
      {stats.error ? <ErrorState error={stats.error} onRetry={stats.reload} />
        : !stats.data ? <Loading />
        : (
          <div className="kpis">
            <div className="kpi">
              <span className="kpi-label">Licences actives</span>
              <span className="kpi-value" data-testid="kpi-active">
                {formatNumber(stats.data.licenses.filter((l) => l.status === "active").reduce((sum, l) => sum + Number(l.count), 0))}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Machines vues (24 h)</span>
              <span className="kpi-value">{formatNumber(Number(stats.data.machines_seen.last24h))}</span>
            </div>
          </div>
        )}
    </section>
  );
}
