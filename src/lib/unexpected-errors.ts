// The app-wide report of unexpected mutation failures (see the MutationCache in router.tsx):
// the latest one, for the notice in the page frame to show until it is dismissed.
type Listener = () => void;

let current: { id: number; message: string } | null = null;
let nextId = 1;
const listeners = new Set<Listener>();
const emit = () => listeners.forEach((listener) => listener());

export const unexpectedErrors = {
  report(message: string) {
    current = { id: nextId++, message };
    emit();
  },
  dismiss() {
    current = null;
    emit();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  get: () => current,
};
