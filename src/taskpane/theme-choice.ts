/**
 * Which Fluent theme follows the Office theme. Office reports its theme as colours
 * (`Office.context.officeTheme.bodyBackgroundColor`); a dark body means the dark theme, anything else —
 * white, light grey, and the colorful theme, whose body is light — the light theme.
 */

/** The two Fluent themes the pane ships. */
export type ThemeKind = 'light' | 'dark';

/** The part of `Office.context.officeTheme` the choice reads (absent outside Office or on old hosts). */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string | null;
}

/**
 * Relative luminance (WCAG 2) of a `#RRGGBB` or `#RGB` colour, 0 (black) … 1 (white); null for anything else.
 * @example luminance('#ffffff') === 1; luminance('#000') === 0; luminance('teal') === null
 */
export function luminance(colour: string): number | null {
  // Hex colour with or without the hash, 3 or 6 digits:
  // '#262626' → 26,26,26; 'E6E6E6' → E6,E6,E6; '#fff' → f,f,f; '#12345' → no match
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m?.[1]) return null;
  const digits = m[1];
  // '#abc' is shorthand for '#aabbcc': each digit doubled (hex digits are ASCII, so indexing is safe).
  const hex = digits.length === 3 ? digits.replace(/[0-9a-f]/gi, (c) => c + c) : digits;
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i * 2, i * 2 + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * The theme for Office's colours: dark when the body background is darker than mid grey (luminance below
 * 0.18, the perceptual middle), light otherwise and when Office does not say.
 * @example pickThemeKind({ bodyBackgroundColor: '#262626' }) === 'dark'  // Office "Black"
 * @example pickThemeKind({ bodyBackgroundColor: '#E6E6E6' }) === 'light' // "Colorful"
 */
export function pickThemeKind(theme: OfficeThemeColours | null | undefined): ThemeKind {
  const colour = theme?.bodyBackgroundColor;
  if (!colour) return 'light';
  const l = luminance(colour);
  return l !== null && l < 0.18 ? 'dark' : 'light';
}
