/**
 * The LibreOffice test kit in one import, for other suites (the command line's scored output, the add-in
 * export): `import { convertAllToPdf, expectRendersChinese, … } from '../libreoffice/index.ts'`.
 *
 * Skip rule to copy: `describe.skipIf(!sofficePolicy(process.env, missingTools()).run)(…)`. The CI rule
 * (a missing tool fails a CI run) is enforced once, in `ci-policy.test.ts`.
 */
export * from './soffice.ts';
export * from './png.ts';
export * from './read-back.ts';
export * from './expect-render.ts';
