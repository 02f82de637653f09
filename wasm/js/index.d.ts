// Type declarations for the article-analyzer JS API (wasm/js/index.js) and the JSON document that analyze()
// returns. They mirror core/include/article/analyzer.h and core/src/json.cpp (schema version 4); each field
// names the C++ field it comes from where the names differ.
//
// Offsets: every `start`/`end` is in UTF-16 code units into the text exactly as it was passed to analyze(),
// so `text.slice(span.start, span.end) === span.text` (for well-formed text: see `lone_surrogates`).
//
// The result is lean unless asked otherwise: no tokens, no words, and spans without `text`
// (cut it with text.slice, or withSpanText(result, text)). `{...FULL_RESULT, ...options}` asks for the
// whole document, as the CLI writes it by default.

import type { BLOCK_TYPES, TOKEN_KINDS, ENTITY_TYPES, NAME_TYPES, QUOTE_KINDS, LIMITS, SCHEMA_VERSION } from './gen/schema.js';
// The core's limits and kinds, generated from it at build time (scripts/write-schema.mjs): the unions below
// are derived from these lists, so they cannot drift from the core.
export {
  SCHEMA_VERSION,
  LIMITS,
  BLOCK_TYPES,
  TOKEN_KINDS,
  ENTITY_TYPES,
  NAME_TYPES,
  DATE_TYPES,
  FIGURE_TYPES,
  QUOTE_KINDS,
} from './gen/schema.js';

/** What the core says of itself: its schema version, limits and kinds (C++ `schema_json()`). */
export interface Schema {
  schema: typeof SCHEMA_VERSION;
  limits: typeof LIMITS;
  blockTypes: BlockType[];
  tokenKinds: TokenKind[];
  entityTypes: EntityType[];
  nameTypes: NameType[];
  dateTypes: EntityType[];
  figureTypes: EntityType[];
  quoteKinds: QuoteKind[];
}

/** What createAnalyzer() loads; every member is optional (by default the files are loaded next to index.js). */
export interface AnalyzerInit {
  /** The module's bytes (`gen/article_analyzer.wasm`), when the caller has them already. */
  wasmBinary?: Uint8Array;
  /**
   * The Vietnamese word list: its text (`gen/vi_words.txt`: one lowercase word a line), as a string or UTF-8
   * bytes, or the same list compiled (`gen/vi_words.bin`, what is loaded by default: `article-analyzer
   * --compile-words LIST OUT` compiles a list). `null` or `""`: none, so words are single syllables and
   * capitalized name runs.
   */
  wordList?: string | Uint8Array | null;
  /** Where to fetch the wasm module from (default: `./gen/article_analyzer.wasm` beside index.js). */
  wasmUrl?: string | URL;
  /** Where to fetch the word list from, text or compiled (default: `./gen/vi_words.bin` beside index.js). */
  wordListUrl?: string | URL;
  /**
   * The entity model's bytes (`gen/entity_vi.bin`, a learned sequence labeller with its word clusters). `null`:
   * none, so people, organizations and places come from the hand-written rules alone.
   */
  entityModel?: Uint8Array | null;
  /** Where to fetch the entity model from (default: `./gen/entity_vi.bin` beside index.js). */
  entityModelUrl?: string | URL;
}

/** Options of one analysis (C++ `article::Options`, read by `options_from_json`). Unknown keys are ignored. */
export interface AnalyzeOptions {
  /** "auto" (detect; the default), "vi" or "en". */
  language?: 'auto' | 'vi' | 'en';
  /**
   * ISO date "YYYY-MM-DD" (or "YYYY-MM", "YYYY") that relative dates resolve against when the article carries
   * no date of its own (C++ `reference_date`). Default: none.
   */
  referenceDate?: string;
  /**
   * The token list (C++ `output.tokens`): false (the default here; an empty array), true (one object per
   * token) or "compact" (TokenColumns: a quarter of the size). Statistics are computed either way.
   */
  tokens?: boolean | 'compact';
  /** The word list `words` (C++ `output.words`): false (the default here), true (objects) or "compact" (WordColumns). */
  wordSpans?: boolean | 'compact';
  /** Each span's `text` (C++ `output.span_text`; default false here, true in the CLI). */
  spanText?: boolean;
  /**
   * The newsroom's own words and names (C++ `words`): matched whatever their case, each is one word of
   * `words`; with a type, each match is also an entity of that type in place of the names it overlaps. At
   * most 100,000 entries of at most 200 characters; others are `invalid_option` warnings.
   */
  words?: Array<string | { text: string; type?: NameType }>;
}

/** Encodings decode() accepts; 'auto' guesses. */
export type Encoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

/** The result of decode() (C++ `Decoded`). */
export interface Decoded {
  /** false: nothing usable; see `warnings`. */
  ok: boolean;
  /** The text (NFC when it came from a legacy 8-bit encoding). */
  text: string;
  /** The encoding used: "utf-8", "utf-16le", "utf-16be", "windows-1258" or "windows-1252". */
  encoding: string;
  /** e.g. `unknown_encoding`, `invalid_utf8` (when an encoding was forced). */
  warnings: { code: string; message: string }[];
  /** The text is binary data, which analyze() would refuse (`binary_input`): the core's own rule. */
  binary: boolean;
}

/** The analyzer, loaded once; analyze() is synchronous. */
export interface Analyzer {
  /** Library version, e.g. "0.1.0" (also `analysis.analyzer.version`). */
  readonly version: string;
  /** The core's schema version, limits and kinds. */
  readonly schema: Schema;
  /**
   * Analyses one article. Never throws for bad input: problems are in `errors` (then `status` is not "ok")
   * and `warnings`. A non-string `text` is converted with String() (null and undefined: "").
   */
  analyze(text: string, options?: AnalyzeOptions | null): Analysis;
  /**
   * Decodes the bytes of a text file with the core's ICU converters: a byte-order mark decides (UTF-8,
   * UTF-16LE/BE); otherwise valid UTF-8 is UTF-8, else Windows-1258 when that reads as Vietnamese, else
   * Windows-1252 with an `unknown_encoding` warning.
   */
  decode(bytes: Uint8Array | ArrayBuffer, encoding?: Encoding): Decoded;
}

/** Loads the WebAssembly module and the word list once (Node 20+, browsers, workers). */
export function createAnalyzer(init?: AnalyzerInit): Promise<Analyzer>;
/** The whole document: {tokens: true, wordSpans: true, spanText: true}. */
export const FULL_RESULT: Readonly<AnalyzeOptions>;
/** Gives every span of `result` its `text`, cut from `text` (the string analysed); in place; returns `result`. */
export function withSpanText<T>(result: T, text: string): T;
export default createAnalyzer;

/** A stretch of the input (C++ `Span`). */
export interface Span {
  /** UTF-16 code units from the start of the input as given. */
  start: number;
  /** Exclusive end, in UTF-16 code units. */
  end: number;
  /** The input between start and end, exactly as given (not normalized); only with `spanText: true`. */
  text?: string;
}

/** "ok": analysed (maybe with warnings); "unusable_input": nothing to analyse, see `errors`; "internal_error": a bug. */
export type Status = 'ok' | 'unusable_input' | 'internal_error';

/** Codes of `errors` entries. */
export type ErrorCode =
  | 'empty_input' // empty or only white space
  | 'input_too_large' // over 8 MiB of UTF-8 (kMaxInputBytes); rejected, never truncated
  | 'utf16_input' // starts with a UTF-16 byte-order mark
  | 'binary_input' // too many NUL or control bytes to be text
  | 'invalid_utf8' // not valid UTF-8 (only reachable natively: JS strings always arrive as UTF-8)
  | 'internal_error'; // a bug; status "internal_error"

/** Codes of `warnings` entries. */
export type WarningCode =
  | 'nul_characters' // NUL characters, read as spaces
  | 'html_markup' // HTML tags; analysed as plain text
  | 'mojibake' // UTF-8 that was decoded as Windows-1252 ("Viá»‡t")
  | 'legacy_vietnamese_encoding' // TCVN3 (ABC) or VNI font text shown as Windows-1252 characters
  | 'invalid_option' // an option that cannot be used (unknown, wrong type, out of range); its default is used
  | 'lone_surrogates'; // (added by the JS layer) unpaired UTF-16 surrogates, read as U+FFFD: spans over them hold U+FFFD

/**
 * One entry of `warnings` or `errors` (C++ `Message`). `start` and `end` (and `text`, with `spanText`) are present together, when
 * the message applies to a place in the input.
 */
export interface Message {
  /** Stable machine-readable identifier. */
  code: WarningCode | ErrorCode | (string & {});
  /** Human-readable English explanation. */
  message: string;
  /** Where, in UTF-16 code units (with `end` and `text`). */
  start?: number;
  end?: number;
  text?: string;
}

/**
 * The role of a block in the article:
 * - 'header': "date 2020-12" opening the first line
 * - 'title': the first line (after the header), when short
 * - 'lead': the sapo, the paragraph after the title
 * - 'body': running text
 * - 'caption': a photo caption, with or without a credit
 * - 'speaker_caption': "<title> <Name>: <statement>"
 * - 'subheading': a short line without final punctuation, followed by body text
 * - 'byline': the author closing the article ("Thu Hà", "Theo VnExpress")
 */
export type BlockType = (typeof BLOCK_TYPES)[number];

/** A paragraph, or part of one, with its role (C++ `Block`). */
export interface Block extends Span {
  type: BlockType;
  /** Index of the paragraph (non-empty line) it belongs to, from 0. */
  paragraph: number;
  /** header only: the article date as written in the header, "2020-12" or "2020-12-29". */
  date?: string;
  /** speaker_caption only: the "<title> <Name>" part before the colon. */
  speaker?: Span;
  /** speaker_caption only: the statement after the colon. */
  statement?: Span;
  /** caption only, when one is named: the photo credit ("Gia Khánh" from "Ảnh: Gia Khánh"). */
  credit?: Span;
}

/** One sentence (C++ `Sentence`). Sentences never cross a line break. */
export interface Sentence extends Span {
  /** Index into `blocks` of the block that contains it. */
  block: number;
}

/** An ICU word segment: a Vietnamese syllable, an English word, a number or a punctuation mark (C++ `Token`). */
export interface Token extends Span {
  /** "number" keeps its separators ("3.600", "2,4"); a run of full stops is one "punct" token ("..."). */
  kind: TokenKind;
  /** Index into `sentences`, -1 when outside any sentence. */
  sentence: number;
}

/** The tokens as columns (`tokens: "compact"`): item i is token i; no text (text.slice(start[i], end[i])). */
export interface TokenColumns {
  /** The kind names, in the order `kind` indexes them: ["word", "number", "punct", "symbol"]. */
  kinds: Array<Token['kind']>;
  /** Index into `kinds`. */
  kind: number[];
  start: number[];
  end: number[];
  sentence: number[];
}

/** A Vietnamese word of one or more syllables ("công tác", "Hà Tĩnh") (C++ `Word`). */
export interface Word extends Span {
  /** Number of syllables. */
  syllables: number;
  /** Present (true) for a capitalized name-like run rather than a lexicon word. */
  proper?: true;
}

/** The words as columns (`wordSpans: "compact"`): item i is word i. */
export interface WordColumns {
  start: number[];
  end: number[];
  syllables: number[];
  /** 1 for a capitalized name-like run, else 0. */
  proper: Array<0 | 1>;
}

/** How a quote is given: a speaker caption, direct (in quotation marks) or reported speech. */
export type QuoteKind = (typeof QUOTE_KINDS)[number];

/** The kind of a token. */
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** The kind of an entity: a name (person, organization, location), a date or time, or a figure. */
export type EntityType = (typeof ENTITY_TYPES)[number];
/** The entity types of names (what `options.words` may type a word as). */
export type NameType = (typeof NAME_TYPES)[number];

/** A normalized value attached to an entity (C++ `EntityValue`); which members are present depends on the type. */
export interface EntityValue {
  /** number, money, percent, quantity: the numeric amount. */
  number?: number;
  /** money: the currency ("VND", "USD"); quantity: the unit or counted noun ("tập thể", "ha"). */
  unit?: string;
  /** date: ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "--MM-DD" when the year is unknown (no article or reference date). */
  date?: string;
  /** date range: its ISO end, in the same forms (C++ `date_end`). */
  end?: string;
  /** date/time: the part of the day (C++ `part_of_day`). */
  partOfDay?: 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';
  /** time: "HH:MM". */
  time?: string;
  /** organization/location abbreviation: its full form ("UBND" → "Ủy ban nhân dân"). */
  expansion?: string;
  /** person/organization/location: the name it is grouped under. */
  canonical?: string;
}

/** A named entity or a figure (C++ `Entity`). */
export interface Entity extends Span {
  type: EntityType;
  /** Normalized value; `{}` when there is none. */
  value: EntityValue;
  /** Index into `sentences`, -1 when outside any sentence. */
  sentence: number;
}

/** A role a person holds in the text (C++ `Role`); the span is the whole role phrase as written. */
export interface Role extends Span {
  /** The title: "Phó Chủ tịch", "Trưởng ban". */
  title: string;
  /** The organization: "UBND tỉnh", "Ban Dân vận Tỉnh ủy"; "" when none is named. */
  organization: string;
  /**
   * "former" (nguyên, cựu), "standing" (thường trực), "acting" (quyền, tạm quyền), "concurrently" (kiêm),
   * "in charge" (phụ trách), "new" (tân).
   */
  qualifiers: string[];
}

/** A person, once, with every mention (C++ `Person`). */
export interface Person {
  /** Full name as first written. */
  name: string;
  /** Full and short forms ("Lê Ngọc Châu", "ông Châu"). */
  mentions: Span[];
  roles: Role[];
}

/** An entry of `organizations` or `places`: deduplicated, with its mentions (C++ `NamedThing`). */
export interface NamedThing {
  /** Canonical form (abbreviation expanded where known). */
  name: string;
  /** Present when it is written as an abbreviation, e.g. "UBND". */
  abbreviation?: string;
  mentions: Span[];
}

/** A quotation; the span is the quoted content (C++ `Quote`). */
export interface Quote extends Span {
  /** "speaker_caption": from a "<Name>: <statement>" block; "direct": in quotation marks; "reported": after a speech verb. */
  kind: QuoteKind;
  /** The speech verb ("cho biết", "nói", …), when there is one. */
  cue?: Span;
  /** Index into `people`, -1 if the speaker is not a named person. */
  person: number;
  /** The speaker as written, or the group ("đại biểu"); "" when unknown. */
  speaker: string;
}

/** An abbreviation used in the text and what it stands for (C++ `Abbreviation`). */
export interface Abbreviation {
  abbreviation: string;
  expansion: string;
  /** How often it occurs. */
  count: number;
}

/** A keyword of the article (C++ `Keyword`). */
export interface Keyword {
  text: string;
  /** Higher is more central to the article (rounded to 3 decimals; the best is 1). */
  score: number;
  /** How often it occurs. */
  count: number;
}

/** Statistics (C++ `Stats`). */
export interface Stats {
  /** Unicode code points of the input. */
  characters: number;
  /** Word tokens: Vietnamese syllables or English words. */
  syllables: number;
  /** Segmented words (for English, the word tokens). */
  words: number;
  sentences: number;
  /** Non-empty lines. */
  paragraphs: number;
  /** At 220 syllables (vi) or 230 words (en) a minute, rounded to 0.1 s (C++ `reading_time_seconds`). */
  readingTimeSeconds: number;
}

/** The article's own metadata, derived from the blocks (C++ `ArticleInfo`); "" when not found. */
export interface ArticleInfo {
  /** The article's date ("2020-12", "2020-12-29"), from its header or dateline. */
  date: string;
  title: string;
  /** The byline, without "Theo" or a trailing "(T/h)". */
  author: string;
  /** English wire stories: the dateline they open with; absent when there is none. */
  dateline?: Dateline;
}

/**
 * The dateline an English wire story opens with ("ROTTERDAM, June 3 (Reuters) -", or "MOSCOW 1996-08-30" on a
 * line of its own), its dash included (C++ `Dateline`).
 */
export interface Dateline extends Span {
  /** "ROTTERDAM", "HERZLIYA, Israel". */
  place: Span;
  /** ISO, resolved as entity dates are ("--06-03" without a year); when whole and no header gives one, it is
   * also the article's `date`. */
  date?: string;
  /** The news agency in brackets ("Reuters"). */
  agency?: Span;
}

/** The whole JSON document that analyze() returns (C++ `Analysis`, rendered by `to_json`). */
export interface Analysis {
  /** Version of the document's layout; bumped when a field changes meaning or is removed. */
  schema: number;
  analyzer: {
    name: 'article-analyzer';
    /** Library version, e.g. "0.1.0". */
    version: string;
  };
  status: Status;
  /** Detected (or forced) language; "und" when undetermined, "" when the input was unusable. */
  language: 'vi' | 'en' | 'und' | '';
  article: ArticleInfo;
  blocks: Block[];
  sentences: Sentence[];
  /** Empty when the `tokens` option is false (the JS API's default); columns when "compact". */
  tokens: Token[] | TokenColumns;
  /** Vietnamese words (empty for English text, and when the `wordSpans` option is false); columns when "compact". */
  words: Word[] | WordColumns;
  entities: Entity[];
  people: Person[];
  organizations: NamedThing[];
  places: NamedThing[];
  quotes: Quote[];
  abbreviations: Abbreviation[];
  keywords: Keyword[];
  stats: Stats;
  warnings: Message[];
  /** Non-empty exactly when `status` is not "ok". */
  errors: Message[];
}
