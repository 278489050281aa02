/**
 * Who is signed in on this window. Kept in sessionStorage: it survives a reload of the page (a
 * clerk pressing F5 stays signed in) and ends when the window closes. Only the user's id, name
 * and role are kept, never a password or its hash.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { WorkflowRole } from '../../../shared/workflow/definition';

export interface SignedInUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: WorkflowRole;
}

interface SessionState {
  user: SignedInUser | null;
  signIn: (user: SignedInUser) => void;
  signOut: () => void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      user: null,
      signIn: (user) => set({ user }),
      signOut: () => set({ user: null }),
    }),
    { name: 'association-desk.session', version: 1, storage: createJSONStorage(() => sessionStorage) },
  ),
);

/** The signed-in user outside React (repositories' write context, the engine's role). */
export function currentUser(): SignedInUser | null {
  return useSession.getState().user;
}
