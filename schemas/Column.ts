/**
 * One definition per column gives the row Schema, the Arrow type, the JSON Schema and the
 * Frictionless Table Schema field, so the published formats cannot drift apart.
 */
import { Schema } from "effect"

/** How a column is stored in Arrow (and mirrored in CSV and Table Schema). */
export type ColumnKind = "id" | "text" | "category" | "int" | "float" | "bool" | "date" | "list"

/** A column: its Effect Schema plus serialisation facts. */
export interface Column<S extends Schema.Schema.Any = Schema.Schema.Any> {
  readonly kind: ColumnKind
  readonly schema: S
  readonly nullable: boolean
  readonly description: string
  /** For categories: the closed set of values (also the Arrow dictionary). */
  readonly values?: ReadonlyArray<string>
  /** For ids: the table whose primary key this column references. */
  readonly references?: string
  /** For ids and dates: the pattern a value matches (the same one the schema checks). */
  readonly pattern?: RegExp
}

const idPattern = (prefix: string) => new RegExp(`^${prefix}_[0-9a-f]{16}$`)
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

const Nullable = <S extends Schema.Schema.Any>(s: S) => Schema.NullOr(s)

/** Column constructors. `.nullable` variants accept null. */
export const col = {
  id: (prefix: string, description: string, references?: string): Column<Schema.Schema<string>> => ({
    kind: "id",
    schema: Schema.String.pipe(Schema.pattern(idPattern(prefix))),
    nullable: false,
    description,
    pattern: idPattern(prefix),
    ...(references ? { references } : {})
  }),
  idNullable: (prefix: string, description: string, references?: string): Column<Schema.Schema<string | null>> => ({
    kind: "id",
    schema: Nullable(Schema.String.pipe(Schema.pattern(idPattern(prefix)))),
    nullable: true,
    description,
    pattern: idPattern(prefix),
    ...(references ? { references } : {})
  }),
  text: (description: string): Column<Schema.Schema<string>> => ({
    kind: "text",
    schema: Schema.String,
    nullable: false,
    description
  }),
  textNullable: (description: string): Column<Schema.Schema<string | null>> => ({
    kind: "text",
    schema: Nullable(Schema.String),
    nullable: true,
    description
  }),
  category: <const V extends ReadonlyArray<string>>(
    values: V,
    description: string
  ): Column<Schema.Schema<V[number]>> => ({
    kind: "category",
    schema: Schema.Literal(...values) as unknown as Schema.Schema<V[number]>,
    nullable: false,
    description,
    values
  }),
  categoryNullable: <const V extends ReadonlyArray<string>>(
    values: V,
    description: string
  ): Column<Schema.Schema<V[number] | null>> => ({
    kind: "category",
    schema: Nullable(Schema.Literal(...values)) as unknown as Schema.Schema<V[number] | null>,
    nullable: true,
    description,
    values
  }),
  int: (description: string): Column<Schema.Schema<number>> => ({
    kind: "int",
    schema: Schema.Int.pipe(Schema.between(0, 2_147_483_647)),
    nullable: false,
    description
  }),
  float: (description: string): Column<Schema.Schema<number>> => ({
    kind: "float",
    schema: Schema.Number.pipe(Schema.between(0, 1)),
    nullable: false,
    description
  }),
  bool: (description: string): Column<Schema.Schema<boolean>> => ({
    kind: "bool",
    schema: Schema.Boolean,
    nullable: false,
    description
  }),
  /** ISO 8601 calendar date (YYYY-MM-DD) stored as Arrow date32. */
  dateNullable: (description: string): Column<Schema.Schema<string | null>> => ({
    kind: "date",
    schema: Nullable(Schema.String.pipe(Schema.pattern(DATE_PATTERN))),
    nullable: true,
    description,
    pattern: DATE_PATTERN
  }),
  list: (description: string): Column<Schema.Schema<ReadonlyArray<string>>> => ({
    kind: "list",
    schema: Schema.Array(Schema.String),
    nullable: false,
    description
  })
}

/** A table definition: ordered columns, first column is the primary key. */
export interface TableDef<Fields extends Record<string, Column>> {
  readonly name: string
  readonly description: string
  readonly columns: Fields
  readonly primaryKey: keyof Fields & string
}

/** Build a table definition; the first column is the primary key. */
export const defineTable = <Fields extends Record<string, Column>>(
  name: string,
  description: string,
  columns: Fields
): TableDef<Fields> => ({
  name,
  description,
  columns,
  primaryKey: Object.keys(columns)[0] as keyof Fields & string
})

/** The Effect Schema struct fields of a table. */
export const fieldsOf = <Fields extends Record<string, Column>>(t: TableDef<Fields>) =>
  Object.fromEntries(Object.entries(t.columns).map(([k, c]) => [k, c.schema])) as {
    [K in keyof Fields]: Fields[K]["schema"]
  }
