/** General-purpose patterns: numbers, words, network addresses, paths, URIs, dates, levels. */

/** One IPv4 octet, 0-255 (a leading 0 or 1 is allowed, as in the classic set). */
const OCTET = String.raw`(?:[0-1]?[0-9]{1,2}|2[0-4][0-9]|25[0-5])`;

function ipv6(): string {
  const h = '[0-9A-Fa-f]{1,4}';
  const v4part = String.raw`(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
  const v4 = `(${v4part}(\\.${v4part}){3})`;
  // Alternatives by number of leading hextets (7 down to 0), then an optional zone id.
  const alts = [
    `((${h}:){7}(${h}|:))`,
    `((${h}:){6}(:${h}|${v4}|:))`,
    `((${h}:){5}(((:${h}){1,2})|:${v4}|:))`,
  ];
  for (let n = 4; n >= 1; n--) {
    const mid = n === 4 ? `(:${h})?` : `(:${h}){0,${5 - n}}`;
    alts.push(`((${h}:){${n}}(((:${h}){1,${7 - n}})|(${mid}:${v4})|:))`);
  }
  alts.push(`(:(((:${h}){1,7})|((:${h}){0,5}:${v4})|:))`);
  return `(${alts.join('|')})(%.+)?`;
}

export const CORE: Readonly<Record<string, string>> = {
  USERNAME: '[a-zA-Z0-9._-]+',
  USER: '%{USERNAME}',
  EMAILLOCALPART: '[a-zA-Z][a-zA-Z0-9_.+-=:]+',
  EMAILADDRESS: '%{EMAILLOCALPART}@%{HOSTNAME}',
  INT: '(?:[+-]?(?:[0-9]+))',
  // Atomic: `%{NUMBER}5` must not match "1235" by giving a digit back (Python semantics).
  BASE10NUM: String.raw`(?<![0-9.+-])(?>[+-]?(?:(?:[0-9]+(?:\.[0-9]+)?)|(?:\.[0-9]+)))`,
  NUMBER: '(?:%{BASE10NUM})',
  BASE16NUM: '(?<![0-9A-Fa-f])(?:[+-]?(?:0x)?(?:[0-9A-Fa-f]+))',
  BASE16FLOAT: String.raw`\b(?<![0-9A-Fa-f.])(?:[+-]?(?:0x)?(?:(?:[0-9A-Fa-f]+(?:\.[0-9A-Fa-f]*)?)|(?:\.[0-9A-Fa-f]+)))\b`,
  POSINT: String.raw`\b(?:[1-9][0-9]*)\b`,
  NONNEGINT: String.raw`\b(?:[0-9]+)\b`,
  WORD: String.raw`\b\w+\b`,
  NOTSPACE: String.raw`\S+`,
  SPACE: String.raw`\s*`,
  DATA: '.*?',
  GREEDYDATA: '.*',
  QUOTEDSTRING: String.raw`(?>(?<!\\)(?>"(?>\\.|[^\\"]+)+"|""|(?>'(?>\\.|[^\\']+)+')|''|(?>` + '`' + String.raw`(?>\\.|[^\\` + '`' + ']+)+`)|``))',
  QS: '%{QUOTEDSTRING}',
  UUID: '[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}',
  URN: String.raw`urn:[0-9A-Za-z][0-9A-Za-z-]{0,31}:(?:%[0-9a-fA-F]{2}|[0-9A-Za-z()+,.:=@;$_!*'/?#-])+`,

  MAC: '(?:%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC})',
  CISCOMAC: String.raw`(?:(?:[A-Fa-f0-9]{4}\.){2}[A-Fa-f0-9]{4})`,
  WINDOWSMAC: '(?:(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2})',
  COMMONMAC: '(?:(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2})',
  IPV6: ipv6(),
  IPV4: `(?<![0-9])(?:${OCTET}[.]${OCTET}[.]${OCTET}[.]${OCTET})(?![0-9])`,
  IP: '(?:%{IPV6}|%{IPV4})',
  HOSTNAME: String.raw`\b(?:[0-9A-Za-z][0-9A-Za-z-]{0,62})(?:\.(?:[0-9A-Za-z][0-9A-Za-z-]{0,62}))*(\.?|\b)`,
  HOST: '%{HOSTNAME}',
  IPORHOST: '(?:%{IP}|%{HOSTNAME})',
  HOSTPORT: '%{IPORHOST}:%{POSINT}',

  PATH: '(?:%{UNIXPATH}|%{WINPATH})',
  UNIXPATH: String.raw`(/([\w_%!$@:.,+~-]+|\\.)*)+`,
  TTY: String.raw`(?:/dev/(pts|tty([pq])?)(\w+)?/?(?:[0-9]+))`,
  WINPATH: String.raw`(?>[A-Za-z]+:|\\)(?:\\[^\\?*]*)+`,
  URIPROTO: String.raw`[A-Za-z]([A-Za-z0-9+\-.]+)+`,
  URIHOST: '%{IPORHOST}(?::%{POSINT:port})?',
  URIPATH: String.raw`(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%&_\-]*)+`,
  URIPARAM: String.raw`\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\-\[\]<>]*`,
  URIPATHPARAM: '%{URIPATH}(?:%{URIPARAM})?',
  URI: '%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATHPARAM})?',

  MONTH: String.raw`\b(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:a|ä)?r(?:ch|z)?|[Aa]pr(?:il)?|[Mm]a(?:y|i)?|[Jj]un(?:e|i)?|[Jj]ul(?:y|i)?|[Aa]ug(?:ust)?|[Ss]ep(?:tember)?|[Oo](?:c|k)?t(?:ober)?|[Nn]ov(?:ember)?|[Dd]e(?:c|z)(?:ember)?)\b`,
  MONTHNUM: '(?:0?[1-9]|1[0-2])',
  MONTHNUM2: '(?:0[1-9]|1[0-2])',
  MONTHDAY: '(?:(?:0[1-9])|(?:[12][0-9])|(?:3[01])|[1-9])',
  DAY: '(?:Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)',
  // Classic form `(?>\d\d){1,2}`: atomicity on a fixed-width pair cannot change a match.
  YEAR: String.raw`(?:\d\d){1,2}`,
  HOUR: '(?:2[0123]|[01]?[0-9])',
  MINUTE: '(?:[0-5][0-9])',
  SECOND: '(?:(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?)',
  // `(?!<[0-9])` is a look-ahead for "not `<` followed by a digit", kept as in the classic set.
  TIME: '(?!<[0-9])%{HOUR}:%{MINUTE}(?::%{SECOND})(?![0-9])',
  DATE_US: '%{MONTHNUM}[/-]%{MONTHDAY}[/-]%{YEAR}',
  DATE_EU: '%{MONTHDAY}[./-]%{MONTHNUM}[./-]%{YEAR}',
  ISO8601_TIMEZONE: '(?:Z|[+-]%{HOUR}(?::?%{MINUTE}))',
  ISO8601_SECOND: '(?:%{SECOND}|60)',
  TIMESTAMP_ISO8601: '%{YEAR}-%{MONTHNUM}-%{MONTHDAY}[T ]%{HOUR}:?%{MINUTE}(?::?%{SECOND})?%{ISO8601_TIMEZONE}?',
  DATE: '%{DATE_US}|%{DATE_EU}',
  DATESTAMP: '%{DATE}[- ]%{TIME}',
  TZ: '(?:[APMCE][SD]T|UTC)',
  DATESTAMP_RFC822: '%{DAY} %{MONTH} %{MONTHDAY} %{YEAR} %{TIME} %{TZ}',
  DATESTAMP_RFC2822: '%{DAY}, %{MONTHDAY} %{MONTH} %{YEAR} %{TIME} %{ISO8601_TIMEZONE}',
  DATESTAMP_OTHER: '%{DAY} %{MONTH} %{MONTHDAY} %{TIME} %{TZ} %{YEAR}',
  DATESTAMP_EVENTLOG: '%{YEAR}%{MONTHNUM2}%{MONTHDAY}%{HOUR}%{MINUTE}%{SECOND}',

  LOGLEVEL: '([Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo?(?:rmation)?|INFO?(?:RMATION)?|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?)',
};
