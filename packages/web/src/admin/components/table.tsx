import type { ComponentChildren } from 'preact';

/** A scrollable admin table: a header cell per column (text, or markup such as a visually hidden label), then the rows. */
export function Table({ columns, class: extraClass, children }: { columns: readonly ComponentChildren[]; class?: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table class={extraClass ? `table ${extraClass}` : 'table'}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
