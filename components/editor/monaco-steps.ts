/**
 * Monaco in steps. Evaluating the whole editor (about 3 MB of script) in one go held the page's
 * main thread for seconds; `loadMonaco` imports these modules one after another, each in a task
 * of its own, so each step evaluates only what the earlier ones did not. They are files deep in
 * Monaco's import graph, chosen so that each adds about the same amount of code
 * (tests/editor/monaco-steps.test.ts checks that against the installed Monaco and prints a new
 * list when an upgrade moves files). The steps decide only when code is evaluated, never what:
 * the editor module (monaco.ts) imports everything it uses itself.
 */
export const MONACO_STEPS: readonly (() => Promise<unknown>)[] = [
  () => import('monaco-editor/base/browser/ui/resizable/resizable'),
  () => import('monaco-editor/editor/contrib/codeAction/browser/codeActionModel'),
  () => import('monaco-editor/editor/contrib/parameterHints/browser/parameterHints'),
  () => import('monaco-editor/editor/contrib/inlineCompletions/browser/model/renameSymbolProcessor'),
  () => import('monaco-editor/platform/quickinput/browser/tree/quickInputTreeController'),
  () => import('monaco-editor/editor/contrib/linesOperations/browser/linesOperations'),
  () => import('monaco-editor/editor/standalone/browser/quickInput/standaloneQuickInputService'),
  () => import('monaco-editor/editor/browser/controller/pointerHandler'),
  () => import('monaco-editor/editor/contrib/dropOrPasteInto/browser/postEditWidget'),
  () => import('monaco-editor/editor/browser/services/contribution'),
  () => import('monaco-editor/editor/browser/viewParts/viewLinesGpu/viewLinesGpu'),
  () => import('monaco-editor/editor/common/model/tokens/tokenizationTextModelPart'),
  () => import('monaco-editor/editor/contrib/inlineCompletions/browser/view/inlineEdits/inlineEditsViews/jumpToView'),
  () => import('monaco-editor/editor/browser/view'),
  () => import('monaco-editor/editor/contrib/peekView/browser/peekView'),
  () => import('monaco-editor/editor/contrib/colorPicker/browser/colorPickerContribution'),
  () => import('monaco-editor/editor/browser/widget/multiDiffEditor/multiDiffEditorWidget'),
  () => import('monaco-editor/editor/contrib/inlineCompletions/browser/view/inlineEdits/inlineEditsView'),
  () => import('monaco-editor/editor/contrib/inlineCompletions/browser/controller/commands'),
  () => import('monaco-editor/editor/standalone/browser/standaloneServices'),
  () => import('monaco-editor/languages/definitions/yaml/yaml'),
  () => import('monaco-editor/editor/contrib/hover/browser/hoverContribution'),
  () => import('monaco-editor/editor/contrib/multicursor/browser/multicursor'),
  () => import('monaco-editor/editor/contrib/clipboard/browser/clipboard'),
];
