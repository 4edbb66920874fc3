/**
 * Exporting pictures: the diagram as SVG (sim/diagram/planToSvg, the same drawing the CLI's report
 * uses) or as PNG (that SVG rasterised on a canvas), and the results dashboard as PNG (html-to-image).
 * Files are saved through the platform (a download here, a save dialog on the desktop).
 */
import { toBlob } from 'html-to-image';
import { planToSvg, type DiagramTheme } from '../../sim/diagram/planToSvg';
import type { Plan } from '../../sim/model/schema';
import { exportFile } from '../platform';

/** Pixels per canvas unit in a PNG: sharp on slides and high-density screens. */
const PNG_SCALE = 2;
/** Browsers refuse canvases much larger than this on a side. */
const MAX_PNG_SIDE = 8192;

export function currentTheme(): DiagramTheme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** A file name from the plan's name: lower case, dashes, no characters a file system dislikes. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem || 'design';
}

export function diagramSvgBlob(plan: Plan, theme: DiagramTheme = currentTheme()): Blob {
  return new Blob([planToSvg(plan, { theme })], { type: 'image/svg+xml' });
}

/** The diagram's SVG drawn on a canvas and encoded as PNG. */
export async function diagramPngBlob(plan: Plan, theme: DiagramTheme = currentTheme()): Promise<Blob> {
  const svg = planToSvg(plan, { theme });
  const image = new Image();
  image.decoding = 'async';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = Math.min(PNG_SCALE, MAX_PNG_SIDE / Math.max(image.naturalWidth, image.naturalHeight, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas, so no PNG can be made.');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
}

export async function exportDiagramSvg(plan: Plan): Promise<void> {
  await exportFile(diagramSvgBlob(plan), `${fileStem(plan.name)}.svg`);
}

export async function exportDiagramPng(plan: Plan): Promise<void> {
  await exportFile(await diagramPngBlob(plan), `${fileStem(plan.name)}.png`);
}

/** The results dashboard as it is shown, as a PNG on the panel's own background colour. */
export async function exportDashboardPng(element: HTMLElement, planName: string): Promise<void> {
  const background = getComputedStyle(element).backgroundColor;
  const blob = await toBlob(element, {
    pixelRatio: PNG_SCALE,
    backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : currentTheme() === 'dark' ? '#0f172a' : '#ffffff',
    // Buttons and toggles are for the screen, not for a slide.
    filter: (node) => !(node instanceof HTMLElement && node.dataset.exportSkip !== undefined),
  });
  if (!blob) throw new Error('The dashboard could not be drawn as a picture.');
  await exportFile(blob, `${fileStem(planName)}-results.png`);
}
