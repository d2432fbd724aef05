/**
 * Which requirement set each Office.js member the add-in may touch belongs to — the inventory that
 * `test/office-api/requirement-sets.test.ts` checks the code against. Data and two tiny helpers only; the
 * add-in does not import it at run time.
 *
 * Keys name the declaration in @types/office-js: `Namespace.Type.member` (`Excel.Range.values`); members of
 * inline object types carry their named parents (`Office.onReady.callback.info.host`). Values are
 * `"<Set> <version>"`:
 * - `ExcelApi 1.x` — from the `[Api set: ExcelApi 1.x]` tag @types/office-js carries on the member (the test
 *   checks that every entry agrees with the tag), the same sets the reference pages show, e.g.
 *   https://learn.microsoft.com/javascript/api/excel/excel.pagelayout ("[ API set: ExcelApi 1.9 ]") and
 *   https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions (ExcelApi 1.9 on the class and
 *   on horizontalFitToPages / verticalFitToPages);
 * - `DialogApi 1.x` — the dialog API (`Office.context.ui`, `Office.Dialog`), per
 *   https://learn.microsoft.com/javascript/api/requirement-sets/common/dialog-api-requirement-sets;
 * - `Common 1.1` — our name for the part of Office.js that has no requirement set of its own and is present
 *   wherever the library loads: `Office.onReady`, `Office.context.displayLanguage`,
 *   `Office.context.requirements`, the enums (`Office.EventType`, `Office.HostType`…), `Office.AsyncResult`,
 *   `OfficeExtension.ClientRequestContext.sync`. The .d.ts tags none of these (only Outlook's Mailbox set,
 *   which does not apply in Excel);
 * - `AddinCommands 1.1` — function-command plumbing: `Office.actions.associate`, `Office.AddinCommands.Event`.
 *   The manifest's VersionOverrides block (the ribbon) is itself part of AddinCommands, so the function file
 *   only ever runs where the host has it
 *   (https://learn.microsoft.com/javascript/api/requirement-sets/common/add-in-commands-requirement-sets).
 *
 * CLASS ENTRIES (`Excel.RangeAreas`, `Excel.PageLayout`): a class above the manifest. A member read from an
 * object of such a class (`merged.address`, `pageLayout.orientation`) needs no guard of its own when the class's
 * entry covers it: the only way to hold such an object is a call or property that returned it, and that use
 * is checked (`getMergedAreasOrNullObject`, `Worksheet.pageLayout`). Object literals (`zoom = { … }`) are not
 * covered: anyone can write them.
 *
 * Adding a call: add its key here with its set, as the .d.ts tag says; anything above what the manifest
 * guarantees must also sit behind `Office.context.requirements.isSetSupported(set, version)` (the guard rule
 * is spelled out at the top of the test).
 */

/** A requirement set and version, e.g. `{ set: 'ExcelApi', version: '1.9' }`. */
export interface ApiRequirement {
  readonly set: string;
  readonly version: string;
}

/**
 * `"ExcelApi 1.9"` → `{ set: 'ExcelApi', version: '1.9' }`; undefined for anything else.
 * @example parseRequirement('DialogApi 1.1') → { set: 'DialogApi', version: '1.1' }
 * @example parseRequirement('ExcelApi') → undefined; parseRequirement('ExcelApi 1.9 ') → ExcelApi 1.9
 */
export function parseRequirement(text: string): ApiRequirement | undefined {
  // Examples: 'ExcelApi 1.13' → ExcelApi, 1.13; 'Common 1.1' → Common, 1.1; 'ExcelApi' → no match;
  // 'ExcelApi 1.x' → no match.
  const m = /^([A-Za-z]+)\s+(\d+(?:\.\d+)+)$/.exec(text.trim());
  return m?.[1] !== undefined && m[2] !== undefined ? { set: m[1], version: m[2] } : undefined;
}

/**
 * Numeric comparison of dotted versions: negative when a < b, 0 when equal, positive when a > b.
 * @example compareVersions('1.13', '1.9') > 0; compareVersions('1.8', '1.8') === 0
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Sets every host that meets the manifest's `<Requirements>` has anyway, so they need no guard. The
 * manifest's own sets (ExcelApi 1.8) are read from manifest.xml by the test, not repeated here.
 */
export const IMPLIED_SETS: Readonly<Record<string, string>> = {
  // Present wherever Office.js loads (see the module comment).
  Common: '1.1',
  // DialogApi 1.1 shipped in Office 2016 (version 1602), on Mac 15.20, iPad 1.22 and on the web — every client
  // with ExcelApi 1.8 (Office 2019 and later) has it. DialogApi 1.2 (messageChild) is NOT implied.
  DialogApi: '1.1',
  // The ribbon (and with it our function file) exists only on hosts with add-in commands (see above).
  AddinCommands: '1.1',
};

/** Every Office.js member the add-in may use → `"<Set> <version>"`. */
export const OFFICE_API_SETS: Readonly<Record<string, string>> = {
  // --- Office.js plumbing: no requirement set in Excel (the .d.ts tags none of these for Excel) ------------
  'Office.onReady': 'Common 1.1',
  'Office.onReady.callback.info.host': 'Common 1.1',
  'Office.HostType': 'Common 1.1',
  'Office.HostType.Excel': 'Common 1.1',
  'Office.context': 'Common 1.1',
  'Office.Context.requirements': 'Common 1.1',
  // isSetSupported is how every guard asks; it exists wherever Office.js loads (requirement-sets docs).
  'Office.RequirementSetSupport.isSetSupported': 'Common 1.1',
  'Office.Context.displayLanguage': 'Common 1.1',
  // officeTheme: documented for Excel without a set; the pane must still cope with it being undefined.
  'Office.Context.officeTheme': 'Common 1.1',
  'Office.OfficeTheme.bodyBackgroundColor': 'Common 1.1',
  'Office.OfficeTheme.bodyForegroundColor': 'Common 1.1',
  'Office.OfficeTheme.controlBackgroundColor': 'Common 1.1',
  'Office.OfficeTheme.controlForegroundColor': 'Common 1.1',
  'Office.AsyncResult.status': 'Common 1.1',
  'Office.AsyncResult.value': 'Common 1.1',
  'Office.AsyncResult.error': 'Common 1.1',
  'Office.AsyncResultStatus': 'Common 1.1',
  'Office.AsyncResultStatus.Failed': 'Common 1.1',
  'Office.AsyncResultStatus.Succeeded': 'Common 1.1',
  'Office.Error.code': 'Common 1.1',
  'Office.Error.message': 'Common 1.1',
  'Office.EventType': 'Common 1.1',
  // ExcelApi's own batch machinery: Excel.run and the request context came with ExcelApi 1.1; sync and
  // isNullObject live in OfficeExtension (the .d.ts tags them with no set).
  'Excel.run': 'ExcelApi 1.1',
  'Excel.RequestContext.workbook': 'ExcelApi 1.1',
  'OfficeExtension.ClientRequestContext.sync': 'Common 1.1',
  // Evaluated on the client; whatever produced a null object (an ...OrNullObject call) carries its own set.
  'OfficeExtension.ClientObject.isNullObject': 'Common 1.1',

  // --- Ribbon commands (AddinCommands: the function file only runs where the ribbon exists) -------------
  'Office.actions': 'AddinCommands 1.1',
  'Office.Actions.associate': 'AddinCommands 1.1',
  'Office.AddinCommands.Event.completed': 'AddinCommands 1.1',

  // --- Dialog API (https://learn.microsoft.com/javascript/api/requirement-sets/common/dialog-api-requirement-sets)
  'Office.Context.ui': 'DialogApi 1.1',
  'Office.UI.displayDialogAsync': 'DialogApi 1.1',
  // The .d.ts tags messageParent and addEventHandler "DialogOrigin 1.1" only for their optional cross-origin
  // parts (messageParent's targetOrigin option, the message's `origin`); the calls are DialogApi 1.1.
  'Office.UI.messageParent': 'DialogApi 1.1',
  'Office.Dialog.addEventHandler': 'DialogApi 1.1',
  'Office.Dialog.close': 'DialogApi 1.1',
  // Parent → dialog messages: DialogApi 1.2 (Office 2021 / version 2005+), NOT implied by the manifest.
  'Office.Dialog.messageChild': 'DialogApi 1.2',
  'Office.DialogOptions.height': 'DialogApi 1.1',
  'Office.DialogOptions.width': 'DialogApi 1.1',
  'Office.DialogOptions.displayInIframe': 'DialogApi 1.1',
  'Office.EventType.DialogMessageReceived': 'DialogApi 1.1',
  'Office.EventType.DialogEventReceived': 'DialogApi 1.1',

  // --- Workbook, settings, protection ----------------------------------------------------------------------
  'Excel.Workbook.worksheets': 'ExcelApi 1.1',
  'Excel.Workbook.protection': 'ExcelApi 1.7',
  'Excel.WorkbookProtection.protected': 'ExcelApi 1.7',
  'Excel.WorkbookProtection.load': 'ExcelApi 1.7',
  // Our settings travel in the workbook's setting collection.
  'Excel.Workbook.settings': 'ExcelApi 1.4',
  'Excel.SettingCollection.add': 'ExcelApi 1.4',
  'Excel.SettingCollection.getItem': 'ExcelApi 1.4',
  'Excel.SettingCollection.getItemOrNullObject': 'ExcelApi 1.4',
  'Excel.SettingCollection.items': 'ExcelApi 1.4',
  'Excel.SettingCollection.load': 'ExcelApi 1.4',
  'Excel.Setting.key': 'ExcelApi 1.4',
  'Excel.Setting.value': 'ExcelApi 1.4',
  'Excel.Setting.delete': 'ExcelApi 1.4',
  'Excel.Setting.load': 'ExcelApi 1.4',

  // --- Worksheets -----------------------------------------------------------------------------------------
  'Excel.WorksheetCollection.getItem': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getItemOrNullObject': 'ExcelApi 1.4',
  'Excel.WorksheetCollection.getActiveWorksheet': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.getCount': 'ExcelApi 1.4',
  'Excel.WorksheetCollection.items': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.load': 'ExcelApi 1.1',
  'Excel.WorksheetCollection.add': 'ExcelApi 1.1',
  'Excel.Worksheet.id': 'ExcelApi 1.1',
  'Excel.Worksheet.name': 'ExcelApi 1.1',
  'Excel.Worksheet.visibility': 'ExcelApi 1.1',
  'Excel.Worksheet.position': 'ExcelApi 1.1',
  'Excel.Worksheet.load': 'ExcelApi 1.1',
  'Excel.Worksheet.delete': 'ExcelApi 1.1',
  'Excel.Worksheet.activate': 'ExcelApi 1.1',
  'Excel.Worksheet.getRange': 'ExcelApi 1.1',
  'Excel.Worksheet.getRangeByIndexes': 'ExcelApi 1.7',
  'Excel.Worksheet.getCell': 'ExcelApi 1.1',
  // The method is 1.1; its valuesOnly argument (getUsedRange(true)) is 1.2 — both within the manifest.
  'Excel.Worksheet.getUsedRange': 'ExcelApi 1.1',
  'Excel.Worksheet.getUsedRangeOrNullObject': 'ExcelApi 1.4',
  'Excel.Worksheet.protection': 'ExcelApi 1.2',
  'Excel.WorksheetProtection.protected': 'ExcelApi 1.2',
  'Excel.WorksheetProtection.protect': 'ExcelApi 1.2',
  'Excel.WorksheetProtection.unprotect': 'ExcelApi 1.2',
  'Excel.WorksheetProtection.load': 'ExcelApi 1.2',
  'Excel.Worksheet.freezePanes': 'ExcelApi 1.7',
  'Excel.WorksheetFreezePanes.freezeRows': 'ExcelApi 1.7',
  'Excel.WorksheetFreezePanes.unfreeze': 'ExcelApi 1.7',
  // Print setup is ExcelApi 1.9 (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout):
  // above the manifest, so every use must be guarded and have a fallback (no print setup).
  'Excel.Worksheet.pageLayout': 'ExcelApi 1.9',
  // The class itself: members read from a PageLayout object need no guard of their own (see CLASS ENTRIES).
  'Excel.PageLayout': 'ExcelApi 1.9',
  'Excel.PageLayout.orientation': 'ExcelApi 1.9',
  'Excel.PageLayout.paperSize': 'ExcelApi 1.9',
  'Excel.PageLayout.zoom': 'ExcelApi 1.9',
  'Excel.PageLayout.setPrintTitleRows': 'ExcelApi 1.9',
  'Excel.PageLayoutZoomOptions.horizontalFitToPages': 'ExcelApi 1.9',
  'Excel.PageLayoutZoomOptions.verticalFitToPages': 'ExcelApi 1.9',
  'Excel.PageLayoutZoomOptions.scale': 'ExcelApi 1.9',
  // Worksheet.onChanged and its event arguments: ExcelApi 1.7.
  'Excel.Worksheet.onChanged': 'ExcelApi 1.7',
  'OfficeExtension.EventHandlers.add': 'Common 1.1',
  'OfficeExtension.EventHandlerResult.remove': 'Common 1.1',
  'Excel.WorksheetChangedEventArgs.worksheetId': 'ExcelApi 1.7',
  'Excel.WorksheetChangedEventArgs.address': 'ExcelApi 1.7',
  'Excel.WorksheetChangedEventArgs.changeType': 'ExcelApi 1.7',
  'Excel.WorksheetChangedEventArgs.source': 'ExcelApi 1.7',
  'Excel.WorksheetChangedEventArgs.type': 'ExcelApi 1.7',

  // --- Charts (owned sheets only) -------------------------------------------------------------------------
  'Excel.Worksheet.charts': 'ExcelApi 1.1',
  'Excel.ChartCollection.add': 'ExcelApi 1.1',
  'Excel.ChartCollection.items': 'ExcelApi 1.1',
  'Excel.ChartCollection.load': 'ExcelApi 1.1',
  'Excel.Chart.name': 'ExcelApi 1.1',
  'Excel.Chart.title': 'ExcelApi 1.1',
  'Excel.Chart.legend': 'ExcelApi 1.1',
  'Excel.Chart.setPosition': 'ExcelApi 1.1',
  'Excel.Chart.delete': 'ExcelApi 1.1',
  'Excel.ChartTitle.text': 'ExcelApi 1.1',
  'Excel.ChartLegend.visible': 'ExcelApi 1.1',

  // --- Ranges: reads --------------------------------------------------------------------------------------
  'Excel.Range.values': 'ExcelApi 1.1',
  'Excel.Range.numberFormat': 'ExcelApi 1.1',
  'Excel.Range.valueTypes': 'ExcelApi 1.1',
  'Excel.Range.formulas': 'ExcelApi 1.1',
  'Excel.Range.rowHidden': 'ExcelApi 1.2',
  'Excel.Range.address': 'ExcelApi 1.1',
  'Excel.Range.rowIndex': 'ExcelApi 1.1',
  'Excel.Range.columnIndex': 'ExcelApi 1.1',
  'Excel.Range.rowCount': 'ExcelApi 1.1',
  'Excel.Range.columnCount': 'ExcelApi 1.1',
  'Excel.Range.worksheet': 'ExcelApi 1.1',
  'Excel.Range.load': 'ExcelApi 1.1',
  'Excel.Range.getBoundingRect': 'ExcelApi 1.1',
  'Excel.Range.getIntersection': 'ExcelApi 1.1',
  'Excel.Range.getRow': 'ExcelApi 1.1',
  'Excel.Range.getColumn': 'ExcelApi 1.1',
  'Excel.Range.getCell': 'ExcelApi 1.1',
  'Excel.Range.getOffsetRange': 'ExcelApi 1.1',
  'Excel.Range.getResizedRange': 'ExcelApi 1.2',
  'Excel.Range.getEntireColumn': 'ExcelApi 1.1',
  'Excel.Range.getEntireRow': 'ExcelApi 1.1',
  'Excel.Range.select': 'ExcelApi 1.1',
  // Merged areas (https://learn.microsoft.com/javascript/api/excel/excel.range#getmergedareasornullobject):
  // ExcelApi 1.13, and the RangeAreas it returns is 1.9 — guarded by isSetSupported('ExcelApi', '1.13').
  'Excel.Range.getMergedAreasOrNullObject': 'ExcelApi 1.13',
  'Excel.RangeAreas': 'ExcelApi 1.9',
  'Excel.RangeCollection': 'ExcelApi 1.9',
  'Excel.RangeAreas.address': 'ExcelApi 1.9',
  'Excel.RangeAreas.areas': 'ExcelApi 1.9',
  'Excel.RangeAreas.load': 'ExcelApi 1.9',
  'Excel.RangeCollection.items': 'ExcelApi 1.9',
  'Excel.RangeCollection.load': 'ExcelApi 1.9',

  // --- Ranges: writes -------------------------------------------------------------------------------------
  'Excel.Range.clear': 'ExcelApi 1.1',
  'Excel.Range.merge': 'ExcelApi 1.2',
  'Excel.Range.unmerge': 'ExcelApi 1.2',
  'Excel.Range.hyperlink': 'ExcelApi 1.7',
  'Excel.RangeHyperlink.address': 'ExcelApi 1.7',
  'Excel.RangeHyperlink.documentReference': 'ExcelApi 1.7',
  'Excel.RangeHyperlink.screenTip': 'ExcelApi 1.7',
  'Excel.RangeHyperlink.textToDisplay': 'ExcelApi 1.7',
  'Excel.Range.format': 'ExcelApi 1.1',
  'Excel.RangeFormat.load': 'ExcelApi 1.1',
  'Excel.RangeFormat.fill': 'ExcelApi 1.1',
  'Excel.RangeFormat.font': 'ExcelApi 1.1',
  'Excel.RangeFormat.wrapText': 'ExcelApi 1.1',
  'Excel.RangeFormat.horizontalAlignment': 'ExcelApi 1.1',
  'Excel.RangeFormat.verticalAlignment': 'ExcelApi 1.1',
  'Excel.RangeFormat.borders': 'ExcelApi 1.1',
  // Widths and heights (points) came with 1.2.
  'Excel.RangeFormat.columnWidth': 'ExcelApi 1.2',
  'Excel.RangeFormat.rowHeight': 'ExcelApi 1.2',
  'Excel.RangeFormat.protection': 'ExcelApi 1.2',
  'Excel.FormatProtection.locked': 'ExcelApi 1.2',
  'Excel.RangeFill.color': 'ExcelApi 1.1',
  'Excel.RangeFill.clear': 'ExcelApi 1.1',
  'Excel.RangeFont.bold': 'ExcelApi 1.1',
  'Excel.RangeFont.color': 'ExcelApi 1.1',
  'Excel.RangeFont.name': 'ExcelApi 1.1',
  'Excel.RangeFont.size': 'ExcelApi 1.1',
  'Excel.RangeFont.underline': 'ExcelApi 1.1',
  'Excel.RangeBorderCollection.getItem': 'ExcelApi 1.1',
  'Excel.RangeBorder.style': 'ExcelApi 1.1',
  'Excel.RangeBorder.color': 'ExcelApi 1.1',

  // --- Data validation: ExcelApi 1.8, the reason the manifest asks for 1.8 --------------------------------
  'Excel.Range.dataValidation': 'ExcelApi 1.8',
  'Excel.DataValidation.load': 'ExcelApi 1.8',
  'Excel.DataValidation.rule': 'ExcelApi 1.8',
  'Excel.DataValidation.prompt': 'ExcelApi 1.8',
  'Excel.DataValidation.errorAlert': 'ExcelApi 1.8',
  'Excel.DataValidation.clear': 'ExcelApi 1.8',
  'Excel.DataValidationRule.list': 'ExcelApi 1.8',
  'Excel.DataValidationRule.textLength': 'ExcelApi 1.8',
  'Excel.DataValidationRule.decimal': 'ExcelApi 1.8',
  'Excel.ListDataValidation.inCellDropDown': 'ExcelApi 1.8',
  'Excel.ListDataValidation.source': 'ExcelApi 1.8',
  'Excel.BasicDataValidation.formula1': 'ExcelApi 1.8',
  'Excel.BasicDataValidation.formula2': 'ExcelApi 1.8',
  'Excel.BasicDataValidation.operator': 'ExcelApi 1.8',
  'Excel.DataValidationPrompt.showPrompt': 'ExcelApi 1.8',
  'Excel.DataValidationPrompt.title': 'ExcelApi 1.8',
  'Excel.DataValidationPrompt.message': 'ExcelApi 1.8',
  'Excel.DataValidationErrorAlert.showAlert': 'ExcelApi 1.8',
  'Excel.DataValidationErrorAlert.style': 'ExcelApi 1.8',
  'Excel.DataValidationErrorAlert.title': 'ExcelApi 1.8',
  'Excel.DataValidationErrorAlert.message': 'ExcelApi 1.8',

  // --- Conditional formats: ExcelApi 1.6 ------------------------------------------------------------------
  'Excel.Range.conditionalFormats': 'ExcelApi 1.6',
  'Excel.ConditionalFormatCollection.add': 'ExcelApi 1.6',
  'Excel.ConditionalFormatCollection.getCount': 'ExcelApi 1.6',
  'Excel.ConditionalFormatCollection.items': 'ExcelApi 1.6',
  'Excel.ConditionalFormatCollection.load': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.type': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.priority': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.custom': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.dataBar': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.getRange': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.delete': 'ExcelApi 1.6',
  'Excel.ConditionalFormat.load': 'ExcelApi 1.6',
  'Excel.CustomConditionalFormat.rule': 'ExcelApi 1.6',
  'Excel.CustomConditionalFormat.format': 'ExcelApi 1.6',
  'Excel.ConditionalFormatRule.formula': 'ExcelApi 1.6',
  'Excel.ConditionalFormatRule.load': 'ExcelApi 1.6',
  'Excel.ConditionalRangeFormat.fill': 'ExcelApi 1.6',
  'Excel.ConditionalRangeFormat.font': 'ExcelApi 1.6',
  'Excel.ConditionalRangeFill.color': 'ExcelApi 1.6',
  'Excel.ConditionalRangeFont.color': 'ExcelApi 1.6',
  'Excel.DataBarConditionalFormat.barDirection': 'ExcelApi 1.6',
  'Excel.DataBarConditionalFormat.positiveFormat': 'ExcelApi 1.6',
  'Excel.ConditionalDataBarPositiveFormat.fillColor': 'ExcelApi 1.6',
  'Excel.ConditionalDataBarPositiveFormat.gradientFill': 'ExcelApi 1.6',
};

/**
 * Keys whose entry above deliberately differs from the requirement tag @types/office-js gives them (the test
 * checks every other entry against its tag, and that these still differ).
 */
export const TAG_EXCEPTIONS: ReadonlySet<string> = new Set([
  // Tagged "DialogOrigin 1.1" for the optional cross-origin parts only (see the Dialog API entries).
  'Office.UI.messageParent',
  'Office.Dialog.addEventHandler',
]);
