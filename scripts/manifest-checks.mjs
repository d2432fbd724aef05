/**
 * Offline checks of the Office add-in manifest (manifest.xml), used by `scripts/validate-manifest.mjs`
 * (`npm run validate`) and by test/manifest/.
 *
 * Two layers:
 * 1. XSD validation with the npm package `xmllint-wasm` against the schemas in
 *    ../shared/schemas/office-manifest (element order, types, GUID and URL patterns, namespaces);
 * 2. our own checks, which an XSD cannot express: every `resid` resolves to a resource of the right kind,
 *    resource ids are unique and used, every URL is https on ONE origin, every icon is a PNG file under
 *    assets/ with the size it claims, every user-visible string is Chinese by default with an en-US
 *    override, and the settings we rely on (zh-CN, ReadWriteDocument, ExcelApi ≤ 1.8, Workbook host).
 *
 * `office-addin-manifest validate` would send the manifest to a Microsoft web service, which our machines and
 * CI cannot reach; hence this file.
 *
 * Our own checks go by local element names (`bt:Image` → `Image`) and the element's position, not by
 * namespace URIs: the XSD pass already proves every element sits in the right namespace.
 *
 * Every problem is a value `{ code, line, element, zh, en }`; nothing here throws for a bad manifest.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------------------
// A minimal XML parser: elements, attributes, text, comments, CDATA, the XML declaration, the five
// predefined entities and character references. No DTDs (a manifest has none). Enough for a manifest and
// strict about well-formedness, so that a broken file is reported rather than half-read.
// ---------------------------------------------------------------------------------------------------------

/** A well-formedness error, with the 1-based line where it was noticed. */
export class XmlSyntaxError extends Error {
  /**
   * @param {string} message
   * @param {number} line
   */
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
    this.line = line;
    this.detail = message;
  }
}

/*
 * An XML name, optionally with one namespace prefix:
 *   'OfficeApp'        → match
 *   'bt:Image'         → match
 *   'xsi:type'         → match
 *   '1abc' / 'a:b:c'   → no match
 */
const XML_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/*
 * An entity or character reference up to its semicolon (or the next '&' / whitespace when the semicolon
 * is missing, which is then reported):
 *   '&amp;'      → '&amp;'
 *   '&#x4E2D;'   → '&#x4E2D;'
 *   '&#20013;'   → '&#20013;'
 *   'A & B'      → '& ' is not matched past the space: '&' alone, reported as a bare ampersand
 */
const ENTITY_REF = /&([^;&\s]*)(;?)/g;

/*
 * A character reference body (after '&#'):
 *   'x4E2D' → hex 4E2D
 *   '20013' → decimal 20013
 *   'xZZ' / '' → no match
 */
const CHAR_REF = /^(?:x([0-9A-Fa-f]+)|([0-9]+))$/;

const PREDEFINED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Replaces entity and character references.
 * @param {string} raw
 * @param {(message: string) => never} fail
 * @returns {string}
 */
function decodeEntities(raw, fail) {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY_REF, (_whole, body, semicolon) => {
    if (semicolon !== ';') fail(`bare "&" (write &amp;) near "&${body}"`);
    if (body.startsWith('#')) {
      const m = CHAR_REF.exec(body.slice(1));
      if (!m) fail(`bad character reference "&${body};"`);
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (code > 0x10ffff) fail(`character reference out of range "&${body};"`);
      return String.fromCodePoint(code);
    }
    if (!Object.hasOwn(PREDEFINED_ENTITIES, body)) fail(`unknown entity "&${body};"`);
    return PREDEFINED_ENTITIES[body];
  });
}

const isSpace = (ch) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * Parses a well-formed XML document into a tree of plain objects.
 *
 * Each element is `{ name, attrs, children, text, line, parent }`: `name` as written (with its prefix),
 * `attrs` by name as written, `text` the concatenated character data directly inside it, `line` the
 * 1-based line of its start tag, `parent` null for the root.
 *
 * @param {string} text the document
 * @returns {import('./manifest-checks.d.mts').XmlElement} the root element
 * @throws {XmlSyntaxError} when the document is not well-formed
 */
export function parseXml(text) {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  /** @type {any[]} */
  const stack = [];
  let root = null;
  const fail = (message) => {
    throw new XmlSyntaxError(message, line);
  };
  // Moves to `to`, counting the line breaks passed over.
  const advance = (to) => {
    for (let k = pos; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    pos = to;
  };
  const find = (marker, what) => {
    const at = text.indexOf(marker, pos);
    if (at < 0) fail(`unterminated ${what}`);
    return at;
  };

  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const raw = text.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeEntities(raw, fail);
      else if (raw.trim() !== '') fail('text outside the root element');
      advance(textEnd);
      if (lt < 0) break;
    }
    if (text.startsWith('<!--', pos)) {
      advance(find('-->', 'comment') + 3);
      continue;
    }
    if (text.startsWith('<?', pos)) {
      advance(find('?>', 'processing instruction') + 2);
      continue;
    }
    if (text.startsWith('<![CDATA[', pos)) {
      const end = find(']]>', 'CDATA section');
      const top = stack[stack.length - 1];
      if (!top) fail('CDATA outside the root element');
      top.text += text.slice(pos + 9, end);
      advance(end + 3);
      continue;
    }
    if (text.startsWith('<!', pos)) fail('DOCTYPE and other declarations are not supported');
    if (text.startsWith('</', pos)) {
      const end = find('>', 'end tag');
      const name = text.slice(pos + 2, end).trim();
      const top = stack.pop();
      if (!top) fail(`end tag </${name}> without a start tag`);
      if (top.name !== name) fail(`end tag </${name}> does not match <${top.name}> of line ${top.line}`);
      advance(end + 1);
      continue;
    }

    // A start tag: name, attributes, then '>' or '/>'.
    const startLine = line;
    let k = pos + 1;
    while (k < text.length && !isSpace(text[k]) && text[k] !== '>' && text[k] !== '/') k++;
    const name = text.slice(pos + 1, k);
    if (!XML_NAME.test(name)) fail(`bad element name "${name}"`);
    /** @type {Record<string, string>} */
    const attrs = {};
    let selfClosing = false;
    for (;;) {
      const before = k;
      while (k < text.length && isSpace(text[k])) k++;
      if (k >= text.length) fail(`unterminated start tag <${name}>`);
      if (text[k] === '>') {
        k++;
        break;
      }
      if (text.startsWith('/>', k)) {
        k += 2;
        selfClosing = true;
        break;
      }
      if (k === before) fail(`missing space between attributes in <${name}>`);
      const attrStart = k;
      while (k < text.length && !isSpace(text[k]) && !'=>/'.includes(text[k])) k++;
      const attrName = text.slice(attrStart, k);
      if (!XML_NAME.test(attrName)) fail(`bad attribute name "${attrName}" in <${name}>`);
      while (k < text.length && isSpace(text[k])) k++;
      if (text[k] !== '=') fail(`attribute ${attrName} of <${name}> has no value`);
      k++;
      while (k < text.length && isSpace(text[k])) k++;
      const quote = text[k];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} of <${name}> is not quoted`);
      const close = text.indexOf(quote, k + 1);
      if (close < 0) fail(`unterminated value of attribute ${attrName} in <${name}>`);
      const value = text.slice(k + 1, close);
      if (value.includes('<')) fail(`"<" in the value of attribute ${attrName} of <${name}>`);
      if (Object.hasOwn(attrs, attrName)) fail(`duplicate attribute ${attrName} in <${name}>`);
      attrs[attrName] = decodeEntities(value, fail);
      k = close + 1;
    }
    const parent = stack[stack.length - 1] ?? null;
    const element = { name, attrs, children: [], text: '', line: startLine, parent };
    if (parent) parent.children.push(element);
    else if (root) fail(`second root element <${name}>`);
    else root = element;
    advance(k);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    fail(`<${open.name}> of line ${open.line} is never closed`);
  }
  if (!root) fail('no root element');
  return root;
}

/**
 * The local part of a (possibly prefixed) name: `bt:Image` → `Image`.
 * @param {string} name
 */
export function localName(name) {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Every element of the subtree, document order, the root first. */
function* walk(element) {
  yield element;
  for (const child of element.children) yield* walk(child);
}

const childrenNamed = (element, local) => element.children.filter((c) => localName(c.name) === local);
const childNamed = (element, local) => childrenNamed(element, local)[0];

/** The element's start tag, shortened for messages: `<bt:Image id="Icon.16x16">`. */
function describe(element) {
  for (const key of ['id', 'resid', 'Name', 'Locale']) {
    if (element.attrs[key] !== undefined) return `<${element.name} ${key}="${element.attrs[key]}">`;
  }
  return `<${element.name}>`;
}

/**
 * @param {import('./manifest-checks.d.mts').ManifestProblemCode} code
 * @param {{ line: number } | null} at
 * @param {string} element
 * @param {string} zh
 * @param {string} en
 */
function problem(code, at, element, zh, en) {
  return { code, line: at ? at.line : 0, element, zh, en };
}

// ---------------------------------------------------------------------------------------------------------
// Resources and their references
// ---------------------------------------------------------------------------------------------------------

/** The resource kind each Resources collection holds. */
const COLLECTION_KIND = { Images: 'image', Urls: 'url', ShortStrings: 'short', LongStrings: 'long' };

/** Human names of the kinds, for messages. */
const KIND_NAME = {
  image: { zh: '图片', en: 'image (bt:Image)' },
  url: { zh: '网址', en: 'URL (bt:Url)' },
  short: { zh: '短文本', en: 'short string' },
  long: { zh: '长文本', en: 'long string' },
};

/**
 * The kind of resource an element with `resid` must point at, from its local name (and parent for
 * `Image`, which also names a resource definition). Unknown names accept any kind.
 */
function expectedKind(element) {
  const local = localName(element.name);
  if (local === 'Image') return 'image';
  if (local === 'SourceLocation' || local === 'FunctionFile' || local === 'LearnMoreUrl') return 'url';
  if (local === 'Label' || local === 'Title' || local === 'Namespace') return 'short';
  if (local === 'Description') return 'long';
  return null;
}

/**
 * The resources defined under every `Resources` element: `{ id, kind, element }` in document order.
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 */
export function listResources(root) {
  const out = [];
  for (const element of walk(root)) {
    if (localName(element.name) !== 'Resources') continue;
    for (const collection of element.children) {
      const kind = COLLECTION_KIND[localName(collection.name)];
      if (!kind) continue;
      for (const item of collection.children) out.push({ id: item.attrs.id ?? '', kind, element: item });
    }
  }
  return out;
}

/**
 * Every `resid` resolves to a defined resource of the kind its element needs; resource ids are unique;
 * every resource is referenced at least once (a dead resource is usually a typo elsewhere).
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 * @returns {import('./manifest-checks.d.mts').ManifestProblem[]}
 */
export function checkResources(root) {
  const problems = [];
  const byId = new Map();
  for (const resource of listResources(root)) {
    const first = byId.get(resource.id);
    if (first) {
      problems.push(
        problem(
          'resource_duplicate',
          resource.element,
          describe(resource.element),
          `资源 id “${resource.id}”重复（第 ${first.element.line} 行已定义）`,
          `resource id "${resource.id}" is defined twice (first on line ${first.element.line})`,
        ),
      );
    } else {
      byId.set(resource.id, resource);
    }
  }
  const used = new Set();
  for (const element of walk(root)) {
    const resid = element.attrs.resid;
    if (resid === undefined) continue;
    const resource = byId.get(resid);
    if (!resource) {
      problems.push(
        problem(
          'resid_dangling',
          element,
          describe(element),
          `resid “${resid}”没有对应的资源（Resources 中无此 id）`,
          `resid "${resid}" does not match any resource id in Resources`,
        ),
      );
      continue;
    }
    used.add(resid);
    const want = expectedKind(element);
    if (want && want !== resource.kind) {
      problems.push(
        problem(
          'resid_wrong_kind',
          element,
          describe(element),
          `resid “${resid}”应指向${KIND_NAME[want].zh}，实际是${KIND_NAME[resource.kind].zh}`,
          `resid "${resid}" must point at a ${KIND_NAME[want].en}, but it is a ${KIND_NAME[resource.kind].en}`,
        ),
      );
    }
  }
  for (const [id, resource] of byId) {
    if (used.has(id)) continue;
    problems.push(
      problem(
        'resource_unused',
        resource.element,
        describe(resource.element),
        `资源 “${id}”从未被引用`,
        `resource "${id}" is never referenced`,
      ),
    );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// User-visible strings
// ---------------------------------------------------------------------------------------------------------

/*
 * At least one CJK ideograph (CJK Unified Ideographs, Extension A, Compatibility Ideographs):
 *   '督办助手'     → true
 *   '评分 Score'   → true
 *   'Duban'        → false
 *   '，。' (punctuation only) → false
 */
const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/**
 * Every user-visible string — DisplayName, Description and each bt:String in ShortStrings/LongStrings —
 * has a Chinese DefaultValue (the zh-CN default) and a non-empty en-US Override.
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 * @returns {import('./manifest-checks.d.mts').ManifestProblem[]}
 */
export function checkStrings(root) {
  const problems = [];
  const strings = [childNamed(root, 'DisplayName'), childNamed(root, 'Description')].filter(Boolean);
  for (const resource of listResources(root)) {
    if (resource.kind === 'short' || resource.kind === 'long') strings.push(resource.element);
  }
  for (const element of strings) {
    const label = describe(element);
    const value = element.attrs.DefaultValue ?? '';
    if (!CJK.test(value)) {
      problems.push(
        problem(
          'string_zh_missing',
          element,
          label,
          `默认值应为简体中文（zh-CN），实际为“${value}”`,
          `DefaultValue must be the zh-CN (Chinese) text, found "${value}"`,
        ),
      );
    }
    const english = childrenNamed(element, 'Override').find(
      (o) => (o.attrs.Locale ?? '').toLowerCase() === 'en-us' && (o.attrs.Value ?? '').trim() !== '',
    );
    if (!english) {
      problems.push(
        problem(
          'string_en_missing',
          element,
          label,
          '缺少 en-US 英文覆盖（<Override Locale="en-US" Value="…"/>）',
          'missing the en-US override (<Override Locale="en-US" Value="…"/>)',
        ),
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// URLs and icons
// ---------------------------------------------------------------------------------------------------------

/**
 * Every URL the manifest makes Office load, with the element it came from and, for images, the sizes it
 * must have. AppDomains are left out on purpose: they list *other* domains the add-in may navigate to.
 * SupportUrl and GetStarted's LearnMoreUrl are included: we serve them from the same origin too, so one
 * origin swap moves the whole add-in.
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 */
export function listUrls(root) {
  const out = [];
  const add = (element, isImage, sizes) => {
    const values = [{ value: element.attrs.DefaultValue, at: element }];
    for (const o of childrenNamed(element, 'Override')) values.push({ value: o.attrs.Value, at: o });
    for (const { value, at } of values) {
      if (value !== undefined) out.push({ url: value, element, at, isImage, sizes });
    }
  };
  const iconUrl = childNamed(root, 'IconUrl');
  // Sizes from the docs: the add-in list icon is 32 × 32 for task-pane add-ins, the high-DPI one 64 × 64.
  if (iconUrl) add(iconUrl, true, [32]);
  const highRes = childNamed(root, 'HighResolutionIconUrl');
  if (highRes) add(highRes, true, [64]);
  const support = childNamed(root, 'SupportUrl');
  if (support) add(support, false, []);
  for (const settings of childrenNamed(root, 'DefaultSettings')) {
    for (const source of childrenNamed(settings, 'SourceLocation')) add(source, false, []);
  }
  // Sizes an image resource must have: from every <bt:Image size="…" resid="…"> pointing at it.
  const requestedSizes = new Map();
  for (const element of walk(root)) {
    if (localName(element.name) !== 'Image' || element.attrs.resid === undefined) continue;
    const size = Number(element.attrs.size);
    if (!Number.isInteger(size)) continue;
    const list = requestedSizes.get(element.attrs.resid) ?? [];
    list.push(size);
    requestedSizes.set(element.attrs.resid, list);
  }
  for (const resource of listResources(root)) {
    if (resource.kind === 'image') add(resource.element, true, requestedSizes.get(resource.id) ?? []);
    if (resource.kind === 'url') add(resource.element, false, []);
  }
  return out;
}

/*
 * The origin every other URL must share: the task pane's own SourceLocation.
 * (No regex here; `new URL()` parses.)
 */
function referenceOrigin(root) {
  const settings = childNamed(root, 'DefaultSettings');
  const source = settings ? childNamed(settings, 'SourceLocation') : undefined;
  try {
    return source ? new URL(source.attrs.DefaultValue ?? '').origin : null;
  } catch {
    return null;
  }
}

/**
 * Every URL parses, is https, and is on the same origin as DefaultSettings/SourceLocation.
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 * @returns {import('./manifest-checks.d.mts').ManifestProblem[]}
 */
export function checkUrls(root) {
  const problems = [];
  const origin = referenceOrigin(root);
  for (const { url, element, at } of listUrls(root)) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(
        problem('url_invalid', at, describe(element), `网址无法解析：“${url}”`, `not a valid URL: "${url}"`),
      );
      continue;
    }
    if (parsed.protocol !== 'https:') {
      problems.push(
        problem(
          'url_not_https',
          at,
          describe(element),
          `网址必须使用 https：${url}`,
          `URL must use https: ${url}`,
        ),
      );
      continue;
    }
    if (origin && parsed.origin !== origin) {
      problems.push(
        problem(
          'url_other_origin',
          at,
          describe(element),
          `网址不在统一来源 ${origin} 上：${url}`,
          `URL is not on the one origin ${origin}: ${url}`,
        ),
      );
    }
  }
  return problems;
}

/*
 * A size written in a resource id or file name:
 *   'Icon.16x16'        → 16 (and 16)
 *   'icon-score-80.png' → 80
 *   'icon-64.png'       → 64
 *   'Taskpane.Url'      → none
 */
const SIZE_IN_ID = /(\d+)x(\d+)$/;
const SIZE_IN_FILE = /-(\d+)\.png$/i;

/**
 * Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.
 * @param {Uint8Array} bytes
 * @returns {{ width: number, height: number } | null}
 */
export function readPngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  // IHDR is always the first chunk: length (4) + "IHDR" (4) at offset 8, then width and height.
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Every image URL on our origin maps to a PNG under `<repoRoot>/assets/` (the path after the origin, e.g.
 * https://localhost:3000/assets/icon-16.png → assets/icon-16.png) whose width and height match every size
 * it claims: the `size` of the icon lists pointing at it, the size in its resource id (`Icon.16x16`), the
 * size in its file name (`icon-16.png`), 32 for IconUrl and 64 for HighResolutionIconUrl.
 * URLs on other origins are skipped here (checkUrls reports them).
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 * @param {string} repoRoot
 * @returns {import('./manifest-checks.d.mts').ManifestProblem[]}
 */
export function checkIcons(root, repoRoot) {
  const problems = [];
  const origin = referenceOrigin(root);
  const assetsDir = path.resolve(repoRoot, 'assets');
  for (const { url, element, at, isImage, sizes } of listUrls(root)) {
    if (!isImage) continue;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.protocol !== 'https:' || parsed.origin !== origin) continue;
    const label = describe(element);
    let relative;
    try {
      relative = decodeURIComponent(parsed.pathname).slice(1);
    } catch {
      relative = parsed.pathname.slice(1);
    }
    // path.resolve also folds '..', so '/assets/../manifest.xml' ends up outside assets/ and is reported.
    const file = path.resolve(repoRoot, relative);
    if (!file.startsWith(assetsDir + path.sep)) {
      problems.push(
        problem(
          'icon_outside_assets',
          at,
          label,
          `图标应位于 assets/ 下：${url}`,
          `icon must be served from assets/: ${url}`,
        ),
      );
      continue;
    }
    const shown = path.relative(repoRoot, file).split(path.sep).join('/');
    if (!existsSync(file)) {
      problems.push(
        problem('icon_missing', at, label, `图标文件不存在：${shown}`, `icon file does not exist: ${shown}`),
      );
      continue;
    }
    const size = readPngSize(readFileSync(file));
    if (!size) {
      problems.push(
        problem('icon_not_png', at, label, `图标不是 PNG 文件：${shown}`, `icon is not a PNG file: ${shown}`),
      );
      continue;
    }
    const claims = [...sizes];
    const idMatch = SIZE_IN_ID.exec(element.attrs.id ?? '');
    if (idMatch) claims.push(Number(idMatch[1]));
    const fileMatch = SIZE_IN_FILE.exec(file);
    if (fileMatch) claims.push(Number(fileMatch[1]));
    const wanted = [...new Set(claims)];
    const bad = size.width !== size.height || wanted.some((n) => n !== size.width);
    if (bad) {
      const want = wanted.length > 0 ? wanted.map((n) => `${n}×${n}`).join(' / ') : 'square';
      problems.push(
        problem(
          'icon_size_mismatch',
          at,
          label,
          `图标尺寸应为 ${want}，实际为 ${size.width}×${size.height}：${shown}`,
          `icon must be ${want}, but ${shown} is ${size.width}×${size.height}`,
        ),
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------------------

/** The highest ExcelApi we may require: Office 2019 perpetual stops at 1.8. */
export const MAX_EXCEL_API = '1.8';

/*
 * A requirement-set version "major.minor":
 *   '1.8'  → [1, 8]
 *   '1.10' → [1, 10]   (numeric: 1.10 is newer than 1.8)
 *   '1' / '1.8.1' / 'x' → no match
 */
const SHORT_VERSION = /^(\d+)\.(\d+)$/;

/**
 * Compares two "major.minor" versions numerically; NaN when either is malformed.
 * @param {string} a
 * @param {string} b
 * @returns {number} negative, zero or positive
 */
export function compareVersions(a, b) {
  const x = SHORT_VERSION.exec(a);
  const y = SHORT_VERSION.exec(b);
  if (!x || !y) return Number.NaN;
  return Number(x[1]) - Number(y[1]) || Number(x[2]) - Number(y[2]);
}

/**
 * DefaultLocale is zh-CN; Permissions is ReadWriteDocument; the base Hosts include Workbook; the base
 * Requirements name ExcelApi, and no ExcelApi requirement anywhere (base or VersionOverrides) exceeds 1.8.
 * @param {import('./manifest-checks.d.mts').XmlElement} root
 * @returns {import('./manifest-checks.d.mts').ManifestProblem[]}
 */
export function checkSettings(root) {
  const problems = [];
  const locale = childNamed(root, 'DefaultLocale');
  const localeText = locale ? locale.text.trim() : '';
  if (localeText !== 'zh-CN') {
    problems.push(
      problem(
        'default_locale',
        locale ?? root,
        '<DefaultLocale>',
        `DefaultLocale 应为 zh-CN，实际为“${localeText}”`,
        `DefaultLocale must be zh-CN, found "${localeText}"`,
      ),
    );
  }
  const permissions = childNamed(root, 'Permissions');
  const permissionsText = permissions ? permissions.text.trim() : '';
  if (permissionsText !== 'ReadWriteDocument') {
    problems.push(
      problem(
        'permissions',
        permissions ?? root,
        '<Permissions>',
        `Permissions 应为 ReadWriteDocument（需要写入结果列与条件格式），实际为“${permissionsText}”`,
        `Permissions must be ReadWriteDocument (we write result columns and conditional formats), found "${permissionsText}"`,
      ),
    );
  }
  const hosts = childNamed(root, 'Hosts');
  const hasWorkbook = hosts ? childrenNamed(hosts, 'Host').some((h) => h.attrs.Name === 'Workbook') : false;
  if (!hasWorkbook) {
    problems.push(
      problem(
        'host_workbook_missing',
        hosts ?? root,
        '<Hosts>',
        'Hosts 中缺少 <Host Name="Workbook"/>（Excel）',
        'Hosts lacks <Host Name="Workbook"/> (Excel)',
      ),
    );
  }
  const requirements = childNamed(root, 'Requirements');
  const baseSets = requirements ? childNamed(requirements, 'Sets') : undefined;
  const baseExcel = baseSets
    ? childrenNamed(baseSets, 'Set').some((s) => s.attrs.Name === 'ExcelApi')
    : false;
  if (!baseExcel) {
    problems.push(
      problem(
        'excel_api_missing',
        requirements ?? root,
        '<Requirements>',
        `Requirements 中缺少 <Set Name="ExcelApi" MinVersion="${MAX_EXCEL_API}"/>`,
        `Requirements lacks <Set Name="ExcelApi" MinVersion="${MAX_EXCEL_API}"/>`,
      ),
    );
  }
  for (const element of walk(root)) {
    if (localName(element.name) !== 'Set' || element.attrs.Name !== 'ExcelApi') continue;
    const sets = element.parent;
    const version = element.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion ?? '1.1';
    const cmp = compareVersions(version, MAX_EXCEL_API);
    if (!(cmp <= 0)) {
      problems.push(
        problem(
          'excel_api_too_high',
          element,
          describe(element),
          `ExcelApi 最低版本 ${version} 高于 ${MAX_EXCEL_API}（Office 2019 只支持到 1.8；更新的 API 请用 isSetSupported 判断）`,
          `ExcelApi MinVersion ${version} is above ${MAX_EXCEL_API} (Office 2019 stops at 1.8; guard newer APIs with isSetSupported)`,
        ),
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// All own checks together
// ---------------------------------------------------------------------------------------------------------

/**
 * Runs every own check (not the XSD) on manifest text.
 * @param {string} xmlText
 * @param {{ repoRoot: string }} options `repoRoot`: the folder holding `assets/`
 * @returns {import('./manifest-checks.d.mts').ManifestCheckResult}
 */
export function checkManifest(xmlText, options) {
  let root;
  try {
    root = parseXml(xmlText);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return {
      problems: [
        problem('xml_syntax', error, '', `XML 格式错误：${error.detail}`, `malformed XML: ${error.detail}`),
      ],
      stats: { resources: 0, references: 0, urls: 0, icons: 0, strings: 0 },
    };
  }
  const problems = [
    ...checkSettings(root),
    ...checkResources(root),
    ...checkStrings(root),
    ...checkUrls(root),
    ...checkIcons(root, options.repoRoot),
  ].sort((a, b) => a.line - b.line);
  const resources = listResources(root);
  const urls = listUrls(root);
  let references = 0;
  for (const element of walk(root)) if (element.attrs.resid !== undefined) references++;
  return {
    problems,
    stats: {
      resources: resources.length,
      references,
      urls: urls.length,
      icons: urls.filter((u) => u.isImage).length,
      strings: 2 + resources.filter((r) => r.kind === 'short' || r.kind === 'long').length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// XSD validation
// ---------------------------------------------------------------------------------------------------------

/** The entry schema; the others in its folder are passed as `preload` for its xs:import. */
export const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/**
 * Where the manifest XSDs live: `$DUBAN_MANIFEST_SCHEMAS` when set (relative to the working directory),
 * else `../shared/schemas/office-manifest` next to the repository.
 * @param {string} repoRoot
 * @param {Record<string, string | undefined>} env
 */
export function resolveSchemaDir(repoRoot, env) {
  const override = env.DUBAN_MANIFEST_SCHEMAS;
  return override ? path.resolve(override) : path.resolve(repoRoot, '../shared/schemas/office-manifest');
}

/** True when the environment says we run in CI (`CI=1`, `CI=true`; not `CI=0`, `CI=false` or empty). */
export function isCi(env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/*
 * libxml2 writes qualified names as {namespace-uri}Local; the URI only adds noise to a message:
 *   "Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Permissions'" → "Element 'Permissions'"
 *   "( {urn:a}Hosts, {urn:a}Requirements )"                                   → "( Hosts, Requirements )"
 *   "no braces here"                                                           → unchanged
 */
const CLARK_NAMESPACE = /\{[^{}\s]*\}/g;

/*
 * libxml2's category prefix, redundant once we say "XSD":
 *   "Schemas validity error : Element 'Hosts': …" → "Element 'Hosts': …"
 *   "Schemas parser error : …"                    → "…"
 *   "Element 'Hosts': …"                          → unchanged
 */
const XMLLINT_CATEGORY = /^Schemas (?:validity|parser) error\s*:\s*/;

/*
 * The element a libxml2 schema error is about:
 *   "Element 'Permissions': This element is not expected." → 'Permissions'
 *   "Element 'bt:Image', attribute 'size': …"            → 'bt:Image'
 *   "Schemas parser error : …"                             → none
 */
const XSD_ELEMENT = /Element '([^']+)'/;

/**
 * Validates manifest text against the XSDs with xmllint-wasm.
 *
 * When the schema folder is missing: outside CI the validation is skipped with a note (our own checks still
 * run); in CI (`CI=1`) that is a problem of its own, because CI must never pass without the XSD.
 *
 * @param {string} xmlText
 * @param {{ schemaDir: string, env: Record<string, string | undefined>, fileName?: string }} options
 * @returns {Promise<import('./manifest-checks.d.mts').XsdResult>}
 */
export async function validateXsd(xmlText, options) {
  const fileName = options.fileName ?? 'manifest.xml';
  const entry = path.join(options.schemaDir, ENTRY_SCHEMA);
  if (!existsSync(entry)) {
    const why = `${entry} not found`;
    if (isCi(options.env)) {
      return {
        status: 'failed',
        note: '',
        problems: [
          problem(
            'xsd_schemas_missing',
            null,
            '',
            `CI 中找不到清单 XSD（${options.schemaDir}），无法做 XSD 校验；请提供该目录或设置 DUBAN_MANIFEST_SCHEMAS`,
            `CI cannot validate without the manifest XSDs (${why}); provide the folder or set DUBAN_MANIFEST_SCHEMAS`,
          ),
        ],
      };
    }
    return {
      status: 'skipped',
      problems: [],
      note:
        `已跳过 XSD 校验：找不到 ${options.schemaDir}（可设置 DUBAN_MANIFEST_SCHEMAS）；其余检查照常进行。 / ` +
        `XSD validation skipped: ${why} (set DUBAN_MANIFEST_SCHEMAS to point at the schemas); own checks still run.`,
    };
  }
  const preload = readdirSync(options.schemaDir)
    .filter((f) => f.endsWith('.xsd') && f !== ENTRY_SCHEMA)
    .sort()
    .map((f) => ({ fileName: f, contents: readFileSync(path.join(options.schemaDir, f), 'utf8') }));
  const { validateXML } = await import('xmllint-wasm');
  let result;
  try {
    result = await validateXML({
      xml: [{ fileName, contents: xmlText }],
      schema: [{ fileName: ENTRY_SCHEMA, contents: readFileSync(entry, 'utf8') }],
      preload,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'failed',
      note: '',
      problems: [
        problem(
          'xsd_failed',
          null,
          '',
          `XSD 校验无法运行：${message}`,
          `XSD validation could not run: ${message}`,
        ),
      ],
    };
  }
  if (result.valid) return { status: 'valid', problems: [], note: '' };
  const problems = result.errors.map((error) => {
    const message = error.message.replace(CLARK_NAMESPACE, '').trim().replace(XMLLINT_CATEGORY, '');
    const element = XSD_ELEMENT.exec(message);
    return problem(
      'xsd',
      error.loc ? { line: error.loc.lineNumber } : null,
      element ? `<${element[1]}>` : '',
      'XSD 校验不通过（元素顺序、类型或取值不符合清单架构）',
      message,
    );
  });
  return { status: 'invalid', problems, note: '' };
}

/**
 * XSD validation plus every own check, for one manifest text.
 * @param {string} xmlText
 * @param {{ repoRoot: string, env: Record<string, string | undefined>, fileName?: string }} options
 * @returns {Promise<import('./manifest-checks.d.mts').ManifestValidation>}
 */
export async function validateManifest(xmlText, options) {
  const schemaDir = resolveSchemaDir(options.repoRoot, options.env);
  const xsd = await validateXsd(xmlText, { schemaDir, env: options.env, fileName: options.fileName });
  const own = checkManifest(xmlText, { repoRoot: options.repoRoot });
  return {
    problems: [...xsd.problems, ...own.problems],
    xsd: xsd.status,
    notes: xsd.note ? [xsd.note] : [],
    stats: own.stats,
  };
}

/**
 * One output line: `file:line <element>: 中文 | English`.
 * @param {import('./manifest-checks.d.mts').ManifestProblem} p
 * @param {string} fileName
 */
export function formatProblem(p, fileName) {
  const where = p.line > 0 ? `${fileName}:${p.line}` : fileName;
  const element = p.element ? ` ${p.element}` : '';
  return `${where}${element}: ${p.zh} | ${p.en}`;
}
