/** What an empty canvas says: how to start, in the order the work is usually done. */
import { Glyph } from '../components/Glyph';
import { TemplateInvite } from '../gallery/TemplateGallery';

export function EmptyCanvasHint() {
  return (
    <div className="empty-hint" data-testid="empty-canvas">
      <div className="empty-hint-icon">
        <Glyph name="region" size={28} strokeWidth={1.4} />
      </div>
      <h2>Start with a region</h2>
      <ol>
        <li>Drag a <b>Region</b> from the palette onto the canvas.</li>
        <li>Drop gateways, load balancers and data stores inside it.</li>
        <li>Drag from a card’s edge to another card to wire traffic.</li>
      </ol>
      <div className="empty-hint-or">or</div>
      <TemplateInvite />
    </div>
  );
}
