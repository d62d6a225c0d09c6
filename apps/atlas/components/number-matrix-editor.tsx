// NumberMatrixEditor: a table of number fields with row and column headers — Tab moves between them, arrow
// keys step a value — each invalid entry marked and explained beside it; optional buttons remove a row or column.
'use client';
import { useId, type ReactNode } from 'react';
import { parseNumberCell, type NumberCell } from '../src/number-cell.ts';

export interface NumberMatrixEditorProps {
  caption: ReactNode;
  /** Prefix of the fields' names: `${name}-${row}-${col}`. */
  name: string;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  cells: readonly (readonly NumberCell[])[];
  onCellChange: (row: number, col: number, value: NumberCell) => void;
  /** Shown (as a × button per row) where there is more than one row. */
  onRemoveRow?: (row: number) => void;
  /** Shown (as a × button per column) where there is more than one column. */
  onRemoveColumn?: (col: number) => void;
  /** The column header of the row labels. */
  corner?: string;
}

export function NumberMatrixEditor(props: NumberMatrixEditorProps) {
  const { caption, name, rowLabels, colLabels, cells, onCellChange, onRemoveRow, onRemoveColumn, corner = '' } = props;
  const idPrefix = useId();
  const removableRows = onRemoveRow && rowLabels.length > 1;
  const removableColumns = onRemoveColumn && colLabels.length > 1;
  return (
    <div className="matrix-scroll">
      <table className="matrix-editor" data-testid={`${name}-editor`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {colLabels.map((label, c) => (
              <th key={c} scope="col">
                {label}
                {removableColumns ? (
                  <button type="button" className="remove" aria-label={`Remove dimension ${label}`} onClick={() => onRemoveColumn(c)}>
                    ×
                  </button>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, r) => (
            <tr key={r}>
              <th scope="row">
                {rowLabels[r]}
                {removableRows ? (
                  <button type="button" className="remove" aria-label={`Remove token ${rowLabels[r]}`} onClick={() => onRemoveRow(r)}>
                    ×
                  </button>
                ) : null}
              </th>
              {row.map((entry, c) => {
                const parsed = parseNumberCell(entry);
                const errorId = `${idPrefix}-${r}-${c}`;
                return (
                  <td key={c}>
                    <input
                      type="number"
                      step="any"
                      name={`${name}-${r}-${c}`}
                      aria-label={`${rowLabels[r]}, ${colLabels[c]}`}
                      value={entry.text}
                      aria-invalid={!parsed.ok}
                      {...(parsed.ok ? {} : { 'aria-describedby': errorId })}
                      // onInput, not onChange: React drops input events that leave the value '' (typing "e" or "-"), and those
                      // are the ones that turn badInput on.
                      onInput={(event) =>
                        onCellChange(r, c, { text: event.currentTarget.value, badInput: event.currentTarget.validity.badInput })
                      }
                    />
                    {parsed.ok ? null : (
                      <span id={errorId} className="cell-error">
                        {parsed.error}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
