/**
 * Fill `{name}` placeholders in a message template. Unknown names stay visible (`{name}`) so a missing
 * parameter is noticed in review instead of printing an empty gap.
 */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  // A placeholder is a brace-wrapped word:
  // '单元格{cell}' with {cell:'A1'} → '单元格A1'; '{n}项' with {n:3} → '3项'; '{x}' with {} → '{x}'
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
