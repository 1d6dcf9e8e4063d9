/** Usage texts, one per command; printed by --help. */

export const MAIN_HELP = `intake - normalize logs with intake-format parsers into ECS events

Usage: intake <command> [options]

Commands:
  normalize   normalize raw or JSON events from files or stdin to NDJSON on stdout
  test        run the golden tests (tests/*.json) of format folders
  docs        write a Markdown page per format
  formats     list the built-in formats
  serve       run the HTTP/syslog intake servers
  search      search stored events
  worker      run a bus worker

Options:
  -h, --help     show help (also: intake <command> --help)
  -v, --version  print the version

Examples:
  intake normalize --format rubycat-proveit --input json samples/rubycat-proveit.ndjson
  intake test formats
  intake docs formats --out docs/formats
`;

export const NORMALIZE_HELP = `Usage: intake normalize --format <slug|dir|auto> [options] [FILE...]

Reads events from FILEs (or stdin when none or "-") and writes one normalized event per
input event, as NDJSON, in input order, to stdout. Failed events are written too, with
sekoiaio.intake.parsing_status "failure" and sekoiaio.intake.input {file, line}, the
input line they came from. A summary goes to stderr at the end, with the first failures.

Options:
  -f, --format <v>      format slug or name (built-in or in a --formats-dir tree), a format
                        folder, or "auto" (per event, the known format that parses it)
                        (pick per event among the built-in formats)
  -i, --input <mode>    raw (default): each line is the message; json: each line is an
                        input event object {"message": ..., other fields}
  -t, --taxonomy FILE   extra taxonomy file (fields.yml shape); repeatable
  -F, --formats-dir DIR a tree of formats to find PATH/--format by slug or name; repeatable
      (also INTAKE_FORMATS_PATH, colon-separated)
  -w, --workers N       normalize in N worker threads (output order is kept)
      --batch-timeout MS  with --workers: a batch taking longer is abandoned, its worker
                        replaced and its events retried one by one (default 30000)
      --no-progress     no progress bar (it only shows for FILEs on a terminal anyway)
  -o, --output FILE     write the events to FILE instead of standard output
  -q, --quiet           no summary and no progress bar (warnings and errors still show)

Exit status: 0 when all input was read (even with failed events), 1 when a file or the
format cannot be loaded, 2 for bad arguments.

Examples:
  intake normalize --format rubycat-proveit --input json samples/rubycat-proveit.ndjson
  tail -f /var/log/app.log | intake normalize --format ./my-formats/acme/gateway
  intake normalize --format auto --input json --workers 2 samples/*.ndjson > out.ndjson
`;

export const TEST_HELP = `Usage: intake test [--update] [--quiet] [--report FILE] [--groups N] [--now DATE] [--taxonomy FILE]... PATH...

PATH is a format folder (one with ingest/parser.yml) or any folder containing format
folders. Runs each format's tests/*.json in catalog test mode and compares the output
with "expected" (metadata, event.id and message ignored; lists of scalars unordered;
numbers by value; dates as instants). Prints a diff per failing test and a closing line
"N passed, N failed". Before it, the differences of all failing tests grouped by
field and kind (missing, extra, wrong, problem), largest first: what to fix next.
Exit status 1 when a test fails or a format does not load.

Options:
  -u, --update          rewrite "expected" of each test from the current output
  -q, --quiet           no per-test diffs: one line per format, the groups, the totals
  -r, --report FILE     write the whole run as JSON: totals, groups, and per format
                        each test with its differing paths
  -g, --groups N        how many groups of differences to print (default 20; 0: none)
      --now DATE        the clock of the run (e.g. 2026-12-01T00:00:00Z): year-less dates take
                        its year, so tests written in one year still pass in the next
  -t, --taxonomy FILE   extra taxonomy file (fields.yml shape); repeatable
  -F, --formats-dir DIR a tree of formats to find PATH/--format by slug or name; repeatable
      (also INTAKE_FORMATS_PATH, colon-separated)

Examples:
  intake test formats
  intake test formats/rubycat/proveit
  intake test --update formats/acme/gateway
  intake test --quiet --report /tmp/catalog.json --taxonomy catalog/utils/checks/validators/data/sekoiaio_flat.yml catalog
`;

export const DOCS_HELP = `Usage: intake docs PATH [--out DIR] [--taxonomy FILE]...

Writes one Markdown page <slug>.md per format found under PATH: data sources, event
kinds/categories/types, the test samples and the extracted fields.

Options:
  -o, --out DIR         output folder (default: current folder)
  -t, --taxonomy FILE   extra taxonomy file (fields.yml shape); repeatable
  -F, --formats-dir DIR a tree of formats to find PATH/--format by slug or name; repeatable
      (also INTAKE_FORMATS_PATH, colon-separated)

Examples:
  intake docs formats --out docs/formats
  intake docs formats/rubycat/proveit --out /tmp/docs
`;

export const FORMATS_HELP = `Usage: intake formats [--formats-dir DIR]... [--json]

Lists every known format: slug, name, where it comes from, and its data sources. Formats
are searched in the --formats-dir trees (in the order given), then in the trees of
INTAKE_FORMATS_PATH (colon-separated), then among the built-in formats; the first format
with a slug wins. Only manifests are read: nothing is compiled.

Options:
  -F, --formats-dir DIR  a tree of format folders (a catalog clone); repeatable
      --json             one JSON array: slug, name, uuid, dir, origin, data_sources

Examples:
  intake formats
  intake formats --formats-dir ../intake-formats --json
`;
