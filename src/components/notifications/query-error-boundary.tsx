import { Component, type ReactNode } from "react";

/**
 * Catches an error thrown while rendering its children (convex/react's paginated queries throw
 * the backend's error) and renders `fallback(error)` instead. `resetKey` changes retry.
 */
export class QueryErrorBoundary extends Component<
  { fallback: (error: unknown) => ReactNode; resetKey?: string; children: ReactNode },
  { error: unknown; resetKey?: string }
> {
  state: { error: unknown; resetKey?: string } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey?: string }, state: { error: unknown; resetKey?: string }) {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  render() {
    if (this.state.error !== null) return this.props.fallback(this.state.error);
    return this.props.children;
  }
}
