import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/**
 * True when `err` is the database refusing a duplicate key: SQLite's UNIQUE or PRIMARY KEY
 * constraint, PostgreSQL's 23505. Services check for duplicates first and say which field
 * clashes; this catches the writer that slipped in between the check and the insert (on
 * PostgreSQL two transactions both pass the check, since neither sees the other's row yet).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof pg.DatabaseError) return err.code === '23505';
  if (err instanceof SqliteDatabase.SqliteError)
    return err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  return false;
}

/** `work`, with a duplicate key answered as `conflict()` says instead of an internal error. */
export async function mapUniqueViolation<T>(
  work: () => Promise<T>,
  conflict: () => Error,
): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw isUniqueViolation(err) ? conflict() : err;
  }
}
