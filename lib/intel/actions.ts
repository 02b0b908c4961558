'use server';
// Watchlist server actions (exports are public endpoints: actions only, each authorized).
import { authorizedAction } from '@/lib/actions/authorized-action';
import { addWatchlistEntry, expireEntry, markFalsePositive, removeEntry } from './watchlist-commands';
import { importWatchlistFile } from './watchlist-import';
import { addWatchlistEntrySchema, importWatchlistFileSchema, watchlistEntryActionSchema } from './watchlist-validators';

export const addWatchlistEntryAction = authorizedAction('watchlist:manage', addWatchlistEntrySchema, (input, { tx, user }) => addWatchlistEntry(tx, user, input));
export const markFalsePositiveAction = authorizedAction('watchlist:manage', watchlistEntryActionSchema, (input, { tx, user }) => markFalsePositive(tx, user, input));
export const expireEntryAction = authorizedAction('watchlist:manage', watchlistEntryActionSchema, (input, { tx, user }) => expireEntry(tx, user, input));
export const removeEntryAction = authorizedAction('watchlist:manage', watchlistEntryActionSchema, (input, { tx, user }) => removeEntry(tx, user, input));
export const importWatchlistFileAction = authorizedAction('watchlist:manage', importWatchlistFileSchema, (input, { tx, user }) => importWatchlistFile(tx, user, input));
