/**
 * The contract of an error: every error class is declared once, with `defineError`, from its fields
 * and an `ErrorSpec` (stable code, stage, effect, message template, remedy). The instance message,
 * the error catalogue, the README's error table and a release manifest's `rejected` entries are all
 * rendered from that one spec (Frictionless's error classes: code, title, template, description).
 */
import type { Cause } from "effect"
import { Schema } from "effect"

/** Where an error is reported, in the order a build meets them. */
export const STAGES = [
  "ingest",
  "normalise",
  "extract",
  "run",
  "build",
  "publish",
  "verify",
  "validate",
  "eval",
  "explore"
] as const
export type Stage = (typeof STAGES)[number]

/** What happens when the error is reported. */
export const EFFECTS = {
  "source rejected":
    "the source is left out of the release and listed in `manifest.json` under `rejected`; the build goes on",
  "build stops": "the build exits 1 with the message; nothing is published",
  "command fails": "the command exits 1 with the message",
  problem: "a finding of `validate` (which exits 1 when there is any) or `verify`, printed as `code: file: detail`",
  warning: "said on stderr; the command goes on and its output is the same"
} as const
export type ErrorEffect = keyof typeof EFFECTS

/** Values a template may use besides the fields: computed from them (a percentage, a list in words). */
type Derived = Readonly<Record<string, string | number>>

/** Everything written about one error, once. */
export interface ErrorSpec<A = never> {
  /** Stable kebab-case code: scripts match on it; it never changes once released. */
  readonly code: string
  readonly stage: Stage
  readonly effect: ErrorEffect
  /** `{name}` stands for a field or a derived value; several templates when the message has variants. */
  readonly message: string | Readonly<Record<string, string>>
  /** Which template of `message` an instance uses (only with several templates). */
  readonly variant?: (fields: A) => string
  readonly derive?: (fields: A) => Derived
  /** What the user can do about it. */
  readonly remedy: string
}

/** The `{name}` placeholders of a template, as a type. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never

/** A spec with its templates' literal types, so that `defineError` can check their placeholders. */
type LiteralSpec<A, M extends string, D extends Derived> = Omit<ErrorSpec<A>, "message" | "derive"> & {
  readonly message: M | Readonly<Record<string, M>>
  readonly derive?: (fields: A) => D
}

/** Placeholders of the templates that name neither a field nor a derived value. */
type UnknownPlaceholders<A, M extends string, D> = Exclude<Placeholders<M>, (keyof A | keyof D) & string>

/** The templates of a spec, in their order. */
export const templatesOf = (spec: ErrorSpec<never>): ReadonlyArray<string> =>
  typeof spec.message === "string" ? [spec.message] : Object.values(spec.message)

/** Render a spec's message for an error's fields. */
export const renderMessage = <A>(spec: ErrorSpec<A>, fields: A): string => {
  const template =
    typeof spec.message === "string"
      ? spec.message
      : (spec.message[spec.variant?.(fields) ?? ""] ?? templatesOf(spec)[0]!)
  const derived = spec.derive?.(fields) ?? {}
  const values = fields as Readonly<Record<string, unknown>>
  // one pass: a value holding `{…}` (a file name) is never substituted again
  return template.replace(/\{([A-Za-z]\w*)\}/g, (whole, name: string) => {
    const value = name in derived ? derived[name] : values[name]
    return value === undefined ? whole : String(value)
  })
}

/** The fields of an error class: its `_tag` and the declared fields. */
type TaggedFields<Tag extends string, Fields extends Schema.Struct.Fields> = { readonly _tag: Schema.tag<Tag> } & Fields

/** The class `defineError` returns: a `Schema.TaggedError` class carrying its spec, whose instances carry the code. */
export type SpecErrorClass<
  Self,
  Tag extends string,
  Fields extends Schema.Struct.Fields,
  Code extends string
> = Schema.Class<
  Self,
  TaggedFields<Tag, Fields>,
  Schema.Struct.Encoded<TaggedFields<Tag, Fields>>,
  Schema.Struct.Context<TaggedFields<Tag, Fields>>,
  Schema.Struct.Constructor<Omit<TaggedFields<Tag, Fields>, "_tag">>,
  Record<never, never>,
  Cause.YieldableError & { readonly code: Code }
> & { readonly _tag: Tag; readonly code: Code; readonly spec: ErrorSpec<Schema.Struct.Type<Fields>> }

/**
 * Declare an error class from its fields and spec: `class EmptyFile extends defineError<EmptyFile>()("EmptyFile",
 * { file: Schema.String }, { code: "empty-file", … }) {}`. The class carries the spec (`spec`, `code`); an instance
 * has its `code` and renders its `message` from the spec.
 */
export const defineError =
  <Self>() =>
  <
    const Tag extends string,
    Fields extends Schema.Struct.Fields,
    const Code extends string,
    const M extends string,
    D extends Derived = Record<never, never>
  >(
    tag: Tag,
    fields: Fields,
    spec: LiteralSpec<Schema.Struct.Type<Fields>, M, D> & { readonly code: Code }
  ): [UnknownPlaceholders<Schema.Struct.Type<Fields>, M, D>] extends [never]
    ? SpecErrorClass<Self, Tag, Fields, Code>
    : // a typo in a template is a type error at the class ("… is not a constructor function type"), not a literal `{nmae}`
      { readonly "unknown placeholder in the message": UnknownPlaceholders<Schema.Struct.Type<Fields>, M, D> } => {
    const errorSpec = spec as unknown as ErrorSpec<Schema.Struct.Type<Fields>>
    // `Self` is the subclass the caller declares; Schema.TaggedError needs it to type `make` and decoding
    const Base = Schema.TaggedError<Self>()(tag, fields) as unknown as new (
      props: unknown,
      options?: Schema.MakeOptions
    ) => Error
    return class extends Base {
      static readonly code = spec.code
      static readonly spec = errorSpec
      /** The stable code of this error. */
      get code(): Code {
        return spec.code
      }
      override get message(): string {
        return renderMessage(errorSpec, this as unknown as Schema.Struct.Type<Fields>)
      }
    } as never
  }

/** An error class declared with `defineError`. */
export interface ErrorClass {
  readonly _tag?: string
  readonly name: string
  readonly code: string
  readonly spec: ErrorSpec<never>
  readonly prototype: Error
}

/** Is this value an error class declared with `defineError`? */
export const isErrorClass = (value: unknown): value is ErrorClass =>
  typeof value === "function" &&
  value.prototype instanceof Error &&
  typeof (value as { spec?: unknown }).spec === "object" &&
  typeof (value as { code?: unknown }).code === "string"

/** An error as a manifest's `rejected` entry (schemas/Manifest.ts `RejectedEntry`). */
export const rejectedEntry = (error: { readonly file: string; readonly code: string; readonly message: string }) => ({
  file: error.file,
  code: error.code,
  message: error.message
})
