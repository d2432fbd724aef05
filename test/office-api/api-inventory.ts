/**
 * The Office.js inventory check behind `requirement-sets.test.ts`: which members of `@types/office-js` the
 * add-in's code touches, which requirement set each needs, and whether each use above what the manifest
 * guarantees is guarded. A test helper (no `.test.ts`): the real-code test and the negative tests share it.
 *
 * A USE is any of (resolved with the TypeScript checker, so aliases, `this.x` and inferred types count):
 * - a property access or call `a.b` / `a.b()` / `a?.b` whose symbol is declared in @types/office-js;
 * - a property of an object literal whose contextual type is declared there (`range.format.fill.set({ color })`,
 *   `sheet.pageLayout.zoom = { horizontalFitToPages: 1 }`, `range.hyperlink = { documentReference }`);
 * - each property path named in a string given to an Office.js `load(...)` (`sheets.load('items/name')` uses
 *   `Excel.WorksheetCollection.items` and `Excel.Worksheet.name`). A load argument the checker cannot turn
 *   into string literals, or a path segment the type does not have, is reported (`unresolved-load`): Office.js
 *   itself only finds those at run time.
 * Type positions (`Excel.Range` in an annotation) are not uses: they cost nothing at run time.
 *
 * KEYS name the declaration: containers and member, dot-joined, as written in the .d.ts — `Excel.Range.values`,
 * `Excel.Worksheet.pageLayout`, `Office.Context.requirements` (the `Context` interface, not the `context`
 * variable), `Office.EventType.DialogMessageReceived`. `Excel.Interfaces.RangeUpdateData.values` (what `set()`
 * takes) and `...LoadOptions` / `...Data` map to the class member, `Excel.Range.values`. Members of inline
 * object types carry their named parents: `Office.onReady.callback.info.host`.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { ApiRequirement } from '../../src/excel/office-api-sets.ts';
import { compareVersions, parseRequirement } from '../../src/excel/office-api-sets.ts';

/** One use of an Office.js member in the walked code. */
export interface ApiUse {
  readonly key: string;
  /** `file:line:column`, 1-based, file relative to the program's current directory. */
  readonly at: string;
  readonly via: 'access' | 'literal' | 'load';
  readonly node: ts.Node;
  /** Keys of the Office.js classes the member is read from (`Excel.RangeAreas`), when all are classes. */
  readonly receivers?: readonly string[];
}

/** Something the check rejects. */
export interface InventoryProblem {
  readonly kind: 'unknown-member' | 'unguarded' | 'unresolved-load';
  readonly key: string;
  readonly at: string;
  readonly detail: string;
}

/** What the check needs. */
export interface InventoryInput {
  readonly program: ts.Program;
  /** The files whose uses are collected and whose call sites count for the guard rule. */
  readonly isWalked: (fileName: string) => boolean;
  /** Key → `Set X.Y` (`OFFICE_API_SETS`). */
  readonly table: Readonly<Record<string, string>>;
  /** Set name → highest version usable without a guard (manifest sets plus implied sets). */
  readonly baseline: ReadonlyMap<string, string>;
}

const OFFICE_DTS = /[\\/]@types[\\/]office-js[\\/]index\.d\.ts$/;

/** True for the @types/office-js declaration file. */
export function isOfficeDts(fileName: string): boolean {
  // Examples: '/work/main/node_modules/@types/office-js/index.d.ts' → true;
  // 'C:\\x\\node_modules\\@types\\office-js\\index.d.ts' → true; '/x/@types/office-js-preview/index.d.ts' → false.
  return OFFICE_DTS.test(fileName);
}

// ---------------------------------------------------------------------------------------------------------
// Keys

/** A node's parent; undefined above the source file (the compiler's types claim there always is one). */
function parentOf(node: ts.Node): ts.Node | undefined {
  const parent: ts.Node | undefined = ts.isSourceFile(node) ? undefined : node.parent;
  return parent;
}

/** `Excel.Range` for an Office.js class type, else what the checker prints. */
function typeName(type: ts.Type, checker: ts.TypeChecker): string {
  const symbol = type.getSymbol();
  return symbol ? checker.getFullyQualifiedName(symbol) : checker.typeToString(type);
}

function nameText(name: ts.Node | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The dot-joined key of a declaration in the .d.ts (see the module comment). */
export function declarationKey(decl: ts.Node): string | undefined {
  const parts: string[] = [];
  let node: ts.Node | undefined = decl;
  while (node !== undefined && !ts.isSourceFile(node)) {
    if (
      ts.isModuleDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isEnumDeclaration(node) ||
      ts.isEnumMember(node) ||
      ts.isPropertySignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isVariableDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isTypeAliasDeclaration(node)
    ) {
      const n = nameText(node.name);
      if (n !== undefined) parts.unshift(n);
    }
    node = parentOf(node);
  }
  if (parts.length === 0) return undefined;
  // `Excel.Interfaces.RangeUpdateData.values` is what `range.set({ values })` takes: the member is Range's.
  const [ns, inner, type, ...rest] = parts;
  if (inner === 'Interfaces' && ns !== undefined && type !== undefined) {
    // Examples: 'RangeUpdateData' → 'Range'; 'WorksheetLoadOptions' → 'Worksheet';
    // 'ConditionalFormatCollectionData' → 'ConditionalFormatCollection'; 'CollectionLoadOptions' → ''.
    const base = type.replace(/(UpdateData|LoadOptions|Data)$/, '');
    if (base !== '') return [ns, base, ...rest].join('.');
  }
  return parts.join('.');
}

function officeKeys(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): string[] {
  if (!symbol) return [];
  const s = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const keys = new Set<string>();
  for (const d of s.declarations ?? []) {
    if (!isOfficeDts(d.getSourceFile().fileName)) continue;
    const key = declarationKey(d);
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}

// ---------------------------------------------------------------------------------------------------------
// Requirement tags in the .d.ts

/** Sets of other hosts, which the .d.ts mixes into shared (Office.*) members' remarks. */
const FOREIGN_SETS = /^(Mailbox|Word|PowerPoint|OneNote|Visio|Outlook|Project)/;

/**
 * The requirement sets a JSDoc text names, other hosts' sets dropped.
 * Examples: '[Api set: ExcelApi 1.9]' → ['ExcelApi 1.9'];
 * '**Requirement set**: {@link https://x/dialog-api-requirement-sets | DialogApi 1.2}' → ['DialogApi 1.2'];
 * '[Api set: Mailbox 1.3]' → []; '[Api set: ExcelApi BETA (PREVIEW ONLY)]' → [] (no version).
 */
export function requirementTags(jsdoc: string): string[] {
  const found: string[] = [];
  // Examples: '[Api set: ExcelApi 1.13]' → ExcelApi, 1.13; '[ API set: ExcelApi 1.1 ]' → ExcelApi, 1.1.
  for (const m of jsdoc.matchAll(/\[\s*Api set:\s*([A-Za-z]+)\s+(\d+\.\d+)\s*\]/gi)) {
    found.push(`${m[1] ?? ''} ${m[2] ?? ''}`);
  }
  // Examples: '| DialogApi 1.2}' → DialogApi, 1.2; '| SharedRuntime 1.1}' → SharedRuntime, 1.1;
  // '| DialogApi}' (no version) → no match.
  for (const m of jsdoc.matchAll(/\|\s*([A-Za-z]+)\s+(\d+\.\d+)\s*\}/g))
    found.push(`${m[1] ?? ''} ${m[2] ?? ''}`);
  return [...new Set(found.filter((t) => !FOREIGN_SETS.test(t)))];
}

function ownJsDoc(node: ts.Node): string {
  const sf = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  return ranges.map((r) => sf.text.slice(r.pos, r.end)).join('\n');
}

/**
 * Key → the requirement tags of every declaration with that key in @types/office-js (Excel, Office and
 * OfficeExtension namespaces), a member without tags of its own taking its container's.
 */
export function buildTagIndex(program: ts.Program): Map<string, string[]> {
  const index = new Map<string, string[]>();
  // Binding (done with the checker) sets the parent pointers the keys are made from.
  program.getTypeChecker();
  const dts = program.getSourceFiles().find((f) => isOfficeDts(f.fileName));
  if (!dts) throw new Error('@types/office-js is not part of the program');
  const visit = (node: ts.Node, inherited: readonly string[]): void => {
    let tags = inherited;
    if (ts.isModuleDeclaration(node) && ts.isSourceFile(node.parent)) {
      const top = nameText(node.name);
      if (top !== 'Excel' && top !== 'Office' && top !== 'OfficeExtension') return;
    }
    const key = ts.isSourceFile(node) || ts.isModuleBlock(node) ? undefined : declarationKey(node);
    const isDecl =
      key !== undefined &&
      (ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isEnumDeclaration(node) ||
        ts.isEnumMember(node) ||
        ts.isPropertySignature(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isMethodSignature(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isVariableStatement(node) ||
        ts.isVariableDeclaration(node) ||
        ts.isGetAccessorDeclaration(node));
    if (isDecl) {
      const own = requirementTags(ownJsDoc(ts.isVariableDeclaration(node) ? node.parent.parent : node));
      if (own.length > 0) tags = own;
      const prev = index.get(key) ?? [];
      index.set(key, [...new Set([...prev, ...tags])]);
    }
    ts.forEachChild(node, (child) => {
      visit(child, tags);
    });
  };
  visit(dts, []);
  return index;
}

// ---------------------------------------------------------------------------------------------------------
// Manifest

/**
 * The base manifest's requirement sets: `<Set Name="ExcelApi" MinVersion="1.8"/>` inside the top-level
 * `<Requirements>` (VersionOverrides' own requirements are not the add-in's), a missing MinVersion taking the
 * `<Sets DefaultMinVersion>` (default 1.1).
 */
export function manifestSets(xml: string): Map<string, string> {
  // The base <Requirements> comes before <VersionOverrides>; anything after that is a command-surface matter.
  const base = xml.split('<VersionOverrides')[0] ?? '';
  // Examples: '<Sets DefaultMinVersion="1.1">' → 1.1; '<Sets>' → no match (default 1.1).
  const fallback = /<Sets\b[^>]*\bDefaultMinVersion="([\d.]+)"/.exec(base)?.[1] ?? '1.1';
  const sets = new Map<string, string>();
  // Examples: '<Set Name="ExcelApi" MinVersion="1.8"/>' → ExcelApi, 1.8;
  // '<Set Name="DialogApi"/>' → DialogApi, (default); '<Set MinVersion="1.2" Name="X"/>' → not matched (order).
  for (const m of base.matchAll(/<Set\s+Name="([A-Za-z]+)"(?:\s+MinVersion="([\d.]+)")?\s*\/?>/g)) {
    if (m[1] !== undefined) sets.set(m[1], m[2] ?? fallback);
  }
  return sets;
}

/** The manifest.xml at `path`, read. */
export function readManifestSets(path: string): Map<string, string> {
  return manifestSets(readFileSync(path, 'utf8'));
}

// ---------------------------------------------------------------------------------------------------------
// Collecting uses

function position(node: ts.Node, cwd: string): string {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const file = sf.fileName.startsWith(`${cwd}/`) ? sf.fileName.slice(cwd.length + 1) : sf.fileName;
  return `${file}:${line + 1}:${character + 1}`;
}

function inImplements(node: ts.Node): boolean {
  for (let p = parentOf(node); p !== undefined; p = parentOf(p)) {
    if (ts.isHeritageClause(p)) return p.token === ts.SyntaxKind.ImplementsKeyword;
    if (ts.isTypeNode(p) && !ts.isExpressionWithTypeArguments(p)) return true;
    if (ts.isStatement(p)) return false;
  }
  return false;
}

/** The keys of the Office.js classes a (non-null) type is made of; undefined when any part is not one. */
function classKeys(type: ts.Type, checker: ts.TypeChecker): string[] | undefined {
  const nonNull = checker.getNonNullableType(type);
  const keys: string[] = [];
  for (const t of nonNull.isUnion() ? nonNull.types : [nonNull]) {
    const decl = t
      .getSymbol()
      ?.declarations?.find((d) => ts.isClassDeclaration(d) && isOfficeDts(d.getSourceFile().fileName));
    const key = decl ? declarationKey(decl) : undefined;
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return keys.length > 0 ? keys : undefined;
}

/** The element type of an array type, or the type itself. */
function elementType(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  return type;
}

/** The string values of a load argument, or null when it is not made of string literals. */
function loadStrings(arg: ts.Expression, checker: ts.TypeChecker): string[] | null {
  const values = (t: ts.Type): string[] | null => {
    if (t.isStringLiteral()) return [t.value];
    if (t.isUnion()) {
      const all = t.types.map(values);
      return all.every((v) => v !== null) ? all.flat() : null;
    }
    if (checker.isTupleType(t) || checker.isArrayType(t)) {
      const all = checker.getTypeArguments(t as ts.TypeReference).map(values);
      return all.every((v) => v !== null) ? all.flat() : null;
    }
    return null;
  };
  if (ts.isArrayLiteralExpression(arg)) {
    const all = arg.elements.map((e) => loadStrings(e, checker));
    return all.every((v) => v !== null) ? all.flat() : null;
  }
  return values(checker.getTypeAtLocation(arg));
}

function collect(input: InventoryInput, problems: InventoryProblem[]): ApiUse[] {
  const { program } = input;
  const checker = program.getTypeChecker();
  const cwd = program.getCurrentDirectory();
  const uses: ApiUse[] = [];
  const add = (keys: readonly string[], node: ts.Node, via: ApiUse['via'], receiver?: ts.Type): void => {
    const receivers = receiver ? classKeys(receiver, checker) : undefined;
    for (const key of keys) uses.push({ key, at: position(node, cwd), via, node, receivers });
  };
  const loadPaths = (call: ts.CallExpression, receiver: ts.Expression): void => {
    for (const arg of call.arguments) {
      if (ts.isObjectLiteralExpression(arg)) continue; // its properties are literal uses (LoadOptions)
      const strings = loadStrings(arg, checker);
      if (strings === null) {
        problems.push({
          kind: 'unresolved-load',
          key: '(load)',
          at: position(arg, cwd),
          detail: 'load() argument is not made of string literals',
        });
        continue;
      }
      for (const path of strings.flatMap((s) => s.split(','))) {
        let type = checker.getNonNullableType(checker.getTypeAtLocation(receiver));
        for (const segment of path.trim().split('/')) {
          if (segment === '') continue;
          const prop = checker.getPropertyOfType(type, segment);
          const keys = officeKeys(prop, checker);
          if (!prop || keys.length === 0) {
            problems.push({
              kind: 'unresolved-load',
              key: `${typeName(type, checker)}.${segment}`,
              at: position(arg, cwd),
              detail: `load path '${path.trim()}': '${segment}' is not an Office.js property here`,
            });
            break;
          }
          add(keys, arg, 'load', type);
          type = elementType(checker.getNonNullableType(checker.getTypeOfSymbol(prop)), checker);
        }
      }
    }
  };
  const visit = (node: ts.Node): void => {
    // Children first, so that `a.b.c` lists b before c: uses come out in source order.
    ts.forEachChild(node, visit);
    if (ts.isPropertyAccessExpression(node) && !inImplements(node)) {
      const keys = officeKeys(checker.getSymbolAtLocation(node.name), checker);
      add(keys, node.name, 'access', checker.getTypeAtLocation(node.expression));
      if (
        keys.some((k) => k.endsWith('.load')) &&
        ts.isCallExpression(node.parent) &&
        node.parent.expression === node
      ) {
        loadPaths(node.parent, node.expression);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      if (contextual) {
        for (const p of node.properties) {
          if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
          const name = nameText(p.name);
          if (name === undefined) continue;
          const prop = checker.getPropertyOfType(checker.getNonNullableType(contextual), name);
          add(officeKeys(prop, checker), p.name, 'literal');
        }
      }
    }
  };
  for (const sf of program.getSourceFiles()) if (input.isWalked(sf.fileName)) visit(sf);
  return uses;
}

// ---------------------------------------------------------------------------------------------------------
// The guard rule (documented in requirement-sets.test.ts)

type Env = ReadonlyMap<ts.Symbol, ts.Expression>;

class GuardRule {
  private readonly checker: ts.TypeChecker;
  /** Function symbol → its reference sites in the walked files (null when one is not a call). */
  private readonly sites = new Map<ts.Symbol, ts.CallExpression[] | null>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly inProgressSymbols = new Set<ts.Symbol>();
  /** Variable / field symbol → every expression stored into it (null when one write cannot be followed). */
  private readonly writes = new Map<ts.Symbol, ts.Expression[] | null>();

  constructor(private readonly input: InventoryInput) {
    this.checker = input.program.getTypeChecker();
    this.indexCallSites();
    this.indexWrites();
  }

  private addWrite(symbol: ts.Symbol | undefined, value: ts.Expression | null): void {
    if (!symbol) return;
    const list = this.writes.get(symbol);
    if (list === null) return;
    this.writes.set(symbol, value === null ? null : [...(list ?? []), value]);
  }

  private indexWrites(): void {
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
        const target = strip(node.left);
        const name = ts.isPropertyAccessExpression(target)
          ? target.name
          : ts.isIdentifier(target)
            ? target
            : null;
        if (name) {
          const plain = node.operatorToken.kind === ts.SyntaxKind.EqualsToken;
          this.addWrite(this.checker.getSymbolAtLocation(name), plain ? node.right : null);
        }
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = this.checker.getContextualType(node);
        for (const p of node.properties) {
          const name =
            ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? nameText(p.name) : undefined;
          if (name === undefined || !contextual) continue;
          const target = this.checker.getPropertyOfType(this.checker.getNonNullableType(contextual), name);
          this.addWrite(
            target,
            ts.isPropertyAssignment(p) ? p.initializer : (p as ts.ShorthandPropertyAssignment).name,
          );
        }
      } else if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        const target = strip(node.operand);
        const name = ts.isPropertyAccessExpression(target)
          ? target.name
          : ts.isIdentifier(target)
            ? target
            : null;
        if (name) this.addWrite(this.checker.getSymbolAtLocation(name), null);
      }
      ts.forEachChild(node, visit);
    };
    for (const sf of this.input.program.getSourceFiles()) if (this.input.isWalked(sf.fileName)) visit(sf);
  }

  private indexCallSites(): void {
    const record = (id: ts.Identifier): void => {
      const symbol = this.checker.getSymbolAtLocation(id);
      if (!symbol?.declarations?.some((d) => ts.isFunctionLike(d) || ts.isVariableDeclaration(d))) return;
      const decl = id.parent;
      // The declaration's own name is not a reference.
      if ((ts.isFunctionLike(decl) || ts.isVariableDeclaration(decl)) && decl.name === id) return;
      const callee = ts.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id;
      const call = callee.parent;
      const list = this.sites.get(symbol);
      if (list === null) return;
      if (ts.isCallExpression(call) && call.expression === callee) {
        this.sites.set(symbol, [...(list ?? []), call]);
      } else {
        this.sites.set(symbol, null);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) record(node);
      ts.forEachChild(node, visit);
    };
    for (const sf of this.input.program.getSourceFiles()) if (this.input.isWalked(sf.fileName)) visit(sf);
  }

  private callSitesOf(fn: ts.Node): ts.CallExpression[] | null {
    const nameNode =
      (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name
        ? fn.name
        : ts.isVariableDeclaration(fn.parent)
          ? fn.parent.name
          : undefined;
    if (!nameNode) return null;
    const symbol = this.checker.getSymbolAtLocation(nameNode);
    if (!symbol) return null;
    const list = this.sites.get(symbol);
    return list && list.length > 0 ? list : null;
  }

  private literal(expr: ts.Expression, env: Env): string | undefined {
    const e = strip(expr);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isIdentifier(e)) {
      const symbol = this.checker.getSymbolAtLocation(e);
      const bound = symbol ? env.get(symbol) : undefined;
      if (bound) return this.literal(bound, new Map());
      const t = this.checker.getTypeAtLocation(e);
      if (t.isStringLiteral()) return t.value;
    }
    return undefined;
  }

  /** The single returned expression of a function or getter body, if that is all it does. */
  private singleReturn(decl: ts.Node): ts.Expression | undefined {
    if (ts.isArrowFunction(decl) && !ts.isBlock(decl.body)) return decl.body;
    const body =
      ts.isFunctionDeclaration(decl) ||
      ts.isMethodDeclaration(decl) ||
      ts.isGetAccessorDeclaration(decl) ||
      ts.isFunctionExpression(decl) ||
      ts.isArrowFunction(decl)
        ? decl.body
        : undefined;
    if (!body || !ts.isBlock(body) || body.statements.length !== 1) return undefined;
    const only = body.statements[0];
    return only && ts.isReturnStatement(only) ? only.expression : undefined;
  }

  /** Whether `expr` being truthy (or non-nullish) proves the host has `need`. */
  proves(expr: ts.Expression, need: ApiRequirement, env: Env = new Map(), depth = 0): boolean {
    if (depth > 12) return false;
    const e = strip(expr);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      return this.proves(e.left, need, env, depth + 1) || this.proves(e.right, need, env, depth + 1);
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      if (name === 'isSetSupported') {
        const [setArg, versionArg] = e.arguments;
        const set = setArg ? this.literal(setArg, env) : undefined;
        const version = versionArg ? this.literal(versionArg, env) : '1.1';
        return set === need.set && version !== undefined && compareVersions(version, need.version) >= 0;
      }
      const decl = this.declarationOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
      const returned = decl ? this.singleReturn(decl) : undefined;
      if (!decl || !returned || !ts.isFunctionLike(decl)) return false;
      const bound = new Map(env);
      decl.parameters.forEach((p, i) => {
        const arg = e.arguments[i];
        const s = this.checker.getSymbolAtLocation(p.name);
        if (arg && s) bound.set(s, arg);
      });
      return this.proves(returned, need, bound, depth + 1);
    }
    if (ts.isConditionalExpression(e)) {
      // Truthy only via a truthy branch: (C and then-branch) or (not C and else-branch).
      const whenTrue =
        this.proves(e.condition, need, env, depth + 1) || this.proves(e.whenTrue, need, env, depth + 1);
      return whenTrue && this.proves(e.whenFalse, need, env, depth + 1);
    }
    // Never truthy, so "truthy ⇒ supported" holds: `withMerges ? range.getMergedAreasOrNullObject() : null`.
    if (isFalsyLiteral(e)) return true;
    if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
      const nameNode = ts.isPropertyAccessExpression(e) ? e.name : e;
      const symbol = this.checker.getSymbolAtLocation(nameNode);
      const bound = symbol ? env.get(symbol) : undefined;
      if (bound) return this.proves(bound, need, new Map(), depth + 1);
      const decl = this.declarationOf(nameNode);
      if (!decl) return false;
      if (ts.isGetAccessorDeclaration(decl)) {
        const returned = this.singleReturn(decl);
        return returned ? this.proves(returned, need, new Map(), depth + 1) : false;
      }
      if (ts.isParameter(decl)) return this.parameterProves(decl, need, depth);
      if (ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isPropertySignature(decl)) {
        return this.storedProves(decl, need, depth);
      }
    }
    return false;
  }

  /**
   * A variable or field proves `need` when everything ever stored in it does: its initializer (a `let` without
   * one starts undefined), every `x = e` / `o.x = e`, and every object-literal property typed as it. A field
   * nothing in the walked code writes proves nothing.
   */
  private storedProves(
    decl: ts.VariableDeclaration | ts.PropertyDeclaration | ts.PropertySignature,
    need: ApiRequirement,
    depth: number,
  ): boolean {
    if (!ts.isIdentifier(decl.name)) return false; // destructuring: not followed
    const symbol = this.checker.getSymbolAtLocation(decl.name);
    if (!symbol) return false;
    if (this.inProgressSymbols.has(symbol)) return true; // `x = x && …`: the other writes decide
    const writes = this.writes.get(symbol);
    if (writes === null) return false;
    const stored = [...(writes ?? [])];
    if (!ts.isPropertySignature(decl) && decl.initializer) stored.push(decl.initializer);
    const variableStartsUndefined = ts.isVariableDeclaration(decl) && !decl.initializer;
    if (stored.length === 0 && !variableStartsUndefined) return false;
    this.inProgressSymbols.add(symbol);
    try {
      return stored.every((w) => this.proves(w, need, new Map(), depth + 1));
    } finally {
      this.inProgressSymbols.delete(symbol);
    }
  }

  /** A parameter proves `need` when every call of its function passes an argument that does. */
  private parameterProves(param: ts.ParameterDeclaration, need: ApiRequirement, depth: number): boolean {
    const fn = param.parent;
    if (this.inProgress.has(param)) return true; // a recursive call passes the parameter on unchanged
    const index = fn.parameters.indexOf(param);
    const sites = this.callSitesOf(fn);
    if (!sites || index < 0) return false;
    this.inProgress.add(param);
    try {
      let outside = 0;
      for (const call of sites) {
        const arg = call.arguments[index];
        if (!arg) return false;
        const passesOn =
          ts.isIdentifier(strip(arg)) && this.declarationOf(strip(arg)) === param && isInside(call, fn);
        if (passesOn) continue;
        outside++;
        if (!this.proves(arg, need, new Map(), depth + 1)) return false;
      }
      return outside > 0;
    } finally {
      this.inProgress.delete(param);
    }
  }

  private declarationOf(node: ts.Node): ts.Node | undefined {
    const symbol =
      ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
        ? this.checker.getShorthandAssignmentValueSymbol(node.parent)
        : this.checker.getSymbolAtLocation(node);
    const s = symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    const decl = s?.valueDeclaration ?? s?.declarations?.[0];
    if (!decl || !this.input.isWalked(decl.getSourceFile().fileName)) return undefined;
    // `const f = () => ...`: the function is the initializer.
    if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isFunctionLike(strip(decl.initializer))) {
      return strip(decl.initializer);
    }
    return decl;
  }

  /** Whether the position of `node` can only run on a host that has `need`. */
  guarded(node: ts.Node, need: ApiRequirement): boolean {
    for (let child: ts.Node = node, p = parentOf(node); p !== undefined; child = p, p = parentOf(p)) {
      if (ts.isIfStatement(p)) {
        if (child === p.thenStatement && this.proves(p.expression, need)) return true;
        const negated = negatedOperand(p.expression);
        if (child === p.elseStatement && negated && this.proves(negated, need)) return true;
      } else if (ts.isConditionalExpression(p)) {
        if (child === p.whenTrue && this.proves(p.condition, need)) return true;
        const negated = negatedOperand(p.condition);
        if (child === p.whenFalse && negated && this.proves(negated, need)) return true;
      } else if (ts.isBinaryExpression(p) && child === p.right) {
        const op = p.operatorToken.kind;
        if (op === ts.SyntaxKind.AmpersandAmpersandToken && this.proves(p.left, need)) return true;
        const negated = negatedOperand(p.left);
        if (op === ts.SyntaxKind.BarBarToken && negated && this.proves(negated, need)) return true;
      } else if (ts.isOptionalChain(p) && child !== p.expression && this.chainProves(p, need)) {
        // `merged?.load('address')`: the name and the arguments are reached only when `merged` is non-nullish.
        return true;
      } else if ((ts.isBlock(p) || ts.isSourceFile(p)) && ts.isStatement(child)) {
        const index = p.statements.indexOf(child);
        for (const earlier of p.statements.slice(0, Math.max(0, index))) {
          if (!ts.isIfStatement(earlier) || earlier.elseStatement || !exits(earlier.thenStatement)) continue;
          const negated = negatedOperand(earlier.expression);
          if (negated && this.proves(negated, need)) return true;
        }
      }
      if (ts.isFunctionLike(p) && this.requiresTagCovers(p, need)) return true;
    }
    return false;
  }

  /** Some `x?.` link of the chain ending at `chain` has an x that proves `need`. */
  private chainProves(chain: ts.OptionalChain, need: ApiRequirement): boolean {
    for (let q: ts.Expression = chain; ts.isOptionalChain(q); q = q.expression) {
      if (!ts.isNonNullChain(q) && q.questionDotToken && this.proves(q.expression, need)) return true;
    }
    return false;
  }

  /** `@requires Set X.Y` on the function (or its variable) with X.Y ≥ need, and every call guarded for it. */
  private requiresTagCovers(fn: ts.SignatureDeclaration, need: ApiRequirement): boolean {
    const holders: ts.Node[] = [fn];
    if (ts.isVariableDeclaration(fn.parent)) holders.push(fn.parent);
    const tags = holders.flatMap((h) => ts.getJSDocTags(h)).filter((t) => t.tagName.text === 'requires');
    for (const tag of tags) {
      const text = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '';
      const declared = parseRequirement(text);
      if (!declared || declared.set !== need.set || compareVersions(declared.version, need.version) < 0)
        continue;
      if (this.inProgress.has(fn)) return true; // recursion: the outer call is being checked
      const sites = this.callSitesOf(fn);
      if (!sites) return false;
      this.inProgress.add(fn);
      try {
        return sites.every((call) => this.guarded(call, declared));
      } finally {
        this.inProgress.delete(fn);
      }
    }
    return false;
  }
}

function strip(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e))
      e = e.expression;
    else if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
      // `!!x` is x; a single `!` is left for negatedOperand.
      const inner = e.operand;
      if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
        e = inner.operand;
      } else return e;
    } else return e;
  }
}

function negatedOperand(expr: ts.Expression): ts.Expression | undefined {
  const e = strip(expr);
  return ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken
    ? e.operand
    : undefined;
}

/** `false`, `null`, `undefined`, `0`, `''`: never truthy. */
function isFalsyLiteral(expr: ts.Expression): boolean {
  const e = strip(expr);
  if (e.kind === ts.SyntaxKind.NullKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(e)) return e.text === 'undefined';
  if (ts.isNumericLiteral(e)) return Number(e.text) === 0;
  return ts.isStringLiteral(e) && e.text === '';
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  for (let p: ts.Node | undefined = node; p !== undefined; p = parentOf(p)) if (p === container) return true;
  return false;
}

/** A statement that always leaves the enclosing function or loop: `return`, `throw`, or a block ending so. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------

/** Whether a table entry (a class's own requirement) includes `need`. */
function covers(entry: string | undefined, need: ApiRequirement): boolean {
  const own = entry === undefined ? undefined : parseRequirement(entry);
  return own !== undefined && own.set === need.set && compareVersions(own.version, need.version) >= 0;
}

/** Every use in the walked files, and every problem: unknown keys, unguarded uses, unresolvable loads. */
export function checkInventory(input: InventoryInput): { uses: ApiUse[]; problems: InventoryProblem[] } {
  const problems: InventoryProblem[] = [];
  const uses = collect(input, problems);
  const rule = new GuardRule(input);
  for (const use of uses) {
    const entry = input.table[use.key];
    const need = entry === undefined ? undefined : parseRequirement(entry);
    if (!need) {
      problems.push({
        kind: 'unknown-member',
        key: use.key,
        at: use.at,
        detail: entry === undefined ? 'not in OFFICE_API_SETS' : `bad table entry '${entry}'`,
      });
      continue;
    }
    const available = input.baseline.get(need.set);
    if (available !== undefined && compareVersions(need.version, available) <= 0) continue;
    if (use.receivers && use.receivers.every((r) => covers(input.table[r], need))) continue;
    if (rule.guarded(use.node, need)) continue;
    problems.push({
      kind: 'unguarded',
      key: use.key,
      at: use.at,
      detail: `needs ${need.set} ${need.version}; the manifest guarantees ${
        available === undefined ? `no ${need.set}` : `${need.set} ${available}`
      }; no isSetSupported('${need.set}', '${need.version}') guard`,
    });
  }
  return { uses, problems };
}
