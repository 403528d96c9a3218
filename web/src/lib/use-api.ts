import { useCallback, useEffect, useRef, useState } from "react";
import { SessionExpiredError } from "./api-client";

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change, or from an error state's "Réessayer"). */
  reload: () => void;
}

/**
 * Runs an API call when its dependencies change and keeps its state: loading, data or error. A newer call
 * supersedes an older one still running (its answer is dropped), so fast filter changes never show stale rows.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, dependencies: unknown[]): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof SessionExpiredError) return;
        setState({ error, loading: false });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
