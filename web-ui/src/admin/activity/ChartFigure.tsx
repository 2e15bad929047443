import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  /** A sentence that says what the chart shows, visible to everyone. */
  summary?: string;
  chart: ReactNode;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * A chart with its text alternative: the canvas is hidden from assistive technology and the same
 * numbers are given as a table that is visually hidden but read by screen readers.
 */
export default function ChartFigure({ id, title, summary, chart, columns, rows }: Props) {
  const titleId = `${id}-title`;
  return (
    <figure className="admin-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="admin-chart-title">
        {title}
      </figcaption>
      {summary !== undefined && <p className="admin-chart-summary">{summary}</p>}
      <div className="admin-chart-canvas" aria-hidden="true">
        {chart}
      </div>
      {/* A table cannot shrink below its content, so the wrapper is what gets hidden. */}
      <div className="admin-visually-hidden">
        <table data-testid={`${id}-table`}>
          <caption>{title}</caption>
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) =>
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={cellIndex}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
