'use server';
// Watchlist server actions (exports are public endpoints: actions only, each authorized).
import { authorizedAction } from '@/lib/actions/authorized-action';
import { addWatchlistEntry, expireEntry, markFalsePositive } from './watchlist-commands';
import { addWatchlistEntrySchema, watchlistEntryActionSchema } from './watchlist-validators';

export const addWatchlistEntryAction = authorizedAction('watchlist:manage', addWatchlistEntrySchema, (input, { tx, user }) => addWatchlistEntry(tx, user, input));
export const markFalsePositiveAction = authorizedAction('watchlist:manage', watchlistEntryActionSchema, (input, { tx, user }) => markFalsePositive(tx, user, input));
export const expireEntryAction = authorizedAction('watchlist:manage', watchlistEntryActionSchema, (input, { tx, user }) => expireEntry(tx, user, input));
