/**
 * The window's last line of defence: when rendering fails (say, an autosaved draft the editor cannot
 * show), a plain page explains it instead of a blank window, and offers to discard the draft and
 * start again. Saved files are never written from here, so the last saved file stays as it was.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { getPlatform, type Platform } from '../platform';

interface Props {
  children: ReactNode;
  /** The host backing (tests pass their own). */
  platform?: Platform;
  /** How the window starts again (tests observe it). */
  restart?: () => void;
}

interface State {
  error: Error | null;
  discarded: boolean;
}

export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, discarded: false };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the developer console; the user sees the page below.
    console.error('Resilience Studio stopped:', error, info.componentStack);
  }

  private restart = (): void => {
    (this.props.restart ?? (() => window.location.reload()))();
  };

  private discardDraft = async (): Promise<void> => {
    try {
      await (this.props.platform ?? getPlatform()).clearRecovery();
    } finally {
      this.setState({ discarded: true });
      this.restart();
    }
  };

  private downloadDraft = async (): Promise<void> => {
    const draft = await (this.props.platform ?? getPlatform()).recover();
    if (!draft) return;
    const url = URL.createObjectURL(new Blob([draft.text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'autosaved-draft.plan.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  override render(): ReactNode {
    const { error, discarded } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash-screen" role="alert" data-testid="crash-screen">
        <div className="crash-card">
          <h1>The editor stopped</h1>
          <p>
            Something in this design could not be shown: <code data-testid="crash-message">{error.message}</code>
          </p>
          <p>
            Your saved files are safe: nothing has been written to them. If this happened while restoring an autosaved draft, discard the draft and
            start again; you can download it first to look at it.
          </p>
          <div className="crash-actions">
            <button type="button" className="primary-button" data-testid="crash-discard" disabled={discarded} onClick={() => void this.discardDraft()}>
              Discard the draft and start again
            </button>
            <button type="button" className="secondary-button" data-testid="crash-download" onClick={() => void this.downloadDraft()}>
              Download the draft
            </button>
            <button type="button" className="secondary-button" data-testid="crash-restart" onClick={this.restart}>
              Start again, keeping the draft
            </button>
          </div>
        </div>
      </div>
    );
  }
}
