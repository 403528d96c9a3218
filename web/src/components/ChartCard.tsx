import type { ReactNode } from "react";

export interface ChartColumn {
  key: string;
  label: string;
}

/**
 * A chart with its figures as a table: the table is what screen readers and keyboard users read (the chart is
 * hidden from them), and what a person opens with "Voir les données" to check or copy a value.
 */
export function ChartCard({ id, title, summary, columns, rows, empty, children }: {
  id: string;
  title: string;
  /** One sentence with the key figure, read first. */
  summary?: ReactNode;
  columns: ChartColumn[];
  rows: Record<string, string | number>[];
  empty: string;
  children: ReactNode;
}) {
  return (
    <section className="card chart-card" aria-labelledby={`${id}-title`} data-chart={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {summary && <p className="chart-summary">{summary}</p>}
      {rows.length === 0 ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <div className="chart" aria-hidden="true">
          {children}
        </div>
      )}
      {rows.length > 0 && (
        <details className="chart-data">
          <summary>Voir les données</summary>
          <div className="table-wrap">
            <table data-chart-table={id}>
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={index}>
                    {columns.map((c) => (
                      <td key={c.key} data-key={c.key}>
                        {typeof row[c.key] === "number" ? (row[c.key] as number).toLocaleString("fr-FR") : row[c.key]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
