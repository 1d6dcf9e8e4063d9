/** Prometheus text exposition of the server's counters, one histogram and gauges. */

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

class LabeledCounter {
  readonly values = new Map<string, number>();
  inc(labelValue: string, by = 1): void {
    this.values.set(labelValue, (this.values.get(labelValue) ?? 0) + by);
  }
  get(labelValue: string): number {
    return this.values.get(labelValue) ?? 0;
  }
}

export class Metrics {
  readonly received = new LabeledCounter();
  readonly normalized = new LabeledCounter();
  readonly failed = new LabeledCounter();
  /** Refused or dropped before normalization, by reason (unknown_key, malformed, saturated, ...). */
  readonly rejected = new LabeledCounter();
  private readonly buckets = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  private latencyCount = 0;
  private latencySum = 0;
  /** Read at scrape time. */
  gauges: { queueDepth: () => number; storeBytes: () => number } = { queueDepth: () => 0, storeBytes: () => 0 };

  observeAckLatency(seconds: number): void {
    this.latencyCount++;
    this.latencySum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) this.buckets[i]!++;
  }

  render(): string {
    const out: string[] = [];
    const counter = (name: string, help: string, labelName: string, c: LabeledCounter) => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [k, v] of c.values) out.push(`${name}{${labelName}="${label(k)}"} ${v}`);
    };
    counter('intake_events_received_total', 'Events received, by format.', 'format', this.received);
    counter('intake_events_normalized_total', 'Events normalized successfully, by format.', 'format', this.normalized);
    counter('intake_events_failed_total', 'Events whose parsing failed (stored with failure status), by format.', 'format', this.failed);
    counter('intake_events_rejected_total', 'Events refused before normalization, by reason.', 'reason', this.rejected);
    out.push('# HELP intake_ack_latency_seconds Time from reception to durable acknowledgement.', '# TYPE intake_ack_latency_seconds histogram');
    LATENCY_BUCKETS.forEach((b, i) => out.push(`intake_ack_latency_seconds_bucket{le="${b}"} ${this.buckets[i]}`));
    out.push(`intake_ack_latency_seconds_bucket{le="+Inf"} ${this.latencyCount}`);
    out.push(`intake_ack_latency_seconds_sum ${this.latencySum}`, `intake_ack_latency_seconds_count ${this.latencyCount}`);
    out.push('# HELP intake_queue_depth Events accepted and not yet durable.', '# TYPE intake_queue_depth gauge');
    out.push(`intake_queue_depth ${this.gauges.queueDepth()}`);
    out.push('# HELP intake_store_size_bytes Size of the embedded store on disk.', '# TYPE intake_store_size_bytes gauge');
    out.push(`intake_store_size_bytes ${this.gauges.storeBytes()}`);
    return out.join('\n') + '\n';
  }
}
