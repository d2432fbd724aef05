/**
 * Types of scripts/manifest-checks.mjs (plain Node ESM, run without a build step), so that the TypeScript
 * tests in test/manifest/ can call it under `strict`.
 */

/** An element of the parsed manifest. */
export interface XmlElement {
  /** The name as written, with its prefix (`bt:Image`). */
  readonly name: string;
  /** Attributes by name as written, entity references decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside this element, entity references decoded. */
  readonly text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
  readonly parent: XmlElement | null;
}

/** A well-formedness error; `line` is 1-based, `detail` the message without the line. */
export class XmlSyntaxError extends Error {
  constructor(message: string, line: number);
  readonly line: number;
  readonly detail: string;
}

/** Stable codes of manifest problems. */
export type ManifestProblemCode =
  | 'xml_syntax'
  | 'xsd'
  | 'xsd_schemas_missing'
  | 'xsd_failed'
  | 'resource_duplicate'
  | 'resource_unused'
  | 'resid_dangling'
  | 'resid_wrong_kind'
  | 'string_zh_missing'
  | 'string_en_missing'
  | 'url_invalid'
  | 'url_not_https'
  | 'url_other_origin'
  | 'icon_outside_assets'
  | 'icon_missing'
  | 'icon_not_png'
  | 'icon_size_mismatch'
  | 'default_locale'
  | 'permissions'
  | 'host_workbook_missing'
  | 'excel_api_missing'
  | 'excel_api_too_high';

/** One problem: where (line 0 = the file as a whole), which element, and the message in zh-CN and en-US. */
export interface ManifestProblem {
  readonly code: ManifestProblemCode;
  readonly line: number;
  /** The element's start tag, shortened (`<bt:Image id="Icon.16x16">`); empty when not about one element. */
  readonly element: string;
  readonly zh: string;
  readonly en: string;
}

/** Counts of what the own checks looked at (for the summary line). */
export interface ManifestStats {
  readonly resources: number;
  readonly references: number;
  readonly urls: number;
  readonly icons: number;
  readonly strings: number;
}

/** Result of the own checks. */
export interface ManifestCheckResult {
  readonly problems: readonly ManifestProblem[];
  readonly stats: ManifestStats;
}

/** How the XSD pass ended. */
export type XsdStatus = 'valid' | 'invalid' | 'skipped' | 'failed';

/** Result of the XSD pass; `note` explains a skip. */
export interface XsdResult {
  readonly status: XsdStatus;
  readonly problems: readonly ManifestProblem[];
  readonly note: string;
}

/** XSD pass and own checks together. */
export interface ManifestValidation {
  readonly problems: readonly ManifestProblem[];
  readonly xsd: XsdStatus;
  readonly notes: readonly string[];
  readonly stats: ManifestStats;
}

/** Environment variables read: `CI`, `DUBAN_MANIFEST_SCHEMAS`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A resource defined under Resources. */
export interface ResourceDefinition {
  readonly id: string;
  readonly kind: 'image' | 'url' | 'short' | 'long';
  readonly element: XmlElement;
}

/** A URL the manifest makes Office load. */
export interface ManifestUrl {
  readonly url: string;
  /** The element defining it (IconUrl, bt:Image, bt:Url, SourceLocation, …). */
  readonly element: XmlElement;
  /** The element carrying this value: `element` itself or one of its Override children. */
  readonly at: XmlElement;
  readonly isImage: boolean;
  /** Sizes the image must have, from the icon lists referencing it (IconUrl 32, HighResolutionIconUrl 64). */
  readonly sizes: readonly number[];
}

export function parseXml(text: string): XmlElement;
export function localName(name: string): string;
export function listResources(root: XmlElement): ResourceDefinition[];
export function listUrls(root: XmlElement): ManifestUrl[];
export function checkResources(root: XmlElement): ManifestProblem[];
export function checkStrings(root: XmlElement): ManifestProblem[];
export function checkUrls(root: XmlElement): ManifestProblem[];
export function checkIcons(root: XmlElement, repoRoot: string): ManifestProblem[];
export function checkSettings(root: XmlElement): ManifestProblem[];
export function checkManifest(xmlText: string, options: { repoRoot: string }): ManifestCheckResult;
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null;
export function compareVersions(a: string, b: string): number;
export const MAX_EXCEL_API: string;
export const ENTRY_SCHEMA: string;
export function resolveSchemaDir(repoRoot: string, env: Env): string;
export function isCi(env: Env): boolean;
export function validateXsd(
  xmlText: string,
  options: { schemaDir: string; env: Env; fileName?: string },
): Promise<XsdResult>;
export function validateManifest(
  xmlText: string,
  options: { repoRoot: string; env: Env; fileName?: string },
): Promise<ManifestValidation>;
export function formatProblem(problem: ManifestProblem, fileName: string): string;
