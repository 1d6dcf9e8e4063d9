/**
 * Fields outside ECS that Intake itself writes or reads, declared for every format: the transport
 * envelope (`log.hostname`), the `action.*` fields that Windows-style parsers fill and the logon
 * enrichment reads (not `action.properties`: only a format that declares it keeps it), and the `sekoiaio.*` fields that enrichment adds. Catalog users who pass the
 * full vendor-extension list with `--taxonomy` override these with the same names.
 */
export const INTAKE_EXTENSIONS: readonly (readonly [name: string, type: string, description: string])[] = [
  ['log.hostname', 'keyword', 'Name of the host that sent the log, as the transport (syslog, HTTP intake) tells it.'],
  ['action.name', 'keyword', 'Name of the action the event describes, as the product names it.'],
  ['action.type', 'keyword', 'Kind of the action (open, close, create, delete, ...).'],
  ['action.id', 'keyword', 'Identifier of the action, e.g. a Windows event id.'],
  ['action.target', 'keyword', 'What the action acted upon (user, host, file, network, ...).'],
  ['action.outcome', 'keyword', 'Result of the action: success, failure or a product-specific word.'],
  ['action.outcome_reason', 'keyword', 'Why the action had its outcome.'],
  ['sekoiaio.server.os.type', 'keyword', 'Operating system type of the server the authentication happened on.'],
  ['sekoiaio.server.name', 'keyword', 'Name of the server the authentication happened on.'],
  ['sekoiaio.client.name', 'keyword', 'Name of the client (workstation) the authentication came from.'],
  ['sekoiaio.client.os.type', 'keyword', 'Operating system type of the client the authentication came from.'],
  ['sekoiaio.authentication.process.name', 'keyword', 'Process that handled the authentication (Windows logon process).'],
];
