/**
 * The browser's print dialog on a document other than the page: the HTML goes into a hidden
 * iframe (sandboxed: no scripts; same origin only so this page may call its print(), modals so the
 * dialog may open), which is printed and removed once printing is over (or when the next one comes).
 */
export function printHtmlInFrame(html: string, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    for (const old of doc.querySelectorAll('iframe[data-testid="report-print-frame"]')) old.remove();
    const frame = doc.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('tabindex', '-1');
    frame.dataset.testid = 'report-print-frame';
    // Out of sight but laid out (a display:none frame has no layout to print).
    Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0', opacity: '0', pointerEvents: 'none' });
    frame.addEventListener(
      'load',
      () => {
        const win = frame.contentWindow;
        try {
          if (!win) throw new Error('the print frame has no window');
          win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
          win.print();
          resolve();
        } catch (error) {
          frame.remove();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      { once: true },
    );
    frame.srcdoc = html;
    doc.body.appendChild(frame);
  });
}
