/** Every keyboard shortcut of the editor, for the sheet (`?`) and for tooltips. */
import { isMac } from '../app/platformKeys';

const MOD = isMac() ? '⌘' : 'Ctrl';

export const SHORTCUT_GROUPS: { title: string; items: [string, string][] }[] = [
  {
    title: 'File',
    items: [
      ['Open a plan file', `${MOD} O`],
      ['Open a result file (simulate --json, merge)', `${MOD} ⇧ O`],
      ['Save', `${MOD} S`],
      ['Save as', `${MOD} ⇧ S`],
    ],
  },
  {
    title: 'Edit',
    items: [
      ['Undo', `${MOD} Z`],
      ['Redo', `${MOD} ⇧ Z`],
      ['Delete the selection', 'Del'],
      ['Copy / paste', `${MOD} C / V`],
      ['Cut', `${MOD} X`],
      ['Select all', `${MOD} A`],
      ['Clear the selection', 'Esc'],
    ],
  },
  {
    title: 'View',
    items: [
      ['Fit the design in view', 'F'],
      ['Find a component and centre it', `${MOD} K`],
      ['Auto-layout the diagram', `${MOD} ⇧ L`],
      ['Export the diagram as SVG', `${MOD} ⇧ E`],
      ['Export the diagram as PNG', `${MOD} ⇧ P`],
      ['Edit a wire label', 'double-click the wire'],
      ['Box select', '⇧ drag'],
      ['This sheet', '?'],
    ],
  },
  {
    title: 'Inspector',
    items: [
      ['Commit a field', 'Enter or Tab'],
      ['Revert a field being typed', 'Esc'],
    ],
  },
];
