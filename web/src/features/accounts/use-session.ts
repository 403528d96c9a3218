import { useSyncExternalStore } from "react";
import { session, type SessionAccount } from "../../lib/session";

/** The signed-in account, re-rendering on sign-in, refresh and sign-out. */
export function useSessionAccount(): SessionAccount | null {
  return useSyncExternalStore(session.subscribe, session.account, () => null);
}
