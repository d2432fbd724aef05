/**
 * Draws a {@link SheetView} as an HTML table: column letters and row numbers like Excel's, cells with their
 * text, fill, font, alignment, borders and data bars, merged areas as spans, owned result columns marked,
 * the selection outlined. Cell text always goes in through `textContent`, never as HTML.
 *
 * Test hooks (the browser tests select by them): `td[data-cell="B5"]` with `data-fill="#FFC7CE"` (the
 * fill drawn, `none` without one), `data-owned` and `data-selected`; `th[data-col="R"][data-owned]`.
 */
import type { CellView, SheetView } from './sheet-view.ts';

/** Default widths in CSS pixels when the sheet sets none: Excel's 64 px, wider for long text. */
const DEFAULT_COL_PX = 64;
const AUTO_MAX_PX = 260;

function cellElement(cell: CellView, widthPx: number | null): HTMLTableCellElement {
  const td = document.createElement('td');
  td.dataset['cell'] = cell.a1;
  td.dataset['fill'] = cell.fill ?? 'none';
  if (cell.rowSpan > 1) td.rowSpan = cell.rowSpan;
  if (cell.colSpan > 1) td.colSpan = cell.colSpan;
  td.textContent = cell.text;
  if (cell.formula !== null) td.title = cell.formula;
  const s = td.style;
  if (cell.fill !== null) s.backgroundColor = cell.fill;
  if (cell.bar !== null) {
    const percent = (cell.bar.fraction * 100).toFixed(1);
    s.backgroundImage = `linear-gradient(to right, ${cell.bar.color} ${percent}%, transparent ${percent}%)`;
  }
  if (cell.fontColor !== null) s.color = cell.fontColor;
  if (cell.bold) s.fontWeight = '700';
  if (cell.fontSize !== null) s.fontSize = `${String(Math.round((cell.fontSize * 96) / 72))}px`;
  s.textAlign = cell.align;
  s.verticalAlign = cell.valign;
  // Wrapped cells wrap; the others stay on one line, cut at the cell's edge, unless the column has no set
  // width (then the grid sizes it to its text, up to a limit, and wraps beyond it).
  if (cell.wrap || widthPx === null) td.classList.add('wrap');
  if (widthPx !== null && cell.colSpan === 1) s.maxWidth = `${String(widthPx)}px`;
  for (const [edge, colour] of Object.entries(cell.borders)) {
    s.setProperty(`border-${edge}`, `1px solid ${colour}`);
  }
  if (cell.owned) {
    td.classList.add('owned');
    td.dataset['owned'] = 'true';
  }
  if (cell.selected) {
    td.classList.add('selected');
    td.dataset['selected'] = 'true';
  }
  return td;
}

/** Replace `container`'s content with the sheet's table; return the cell that holds the selection, if any. */
export function renderSheet(container: HTMLElement, view: SheetView): HTMLElement | null {
  const table = document.createElement('table');
  table.className = 'grid';
  table.setAttribute('aria-label', `工作表“${view.name}”`);

  const colgroup = document.createElement('colgroup');
  const corner = document.createElement('col');
  corner.className = 'row-head-col';
  colgroup.append(corner);
  for (const column of view.columns) {
    const col = document.createElement('col');
    if (column.widthPx !== null) col.style.width = `${String(column.widthPx)}px`;
    else col.style.minWidth = `${String(DEFAULT_COL_PX)}px`;
    colgroup.append(col);
  }
  table.append(colgroup);

  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const cornerCell = document.createElement('th');
  cornerCell.className = 'corner';
  headRow.append(cornerCell);
  for (const column of view.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.className = 'col-head';
    th.dataset['col'] = column.letter;
    th.textContent = column.letter;
    if (column.owned) {
      th.classList.add('owned');
      th.dataset['owned'] = 'true';
      th.title = '督办助手写入的结果列（“清除”会移除）';
    }
    if (view.selection && column.col >= view.selection.left && column.col <= view.selection.right) {
      th.classList.add('in-selection');
    }
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);

  const widths = new Map(view.columns.map((c) => [c.col, c.widthPx]));
  const body = document.createElement('tbody');
  let selected: HTMLElement | null = null;
  for (const row of view.rows) {
    const tr = document.createElement('tr');
    tr.dataset['row'] = String(row.row + 1);
    if (row.heightPx !== null) tr.style.height = `${String(row.heightPx)}px`;
    const th = document.createElement('th');
    th.scope = 'row';
    th.className = 'row-head';
    th.textContent = String(row.row + 1);
    if (view.selection && row.row >= view.selection.top && row.row <= view.selection.bottom) {
      th.classList.add('in-selection');
    }
    tr.append(th);
    for (const cell of row.cells) {
      const width = widths.get(cell.col) ?? null;
      const td = cellElement(cell, width);
      if (width === null) td.style.maxWidth = `${String(AUTO_MAX_PX)}px`;
      if (cell.selected && selected === null) selected = td;
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  container.replaceChildren(table);
  freezeRows(table, view.frozenRows);
  return selected;
}

/**
 * Keep the first `count` rows in view when the grid scrolls, as Excel's frozen panes do: their cells stick
 * below the column letters, each row at the height of the rows above it (measured once laid out).
 */
function freezeRows(table: HTMLTableElement, count: number): void {
  if (count <= 0) return;
  let top = table.tHead?.getBoundingClientRect().height ?? 0;
  const rows = Array.from(table.tBodies[0]?.rows ?? []).slice(0, count);
  for (const row of rows) {
    for (const cell of Array.from(row.cells)) {
      cell.classList.add('frozen');
      cell.style.top = `${String(top)}px`;
    }
    top += row.getBoundingClientRect().height;
  }
}
