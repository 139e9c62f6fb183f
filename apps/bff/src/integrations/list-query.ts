import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import {
  containsText,
  dialectOf,
  nameSearch,
  nameSearchSize,
  sortedJsonArray,
  type DialectName,
} from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { healthStateOf } from './verification-status.js';

export type VerificationStatus = 'verified' | 'failing' | 'not-checked';

export interface ListFilter {
  labels: string[];
  spaceIds: 'all' | string[];
  space?: string;
  q?: string;
  status?: VerificationStatus;
  after?: { name: string; id: string };
  limit: number;
}

/**
 * The query is driven by its narrowest filter: its rows are read in list order and the
 * other filters checked on each. Label sizes and search matches are counted only up to
 * here to choose. See docs/decisions/008-list-filters-and-search.md.
 */
export const SELECTIVE = 500;
/** Totals are counted exactly up to here; a broader filter answers "at least this many". */
export const COUNT_CAP = 500;
/** Trigrams need three characters; shorter searches match broadly and walk the name index. */
const MIN_SEARCH = 3;

export interface ListTotal {
  total: number;
  exact: boolean;
}

type Driver =
  | { kind: 'label'; label: string }
  | { kind: 'status'; status: VerificationStatus }
  | { kind: 'search' }
  | { kind: 'name' };
type Tables = Database & { i: Database['aws_integrations'] };

type Query = SelectQueryBuilder<Tables, 'i', object>;

/**
 * Each row's labels, sorted, as JSON. The inner ORDER BY follows the primary key
 * (integration_id, label), so SQLite sorts nothing; `ORDER BY` inside the aggregate would.
 */
export const labelsJsonOf = (dialect: DialectName, table: 'i' | 'aws_integrations') =>
  sql<string>`(SELECT ${sortedJsonArray(dialect, sql.ref('label'))} FROM (SELECT label FROM integration_labels l WHERE l.integration_id = ${sql.ref(`${table}.id`)} ORDER BY label) AS s)`.as(
    'labels_json',
  );

const statusIs = (status: VerificationStatus) =>
  sql<boolean>`health_state = ${healthStateOf[status]}`;

const statusSize = (status: VerificationStatus) =>
  sql<number>`(SELECT count(*) FROM (SELECT 1 FROM aws_integrations WHERE ${statusIs(status)} LIMIT ${SELECTIVE}) AS c)`;

export function createListQueries(db: Db) {
  const dialect = dialectOf(db);
  /**
   * The narrowest filter. Labels are counted exactly (label_counts); status and search
   * only up to SELECTIVE, enough to tell a narrow one from a broad one.
   */
  async function chooseDriver(filter: ListFilter): Promise<Driver> {
    const search = filter.q && filter.q.length >= MIN_SEARCH ? filter.q : undefined;
    const { status } = filter;
    if (filter.labels.length === 0 && !search && !status) return { kind: 'name' };
    const sizes = await db
      .selectNoFrom((eb) => [
        ...filter.labels.map((label, n) =>
          eb.selectFrom('label_counts').select('n').where('label', '=', label).as(`l${n}`),
        ),
        ...(status ? [statusSize(status).as('status')] : []),
        ...(search ? [nameSearchSize(dialect, search, SELECTIVE).as('q')] : []),
      ])
      .executeTakeFirstOrThrow();
    const size = (key: string) => Number((sizes as Record<string, number | null>)[key] ?? 0);
    const candidates: { driver: Driver; size: number }[] = filter.labels.map((label, n) => ({
      driver: { kind: 'label', label },
      size: size(`l${n}`),
    }));
    if (status) candidates.push({ driver: { kind: 'status', status }, size: size('status') });
    if (search) candidates.push({ driver: { kind: 'search' }, size: size('q') });
    candidates.sort((a, b) => a.size - b.size);
    // Labels and status are indexed in (name, id) order, so a page stops after 50 matches
    // even when they are common; a search must sort its matches, so only a narrow one leads.
    const ordered = candidates.find((c) => c.driver.kind !== 'search');
    const best = candidates[0]!;
    if (best.driver.kind === 'search' && best.size < SELECTIVE) return best.driver;
    return ordered?.driver ?? { kind: 'name' };
  }

  /** Rows in the driver's order, with every other filter checked on each. */
  function filtered(filter: ListFilter, driver: Driver): Query {
    let query: Query;
    if (driver.kind === 'label') {
      query = db
        .selectFrom('integration_labels as d')
        .innerJoin('aws_integrations as i', 'i.id', 'd.integration_id')
        .where('d.label', '=', driver.label);
    } else if (driver.kind === 'search') {
      // CROSS JOIN keeps SQLite from walking all integrations and probing the matches.
      query = db
        .selectFrom(nameSearch(dialect, filter.q!).as('m'))
        .crossJoin('aws_integrations as i')
        .whereRef('i.id', '=', 'm.integration_id');
    } else {
      // For a status driver, the status condition below walks its expression index.
      query = db.selectFrom('aws_integrations as i');
    }
    for (const label of filter.labels) {
      if (driver.kind === 'label' && label === driver.label) continue;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('integration_labels')
            .select(sql.lit(1).as('one'))
            .whereRef('integration_labels.integration_id', '=', 'i.id')
            .where('integration_labels.label', '=', label),
        ),
      );
    }
    if (filter.q && driver.kind !== 'search')
      query = query.where(containsText(dialect, ['i.name'], filter.q));
    if (filter.spaceIds !== 'all')
      query = query.where('i.space_id', 'in', filter.spaceIds.length ? filter.spaceIds : ['']);
    if (filter.space) query = query.where('i.space_id', '=', filter.space);
    if (filter.status) query = query.where(statusIs(filter.status));
    return query;
  }

  async function page(filter: ListFilter, driver: Driver) {
    // A label's index holds (label, name, id): ordering by its columns needs no sort.
    const [name, id] =
      driver.kind === 'label'
        ? (['d.name', 'd.integration_id'] as const)
        : (['i.name', 'i.id'] as const);
    let query = filtered(filter, driver);
    if (filter.after) {
      const after = filter.after;
      query = query.where((eb) =>
        eb.or([
          eb(sql.ref(name), '>', after.name),
          eb.and([eb(sql.ref(name), '=', after.name), eb(sql.ref(id), '>', after.id)]),
        ]),
      );
    }
    return query
      .selectAll('i')
      .select(labelsJsonOf(dialect, 'i'))
      .orderBy(sql.ref(name))
      .orderBy(sql.ref(id))
      .limit(filter.limit)
      .execute();
  }

  /** How many rows match, exact up to COUNT_CAP. */
  async function count(filter: ListFilter, driver: Driver): Promise<ListTotal> {
    const unfiltered = filter.labels.length === 0 && !filter.q && !filter.space && !filter.status;
    if (unfiltered && filter.spaceIds === 'all') {
      const { n } = await db
        .selectFrom('aws_integrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { total: Number(n), exact: true };
    }
    const { n } = await db
      .selectFrom(
        filtered(filter, driver)
          .select(sql.lit(1).as('one'))
          .limit(COUNT_CAP + 1)
          .as('c'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = Number(n);
    return total > COUNT_CAP ? { total: COUNT_CAP, exact: false } : { total, exact: true };
  }

  return {
    /** One page in list order, and how many rows match over all pages. */
    async list(filter: ListFilter) {
      const driver = await chooseDriver(filter);
      const rows = await page(filter, driver);
      // A first page that is not full holds every match: no need to count them again.
      if (!filter.after && rows.length < filter.limit)
        return { rows, total: { total: rows.length, exact: true } };
      return { rows, total: await count(filter, driver) };
    },
  };
}
