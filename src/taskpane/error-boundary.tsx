/**
 * Catches a rendering failure of a tab so the pane is never blank: the message bar says what happened and
 * offers to try again (re-rendering the tab with the same data).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { Lang } from '../core/findings.ts';
import { t } from './i18n.ts';

/** Props of {@link TabErrorBoundary}. */
export interface TabErrorBoundaryProps {
  readonly lang: Lang;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

/** An error boundary around the tab panels. */
export class TabErrorBoundary extends Component<TabErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever opens the developer tools: the component stack says which part failed.
    console.error('Duban task pane:', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const { lang } = this.props;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(lang, 'crashTitle')}</MessageBarTitle>
          {t(lang, 'crashBody', { detail: error.message })}
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.setState({ error: null });
            }}
          >
            {t(lang, 'retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
