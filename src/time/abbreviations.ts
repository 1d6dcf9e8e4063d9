/**
 * Zone abbreviations a `timezone` property may name (`PDT`, `CST`, `CEST`), as fixed offsets in
 * minutes east of UTC. Names that are zones of their own in the IANA database (`CET`, `EST`,
 * `MST`, `HST`, `EET`, `MET`, `WET`) are not here: they keep their rules. Where an abbreviation is
 * ambiguous the North American / European reading is taken (`CST` is US Central, `IST` India).
 */
export const ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['WEST', 60], ['BST', 60], ['CEST', 120], ['MEST', 120], ['EEST', 180], ['MSK', 180],
  ['EDT', -240], ['CDT', -300], ['MDT', -360], ['PDT', -420], ['PST', -480], ['CST', -360],
  ['AKST', -540], ['AKDT', -480], ['HDT', -540], ['AST', -240], ['ADT', -180], ['NST', -210], ['NDT', -150],
  ['BRT', -180], ['BRST', -120], ['ART', -180], ['CLT', -240], ['CLST', -180],
  ['SAST', 120], ['EAT', 180], ['WAT', 60], ['CAT', 120], ['IST', 330], ['PKT', 300],
  ['ICT', 420], ['WIB', 420], ['SGT', 480], ['HKT', 480], ['PHT', 480], ['AWST', 480],
  ['JST', 540], ['KST', 540], ['ACST', 570], ['ACDT', 630], ['AEST', 600], ['AEDT', 660],
  ['NZST', 720], ['NZDT', 780],
]);
