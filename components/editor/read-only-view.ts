/**
 * How Monaco shows text the user reads but does not edit (rendered manifests, a chart's
 * template): no caret typing, no squiggles or link underlines a reader can't act on, the
 * accessibility mode the editors use, and a wheel that scrolls as far as the page's own scrolling.
 */
type EditorOptions = import('monaco-editor/editor/editor.api').editor.IStandaloneEditorConstructionOptions;

export const READ_ONLY_VIEW: EditorOptions = {
  readOnly: true,
  domReadOnly: true,
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  // Monaco takes Chromium's 100 px of wheel for one notch of 50 px: twice as many notches (or
  // twice the touchpad travel) as the page's own scrolling for the same distance.
  mouseWheelScrollSensitivity: 2,
  fontSize: 13,
  renderValidationDecorations: 'off',
  occurrencesHighlight: 'off',
  links: false,
  fixedOverflowWidgets: true,
  editContext: false,
  accessibilitySupport: 'on',
};
