// Body limits of the REST API (413 beyond them).

/** One applicant record or one watchlist post. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** A batch of up to 10,000 records (about 3 KiB each on average, résumé text aside). */
export const BATCH_BODY_LIMIT = 32 * 1024 * 1024;
